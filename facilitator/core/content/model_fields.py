"""Which keys the manifest allows at a place in the document, to suggest the right spelling."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.problems import FieldPath


def _strip(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _model(annotation: Any, node: Any) -> type[BaseModel] | None:
    """The model class an annotation stands for; a step union is resolved by the step's kind."""
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        models = [m for arg in get_args(annotation) if (m := _model(arg, node)) is not None]
        kind = node.get("kind") if isinstance(node, dict) else None
        for model in models:
            field = model.model_fields.get("kind")
            if field is not None and kind in get_args(_strip(field.annotation)):
                return model
        return models[0] if len(models) == 1 else None
    return None


def _item(annotation: Any) -> Any:
    annotation = _strip(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        # `list[X] | None`: the list is the non-None member
        members = [a for a in get_args(annotation) if a is not type(None)]
        annotation = _strip(members[0]) if len(members) == 1 else annotation
    if get_origin(annotation) in (list, typing.List):  # noqa: UP006
        return get_args(annotation)[0]
    return None


def allowed_keys(path: FieldPath, data: Any) -> list[str] | None:
    """The keys of the table at ``path`` (``("steps", 3)`` → the step's fields), if known."""
    annotation: Any = Manifest
    node: Any = data
    for part in path:
        if isinstance(part, int):
            annotation = _item(annotation)
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            model = _model(annotation, node)
            if model is None or part not in model.model_fields:
                return None
            annotation = model.model_fields[part].annotation
            node = node.get(part) if isinstance(node, dict) else None
        if annotation is None:
            return None
    model = _model(annotation, node)
    return list(model.model_fields) if model is not None else None
