"""From the storage API (and the modules' manifests) to ``SessionExport`` values.

The only export code that reads the database. It never asks the private-notes store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.content.catalog import Catalog
from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import EvaluationQuestion, EvaluationStep, Manifest
from facilitator.core.export.model import KnowledgeIndicator, SessionExport
from facilitator.core.export.module_about import modules_about
from facilitator.core.export.phone_votes import combined, phone_results
from facilitator.core.export.progress import Steps
from facilitator.core.storage.records import (
    EvaluationResult,
    HistoryQuery,
    ModuleRef,
    SessionLifecycle,
)

if TYPE_CHECKING:
    from facilitator.core.storage.repository import Repository

ManifestLookup = Callable[[str, str], Manifest | None]
"""(module id, version) → the module's manifest, or None when it is not on this computer."""

REPORTED_STATUSES = frozenset({SessionLifecycle.FINISHED, SessionLifecycle.INTERRUPTED})
"""Sessions that were held. Planned ones never took place, and a running one is not over."""

_PAGE = 500


def no_manifests(module_id: str, version: str) -> Manifest | None:
    return None


def catalog_manifests(catalog: Catalog) -> ManifestLookup:
    """Manifests from the app's module library (call ``catalog.load()`` first): the version
    the session ran if it is still there, else the library's current one."""
    cache: dict[tuple[str, str], Manifest | None] = {}

    def lookup(module_id: str, version: str) -> Manifest | None:
        key = (module_id, version)
        if key not in cache:
            entry = catalog.get(module_id, version) or catalog.get(module_id)
            cache[key] = load_manifest(entry.path).manifest if entry is not None else None
        return cache[key]

    return lookup


def folder_manifests(folders: Iterable[Path]) -> ManifestLookup:
    """Manifests from module folders, by id (any version): for tools and tests."""
    found: dict[str, Manifest] = {}
    for folder in folders:
        manifest = load_manifest(folder).manifest
        if manifest is not None:
            found[manifest.id] = manifest
    return lambda module_id, _version: found.get(module_id)


def gather_session(
    repo: Repository, session_uuid: str, manifests: ManifestLookup = no_manifests
) -> SessionExport:
    """Everything exportable about one session. Raises ``SessionNotFound``."""
    record = repo.sessions.get(session_uuid)
    hand = repo.tallies.evaluation(session_uuid)
    votes = repo.phone_answers.evaluation_counts(session_uuid)
    phones = phone_results(
        votes,
        repo.phone_answers.for_session(session_uuid) if votes.counts else (),
        {key: question for key, (_m, question) in _questions(record.modules, manifests).items()},
    )
    evaluation = combined(hand, phones)
    indicators, positive = knowledge_indicators(evaluation, record.modules, manifests)
    steps = repo.sessions.step_runs(session_uuid)
    return SessionExport(
        uuid=record.uuid,
        title=record.title,
        place=record.place,
        leader_name=record.leader_name,
        status=record.status,
        created_at=record.created_at,
        started_at=record.started_at,
        ended_at=record.ended_at,
        modules=record.modules,
        steps=steps,
        reflections=repo.reflections.for_session(session_uuid),
        attendance=repo.tallies.attendance(session_uuid),
        evaluation=evaluation,
        hand_evaluation=hand,
        phone_evaluation=phones,
        phone_voters=votes.devices,
        indicators=indicators,
        positive_options=positive,
        plan_json=record.plan_json,
        updated_at=record.updated_at,
        about=modules_about(record.modules, manifests, record.plan_json, steps),
    )


def knowledge_indicators(
    evaluation: Iterable[EvaluationResult],
    modules: tuple[ModuleRef, ...],
    manifests: ManifestLookup,
) -> tuple[tuple[KnowledgeIndicator, ...], tuple[tuple[str, tuple[int, ...]], ...]]:
    """The session's knowledge-indicator questions, each credited to the module that asks it
    (or to the session's only module when that module is not on this computer)."""
    questions = _questions(modules, manifests)
    indicators: list[KnowledgeIndicator] = []
    positive_options: list[tuple[str, tuple[int, ...]]] = []
    for result in evaluation:
        found = questions.get(result.question_id)
        if found is not None and found[1].positive_options:
            positive_options.append((result.question_id, tuple(found[1].positive_options)))
        if not result.knowledge_indicator:
            continue
        if found is None:
            module_id = modules[0].module_id if len(modules) == 1 else None
            indicators.append(
                KnowledgeIndicator(result.question_id, module_id, None, result.answers)
            )
            continue
        chosen = set(found[1].positive_options)
        positive = sum(option.count for option in result.options if option.index in chosen)
        indicators.append(
            KnowledgeIndicator(result.question_id, found[0], positive, result.answers)
        )
    return tuple(indicators), tuple(positive_options)


def _questions(
    modules: tuple[ModuleRef, ...], manifests: ManifestLookup
) -> dict[str, tuple[str, EvaluationQuestion]]:
    questions: dict[str, tuple[str, EvaluationQuestion]] = {}
    for module in modules:
        manifest = manifests(module.module_id, module.version)
        if manifest is None:
            continue
        for step in manifest.steps:
            if isinstance(step, EvaluationStep):
                for question in step.questions:
                    # With several modules in a session the same id (say "kunskap") appears in
                    # each; the evaluation page then stores them as "module/question".
                    questions.setdefault(question.id, (module.module_id, question))
                    questions[f"{module.module_id}/{question.id}"] = (module.module_id, question)
    return questions


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of ``first`` to the end of ``last``, local time (both days included)."""
    start = datetime.combine(first, time.min).astimezone()
    end = datetime.combine(last + timedelta(days=1), time.min).astimezone()
    return start, end


def gather_period(
    repo: Repository,
    first: date,
    last: date,
    *,
    module_ids: Collection[str] = (),
    manifests: ManifestLookup = no_manifests,
    statuses: Collection[SessionLifecycle] = REPORTED_STATUSES,
    steps: Steps | None = None,
) -> list[SessionExport]:
    """The sessions held from ``first`` to ``last`` (inclusive) that ran any of
    ``module_ids`` (all modules when empty), oldest first."""
    steps = steps or Steps()
    since, until = period_bounds(first, last)
    wanted = set(module_ids)
    uuids: list[str] = []
    offset = 0
    while True:
        page = repo.history.page(
            HistoryQuery(
                statuses=frozenset(statuses),
                since=since,
                until=until,
                limit=_PAGE,
                offset=offset,
            )
        )
        uuids.extend(
            item.uuid
            for item in page.items
            if not wanted or any(m.module_id in wanted for m in item.modules)
        )
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    sessions: list[SessionExport] = []
    for index, session_uuid in enumerate(uuids):
        steps.report(index / max(1, len(uuids)))
        sessions.append(gather_session(repo, session_uuid, manifests))
    sessions.sort(key=lambda s: (s.date, s.uuid))
    return sessions
