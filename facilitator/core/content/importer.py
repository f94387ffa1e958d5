"""Import an `.fmod` into the user's module folder: safely, and all or nothing.

The pack is unpacked into a hidden folder next to the destination, verified and validated
there, and only then renamed into place (a rename on the same disk is atomic). Whatever fails,
the hidden folder is removed and the modules that were there before are untouched.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest_terms import version_key
from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.content.pack import folder_content_hash
from facilitator.core.content.pack_format import (
    DEFAULT_LIMITS,
    PackError,
    PackFailure,
    PackInfo,
    PackLimits,
)
from facilitator.core.content.pack_messages import refuse
from facilitator.core.content.problems import Problem
from facilitator.core.content.unpack import unpack
from facilitator.core.content.validate import validate_module
from facilitator.core.i18n import _, ngettext
from facilitator.core.work import IsCancelled, Progress

log = logging.getLogger(__name__)

IsReferenced = Callable[[str, str], bool]
"""(module id, version) → does a saved session still refer to it?"""

TEMP_PREFIX = ".import-"
ASIDE_PREFIX = ".old-"
_KEPT = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)@(?P<version>[0-9.]+)$")


class ImportOutcome(StrEnum):
    INSTALLED = "installed"
    UPDATED = "updated"
    REPLACED = "replaced"
    ALREADY_INSTALLED = "already_installed"
    NEEDS_CONFIRMATION = "needs_confirmation"


@dataclass(frozen=True)
class ImportResult:
    outcome: ImportOutcome
    module_id: str
    version: str
    previous_version: str | None = None
    path: Path | None = None
    kept_previous: Path | None = None
    """Where the replaced version was kept because a saved session refers to it."""
    warnings: tuple[Problem, ...] = ()

    @property
    def is_downgrade(self) -> bool:
        """The pack holds an older version than the one installed."""
        return self.previous_version is not None and version_key(self.version) < version_key(
            self.previous_version
        )

    @property
    def message(self) -> str:
        values = {"id": self.module_id, "version": self.version, "old": self.previous_version}
        if self.outcome is ImportOutcome.NEEDS_CONFIRMATION:
            if self.previous_version == self.version:
                text = _(
                    "Version {version} av ”{id}” finns redan, med ett annat innehåll. "
                    "Vill du ersätta den?"
                )
            else:
                text = _(
                    "En nyare version ({old}) av ”{id}” finns redan. "
                    "Vill du ersätta den med den äldre version {version}?"
                )
        elif self.outcome is ImportOutcome.ALREADY_INSTALLED:
            text = _("”{id}” version {version} är redan installerad. Ingenting har ändrats.")
        elif self.outcome is ImportOutcome.UPDATED:
            text = _("”{id}” är uppdaterad från version {old} till {version}.")
        elif self.outcome is ImportOutcome.REPLACED and self.previous_version == self.version:
            text = _("”{id}” version {version} är ersatt med innehållet i det nya paketet.")
        elif self.outcome is ImportOutcome.REPLACED:
            text = _("”{id}” är ersatt: version {version} används nu i stället för version {old}.")
        else:
            text = _("”{id}” version {version} är importerad.")
        return text.format(**values)


def _existing_version(folder: Path) -> str | None:
    loaded = load_manifest(folder)
    if loaded.manifest is not None:
        return loaded.manifest.version
    version = (loaded.data or {}).get("version")
    return version if isinstance(version, str) else None


def _same_content(folder: Path, info: PackInfo) -> bool:
    """Whether the installed folder holds exactly what the pack does."""
    try:
        return folder_content_hash(folder) == info.content_hash
    except (PackError, OSError):
        return False  # a folder we cannot even hash is not the pack's content


def _check_content(folder: Path, info: PackInfo, probe: MediaProbe | None) -> tuple[Problem, ...]:
    report = validate_module(folder, probe)
    manifest = report.manifest
    if manifest is not None and manifest.id != info.module_id:
        detail = _("”{pack}”, men modulen i det heter ”{module}”").format(
            pack=info.module_id, module=manifest.id
        )
        raise refuse(PackFailure.ID_MISMATCH, detail)
    if manifest is not None and manifest.version != info.version:
        detail = _("{pack}, men modulen i det är version {module}").format(
            pack=info.version, module=manifest.version
        )
        raise refuse(PackFailure.VERSION_MISMATCH, detail)
    if manifest is None or not report.ok:
        count = len(report.errors)
        raise refuse(
            PackFailure.INVALID_MODULE,
            ngettext("{n} fel", "{n} fel", count).format(n=count),
            report.problems,
        )
    return report.warnings


def _move_into_place(
    staged: Path, destination: Path, module_id: str, new_version: str, is_referenced: IsReferenced
) -> Path | None:
    """Swap ``staged`` in as ``destination``; returns where the old version was kept."""
    if not destination.exists():
        staged.replace(destination)
        return None
    old_version = _existing_version(destination)
    aside = destination.parent / f"{ASIDE_PREFIX}{uuid.uuid4().hex}"
    destination.replace(aside)
    try:
        staged.replace(destination)
    except OSError:
        aside.replace(destination)
        raise
    if old_version and old_version != new_version and is_referenced(module_id, old_version):
        kept = destination.parent / f"{module_id}@{old_version}"
        try:
            if kept.exists():
                shutil.rmtree(kept)  # an identical version kept by an earlier update
            aside.replace(kept)
        except OSError:
            # The new version is in place; the old one stays hidden rather than being lost.
            log.warning("could not keep %s as %s", aside, kept, exc_info=True)
            return None
        return kept
    shutil.rmtree(aside, ignore_errors=True)
    return None


def import_pack(
    pack: Path,
    modules_dir: Path,
    *,
    replace: bool = False,
    allow_downgrade: bool | None = None,
    is_referenced: IsReferenced = lambda _id, _version: True,
    probe: MediaProbe | None = None,
    limits: PackLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancel: IsCancelled | None = None,
) -> ImportResult:
    """Import ``pack`` as ``modules_dir/<id>``. Raises `PackError` when it is refused.

    A newer version replaces the installed one; a pack identical to the installed version
    changes nothing (ALREADY_INSTALLED). The same version with other content is installed only
    with ``replace``, an older version only with ``allow_downgrade`` (which defaults to
    ``replace``: the app asks one question either way); otherwise the result says
    NEEDS_CONFIRMATION so the caller can ask and call again. After a downgrade the older
    version is the one the library offers. A replaced version that a saved session refers to
    is kept as ``<id>@<version>`` for that session only (by default always, until
    `prune_old_versions` finds it unused). Callbacks are called on the calling thread."""
    downgrade_allowed = replace if allow_downgrade is None else allow_downgrade
    try:
        modules_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        staged = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=modules_dir))
    except OSError as error:
        raise refuse(PackFailure.WRITE_FAILED, error.strerror or error) from error
    try:
        info = unpack(pack, staged, limits=limits, progress=progress, cancel=cancel)
        warnings = _check_content(staged, info, probe)
        destination = modules_dir / info.module_id
        existed = destination.exists()
        previous = _existing_version(destination) if existed else None
        # A folder too broken to name its version is replaced without asking.
        is_newer = previous is None or version_key(info.version) > version_key(previous)
        if previous == info.version and _same_content(destination, info):
            return ImportResult(
                ImportOutcome.ALREADY_INSTALLED, info.module_id, info.version, previous, destination
            )
        is_older = previous is not None and version_key(info.version) < version_key(previous)
        allowed = downgrade_allowed if is_older else replace
        if existed and not is_newer and not allowed:
            return ImportResult(
                ImportOutcome.NEEDS_CONFIRMATION, info.module_id, info.version, previous
            )
        if cancel is not None and cancel():
            raise refuse(PackFailure.CANCELLED)
        kept = _move_into_place(staged, destination, info.module_id, info.version, is_referenced)
    except PackError:
        raise
    except OSError as error:
        raise refuse(PackFailure.WRITE_FAILED, error.strerror or error) from error
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    if not existed or previous is None:
        outcome = ImportOutcome.INSTALLED
    else:
        outcome = ImportOutcome.UPDATED if is_newer else ImportOutcome.REPLACED
    return ImportResult(
        outcome, info.module_id, info.version, previous, destination, kept, warnings
    )


def prune_old_versions(modules_dir: Path, is_referenced: IsReferenced) -> list[Path]:
    """Remove kept ``<id>@<version>`` folders no saved session refers to any more."""
    removed: list[Path] = []
    try:
        children = list(modules_dir.iterdir())
    except OSError:
        return removed
    for child in children:
        match = _KEPT.match(child.name)
        if match and child.is_dir() and not is_referenced(match["id"], match["version"]):
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    return removed


def remove_leftovers(modules_dir: Path) -> None:
    """Tidy up after an import that was interrupted (power cut, killed process): call it at
    start-up, never while an import runs. An old version moved aside whose replacement never
    arrived is put back; everything else hidden is removed."""
    with contextlib.suppress(OSError):
        for child in modules_dir.iterdir():
            if not child.is_dir():
                continue
            if child.name.startswith(ASIDE_PREFIX):
                loaded = load_manifest(child)
                module_id = loaded.manifest.id if loaded.manifest is not None else None
                home = modules_dir / module_id if module_id else None
                if home is not None and not home.exists():
                    with contextlib.suppress(OSError):
                        child.replace(home)
                        continue
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith(TEMP_PREFIX):
                shutil.rmtree(child, ignore_errors=True)
