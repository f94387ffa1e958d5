"""The pre-session check of the chosen modules: each one validates, its subtitles parse, and
its film is where the manifest says. Which films to decode comes back as `FilmTarget`s: that
needs libVLC, so the UI layer does it (`facilitator.ui.precheck.media`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.content.catalog import Catalog, CatalogRoot
from facilitator.core.content.entry import ModuleEntry, Origin
from facilitator.core.content.manifest import Manifest, SubtitleTrack
from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.content.package_files import resolve_reference
from facilitator.core.content.validate import validate_module
from facilitator.core.films.playback import SubtitleFile
from facilitator.core.films.subtitles import SubtitleError, read_subtitles
from facilitator.core.i18n import _, active_language, ngettext
from facilitator.core.paths import AppPaths, bundled_modules_dir
from facilitator.core.precheck.system import CheckItem

# More than this many problems would bury the list; the validator shows them all.
SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class FilmTarget:
    """A film to decode: where it is and the subtitle files the player should load."""

    module_id: str
    title: str
    film: Path
    subtitles: tuple[SubtitleFile, ...]

    @property
    def check_name(self) -> str:
        return film_check_name(self.title)


@dataclass(frozen=True)
class ModuleChecks:
    items: tuple[CheckItem, ...]
    films: tuple[FilmTarget, ...]


def film_check_name(title: str) -> str:
    return _("Film: {title}").format(title=title)


def _catalog(paths: AppPaths) -> Catalog:
    # No card cache: the check reads the folders as they are now.
    return Catalog(
        [
            CatalogRoot(bundled_modules_dir(), Origin.BUNDLED),
            CatalogRoot(paths.user_modules_dir, Origin.USER),
        ]
    )


def _unknown(module_id: str) -> CheckItem:
    return CheckItem(
        _("Modul: {id}").format(id=module_id),
        False,
        _("Det finns ingen modul med id ”{id}”.").format(id=module_id),
        _("Se vilka moduler som finns med: facilitator modules list"),
    )


def choose_modules(
    paths: AppPaths, module_ids: Sequence[str] = ()
) -> list[ModuleEntry | CheckItem]:
    """The modules to check, in order: the given ids, or every module the library offers (one
    version per id, the one a session would run). An id that matches nothing, or a library
    without modules, is a failed item in its place."""
    catalog = _catalog(paths)
    catalog.load()
    wanted = list(dict.fromkeys(module_ids)) or list(
        dict.fromkeys(entry.id for entry in catalog.library())
    )
    if not wanted:
        return [
            CheckItem(
                _("Moduler"),
                False,
                _("Inga moduler hittades."),
                _("Installera om appen eller importera en modul (.fmod)."),
            )
        ]
    return [catalog.get(module_id) or _unknown(module_id) for module_id in wanted]


def _validation_item(
    entry: ModuleEntry, probe: MediaProbe | None
) -> tuple[CheckItem, Manifest | None]:
    title = entry.title(active_language()) or entry.id
    name = _("Modul: {title}").format(title=title)
    report = validate_module(entry.path, probe)
    warnings = len(report.warnings)
    if report.ok:
        detail = _("Modulen {id} {version} kan köras.").format(id=entry.id, version=entry.version)
        if warnings:
            detail += " " + ngettext(
                "{n} varning för författaren.", "{n} varningar för författaren.", warnings
            ).format(n=warnings)
        return CheckItem(name, True, detail), report.manifest
    errors = report.errors
    shown = "; ".join(problem.describe() for problem in errors[:SHOWN_PROBLEMS])
    more = len(errors) - SHOWN_PROBLEMS
    if more > 0:
        shown += " " + _("(och {n} till)").format(n=more)
    detail = ngettext("Modulen har {n} fel: {list}", "Modulen har {n} fel: {list}", len(errors))
    fix = _("Rätta modulen, se alla fel med: facilitator modules validate {path}").format(
        path=entry.path
    )
    return CheckItem(name, False, detail.format(n=len(errors), list=shown), fix), report.manifest


def _read_track(folder: Path, track: SubtitleTrack) -> tuple[bool, str]:
    """(parsed, what to say): the number of cues, or what is wrong with the file."""
    resolved = resolve_reference(folder, track.file)
    if resolved.file is None:
        return False, _("{file}: {problem}.").format(file=track.file, problem=resolved.found)
    try:
        cues = read_subtitles(resolved.file)
    except SubtitleError as error:
        return False, _("{file} rad {line}: {message}.").format(
            file=track.file, line=error.line, message=error.message
        )
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return False, _("{file} går inte att läsa ({error}).").format(file=track.file, error=reason)
    return True, ngettext("{lang}: {n} replik", "{lang}: {n} repliker", len(cues)).format(
        lang=track.language, n=len(cues)
    )


def _subtitle_item(title: str, folder: Path, manifest: Manifest) -> CheckItem | None:
    film = manifest.film
    if film is None:
        return None
    name = _("Undertexter: {title}").format(title=title)
    if not film.subtitles:
        return CheckItem(name, True, _("Filmen har inga undertexter."))
    results = [_read_track(folder, track) for track in film.subtitles]
    problems = [text for parsed, text in results if not parsed]
    if problems:
        return CheckItem(
            name, False, " ".join(problems), _("Rätta eller byt ut textningsfilen i modulen.")
        )
    return CheckItem(name, True, ", ".join(text for _parsed, text in results) + ".")


def _film(
    entry: ModuleEntry, title: str, manifest: Manifest
) -> tuple[FilmTarget | None, CheckItem | None]:
    film = manifest.film
    if film is None:
        return None, None
    resolved = resolve_reference(entry.path, film.file)
    if resolved.file is None:
        item = CheckItem(
            film_check_name(title),
            False,
            _("Filmen kan inte spelas: {problem}.").format(problem=resolved.found),
            _("Lägg filmen i modulmappen eller importera modulen igen."),
        )
        return None, item
    subtitles = tuple(
        SubtitleFile(track.language, file)
        for track in film.subtitles
        if (file := resolve_reference(entry.path, track.file).file) is not None
    )
    return FilmTarget(entry.id, title, resolved.file, subtitles), None


def check_module(entry: ModuleEntry, probe: MediaProbe | None = None) -> ModuleChecks:
    """Validate one module, parse its subtitles and find its film."""
    title = entry.title(active_language()) or entry.id
    item, manifest = _validation_item(entry, probe)
    if manifest is None:
        return ModuleChecks((item,), ())
    items = [item]
    subtitles = _subtitle_item(title, entry.path, manifest)
    if subtitles is not None:
        items.append(subtitles)
    target, film_problem = _film(entry, title, manifest)
    if film_problem is not None:
        items.append(film_problem)
    return ModuleChecks(tuple(items), (target,) if target else ())


def module_checks(
    paths: AppPaths, module_ids: Sequence[str] = (), probe: MediaProbe | None = None
) -> ModuleChecks:
    """Every chosen module's items, and the films to decode."""
    items: list[CheckItem] = []
    films: list[FilmTarget] = []
    for chosen in choose_modules(paths, module_ids):
        if isinstance(chosen, CheckItem):
            items.append(chosen)
            continue
        checked = check_module(chosen, probe)
        items.extend(checked.items)
        films.extend(checked.films)
    return ModuleChecks(tuple(items), tuple(films))
