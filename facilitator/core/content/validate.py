"""Validate module folders: the manifest, every file it refers to, and the film's times.

Errors make a module unrunnable; warnings are shown to the author but the module still runs.
Nothing wrong with a module raises: everything becomes a `Problem` with file, line and field.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from facilitator.core.content.film_checks import check_film
from facilitator.core.content.loader import LoadedManifest, load_manifest
from facilitator.core.content.manifest import Manifest
from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.content.package_files import file_refs, resolve_reference
from facilitator.core.content.printable_checks import check_printables
from facilitator.core.content.problems import MANIFEST_FILE, Problem, sort_problems
from facilitator.core.content.question_checks import check_questions
from facilitator.core.content.report import Findings, ModuleReport
from facilitator.core.content.self_study_checks import check_self_study
from facilitator.core.content.source_checks import check_sources
from facilitator.core.content.text_checks import check_markdown, check_variants
from facilitator.core.content.variant_rules import check_variant_rules
from facilitator.core.films.transcript import transcript_candidates
from facilitator.core.i18n import _

log = logging.getLogger(__name__)


def _unexpected(folder: Path, error: Exception) -> ModuleReport:
    # A bug in a check must not take the library down with it; the author still gets a line.
    log.exception("validating %s failed", folder)
    problem = Problem(
        MANIFEST_FILE,
        None,
        "",
        _("oväntat fel i kontrollen ({error})").format(error=type(error).__name__),
        _("rapportera felet till utvecklarna"),
    )
    return ModuleReport(folder, None, (problem,))


def _check_manifest(findings: Findings, manifest: Manifest) -> None:
    check_variants(findings, manifest)
    check_variant_rules(findings, manifest)
    check_sources(findings, manifest)
    check_questions(findings, manifest)
    check_self_study(findings, manifest)


def check_loaded(loaded: LoadedManifest) -> ModuleReport:
    """The checks that need nothing but the manifest text: cheap enough for every card."""
    if loaded.manifest is None:
        return ModuleReport(loaded.folder, None, tuple(sort_problems(loaded.problems)))
    findings = Findings(loaded.folder, loaded.line_of)
    _check_manifest(findings, loaded.manifest)
    return ModuleReport(loaded.folder, loaded.manifest, tuple(sort_problems(findings.problems)))


def _full(folder: Path, probe: MediaProbe | None) -> ModuleReport:
    loaded = load_manifest(folder)
    manifest = loaded.manifest
    if manifest is None:
        return check_loaded(loaded)
    findings = Findings(folder, loaded.line_of)
    _check_manifest(findings, manifest)
    files: dict[tuple[str | int, ...], Path] = {}
    refs = file_refs(manifest)
    read: set[Path] = set()
    for ref in refs:
        resolved = resolve_reference(folder, ref.reference)
        if resolved.found:
            findings.manifest(ref.path, resolved.found, resolved.expected, resolved.severity)
        if resolved.file is None:
            continue
        files[ref.path] = resolved.file
        # A printable is named by its step and by its declaration: its text is checked once.
        if ref.role == "markdown" and resolved.file not in read:
            read.add(resolved.file)
            check_markdown(findings, ref, resolved.file)
    check_printables(findings, manifest, folder, files)
    duration = check_film(findings, manifest, files, probe)
    return ModuleReport(
        folder,
        manifest,
        tuple(sort_problems(findings.problems)),
        duration,
        # An author's transcript is found, not referenced: adding one must invalidate too.
        tuple(sorted({ref.reference for ref in refs} | set(transcript_candidates(manifest)))),
    )


def validate_module(folder: Path, probe: MediaProbe | None = None) -> ModuleReport:
    """Everything about one module folder. Without a probe, times are checked against the
    film only if it can be read; a warning says what could not be checked."""
    try:
        return _full(folder, probe)
    except Exception as error:  # the last line of defence, see _unexpected
        return _unexpected(folder, error)


def module_folders(path: Path) -> list[Path]:
    """A module folder, a module.toml, or a folder of module folders (such as `modules/`)."""
    if path.name == MANIFEST_FILE and path.is_file():
        return [path.parent]
    if not path.is_dir() or (path / MANIFEST_FILE).exists():
        return [path]
    children = sorted(
        child for child in path.iterdir() if child.is_dir() and not child.name.startswith(".")
    )
    return children or [path]


def with_unique_ids(reports: Sequence[ModuleReport]) -> list[ModuleReport]:
    """Adds an error to every module whose id another module in the set also uses."""
    by_id: dict[str, list[int]] = {}
    for index, report in enumerate(reports):
        if report.manifest is not None:
            by_id.setdefault(report.manifest.id, []).append(index)
    result = list(reports)
    for module_id, indexes in by_id.items():
        if len(indexes) < 2:
            continue
        for index in indexes:
            others = ", ".join(str(reports[i].folder) for i in indexes if i != index)
            line = load_manifest(reports[index].folder).line_of(("id",))
            problem = Problem(
                MANIFEST_FILE,
                line,
                "id",
                _("id ”{id}” används också av {others}").format(id=module_id, others=others),
                _("varje modul ska ha ett eget id"),
            )
            report = result[index]
            result[index] = replace(report, problems=(problem, *report.problems))
    return result


def validate_paths(paths: Iterable[Path], probe: MediaProbe | None = None) -> list[ModuleReport]:
    folders: list[Path] = []
    for path in paths:
        folders.extend(module_folders(path))
    return with_unique_ids([validate_module(folder, probe) for folder in folders])
