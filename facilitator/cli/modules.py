"""`facilitator modules validate|pack|import|list|schema`: the module tools for authors.

Every handler returns the exit code: 0 when all went well, 1 when a module has errors or a pack
was refused (argparse itself exits with 2 on a usage mistake). Messages are plain Swedish with
file, line and field; never a traceback for something wrong with a module or a pack.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from facilitator.cli.failures import CommandFailed
from facilitator.cli.output_paths import output_file
from facilitator.core.content.catalog import Catalog, CatalogRoot
from facilitator.core.content.entry import ModuleEntry, Origin
from facilitator.core.content.importer import ImportOutcome, ImportResult, import_pack
from facilitator.core.content.loader import load_manifest
from facilitator.core.content.media_probe import MediaProbe, default_probe
from facilitator.core.content.pack import pack_module
from facilitator.core.content.pack_format import PACK_SUFFIX, PackError
from facilitator.core.content.problems import Problem
from facilitator.core.content.report import ModuleReport
from facilitator.core.content.schema import manifest_schema_json
from facilitator.core.content.unpack import unpack
from facilitator.core.content.validate import validate_paths
from facilitator.core.i18n import _, ngettext
from facilitator.core.paths import bundled_modules_dir, resolve_paths
from facilitator.core.work import Progress


def _print_problems(problems: Sequence[Problem], folder: Path | None, out: TextIO) -> None:
    for problem in problems:
        print("  " + problem.describe(folder), file=out)


def _progress(out: TextIO) -> Progress | None:
    if not out.isatty():
        return None

    def show(share: float) -> None:
        print(f"\r{round(100 * share):3d} %", end="", file=out, flush=True)

    return show


def _probe(args: argparse.Namespace) -> MediaProbe | None:
    return None if getattr(args, "no_probe", False) else default_probe()


def _refused(message: str, problems: Sequence[Problem], folder: Path | None) -> CommandFailed:
    return CommandFailed("\n".join([message, *("  " + p.describe(folder) for p in problems)]))


# -- validate ------------------------------------------------------------------------------


def _validate_pack(path: Path, probe: MediaProbe | None, out: TextIO) -> list[ModuleReport]:
    with tempfile.TemporaryDirectory(prefix="facilitator-validate-") as temp:
        try:
            unpack(path, Path(temp))
        except PackError as error:
            print(_("FEL  {path}").format(path=path), file=out)
            print("  " + error.message, file=out)
            return []
        reports = validate_paths([Path(temp)], probe)
        # Report the pack's name rather than a temporary folder that is about to disappear.
        return [
            ModuleReport(path, r.manifest, r.problems, r.film_seconds, r.referenced_files)
            for r in reports
        ]


def run_validate(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    probe = _probe(args)
    reports: list[ModuleReport] = []
    refused = 0
    folders = [Path(p) for p in args.paths if not str(p).endswith(PACK_SUFFIX)]
    for path in (Path(p) for p in args.paths if str(p).endswith(PACK_SUFFIX)):
        pack_reports = _validate_pack(path, probe, out)
        refused += not pack_reports
        reports.extend(pack_reports)
    reports.extend(validate_paths(folders, probe))
    if args.json:
        payload = [
            {
                "folder": str(r.folder),
                "id": r.manifest.id if r.manifest else None,
                "version": r.manifest.version if r.manifest else None,
                "ok": r.ok,
                "film_seconds": r.film_seconds,
                "problems": [p.to_dict() for p in r.problems],
            }
            for r in reports
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False), file=out)
    else:
        for report in reports:
            label = _("OK  ") if report.ok else _("FEL ")
            name = f" ({report.manifest.id} {report.manifest.version})" if report.manifest else ""
            print(f"{label} {report.folder}{name}", file=out)
            folder = None if report.folder.suffix == PACK_SUFFIX else report.folder
            _print_problems(report.problems, folder, out)
        errors = sum(len(r.errors) for r in reports)
        warnings = sum(len(r.warnings) for r in reports)
        print(
            _("{modules}: {errors}, {warnings}.").format(
                modules=ngettext(
                    "{n} modul kontrollerad", "{n} moduler kontrollerade", len(reports) + refused
                ).format(n=len(reports) + refused),
                errors=ngettext("{n} fel", "{n} fel", errors).format(n=errors),
                warnings=ngettext("{n} varning", "{n} varningar", warnings).format(n=warnings),
            ),
            file=out,
        )
    failed = refused or any(not r.ok for r in reports)
    strict_failed = args.strict and any(r.warnings for r in reports)
    return 1 if failed or strict_failed or not (reports or refused) else 0


# -- pack ----------------------------------------------------------------------------------


def run_pack(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    folder = Path(args.folder)
    output = output_file(Path(args.output), "modul.fmod") if args.output else None
    if output is None:
        loaded = load_manifest(folder)
        if loaded.manifest is None:
            raise _refused(_("Modulen har fel och packas inte:"), loaded.problems, folder)
        output = Path(f"{loaded.manifest.id}-{loaded.manifest.version}{PACK_SUFFIX}")
    if output.suffix != PACK_SUFFIX:
        output = output.with_name(output.name + PACK_SUFFIX)
    try:
        result = pack_module(folder, output, probe=_probe(args), progress=_progress(sys.stderr))
    except PackError as error:
        raise _refused(error.message, error.problems, folder) from error
    info = result.info
    print(
        _("Packat {id} {version}: {files} filer i {path}").format(
            id=info.module_id, version=info.version, files=info.files, path=result.path
        ),
        file=out,
    )
    print(_("Kontrollsumma: {hash}").format(hash=info.content_hash), file=out)
    return 0


# -- import --------------------------------------------------------------------------------


def _modules_dir(args: argparse.Namespace) -> Path:
    if args.modules_dir:
        return Path(args.modules_dir)
    return resolve_paths(portable=args.portable).user_modules_dir


def _not_confirmed(result: ImportResult) -> CommandFailed:
    """No question on the command line (it runs from scripts too): the flag says it."""
    values = {"id": result.module_id, "version": result.version, "old": result.previous_version}
    if result.is_downgrade:
        text = _(
            "”{id}” version {old} är installerad, och paketet innehåller den äldre versionen "
            "{version}. Ingenting har ändrats. Använd --allow-downgrade om du vill gå tillbaka "
            "till version {version}."
        )
    else:
        text = _(
            "”{id}” version {version} finns redan, med ett annat innehåll än i paketet. "
            "Ingenting har ändrats. Använd --replace för att ersätta den."
        )
    return CommandFailed(text.format(**values))


def _active_elsewhere(result: ImportResult, args: argparse.Namespace) -> Path | None:
    """The folder the library uses for this module when it is not the one just imported:
    a newer version bundled with the app wins over an older one imported."""
    roots = [CatalogRoot(bundled_modules_dir(), Origin.BUNDLED)]
    roots.append(CatalogRoot(_modules_dir(args), Origin.USER))
    catalog = Catalog(roots)
    catalog.load()
    active = catalog.get(result.module_id)
    return active.path if active is not None and active.path != result.path else None


def run_import(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    # The command line cannot see saved sessions, so a replaced version is kept; the app
    # removes kept versions that no session uses.
    result = import_pack(
        Path(args.file),
        _modules_dir(args),
        replace=bool(args.replace),
        allow_downgrade=bool(args.allow_downgrade),
        probe=_probe(args),
        progress=_progress(sys.stderr),
    )
    if result.outcome is ImportOutcome.NEEDS_CONFIRMATION:
        raise _not_confirmed(result)
    print(result.message, file=out)
    if result.kept_previous is not None:
        print(
            _("Version {old} finns kvar i {path} för sparade sessioner som använde den.").format(
                old=result.previous_version, path=result.kept_previous
            ),
            file=out,
        )
    _print_problems(result.warnings, result.path, out)
    if (active := _active_elsewhere(result, args)) is not None:
        print(
            _("Obs: biblioteket använder {path}, som är en nyare version.").format(path=active),
            file=out,
        )
    return 0


# -- list and schema -----------------------------------------------------------------------


def _entry_line(entry: ModuleEntry) -> str:
    status = _("kan köras") if entry.runnable else _("har fel")
    minutes = "/".join(str(m) for m in entry.variant_minutes) or "-"
    version = entry.version or "?"
    return f"{entry.id:<28} {version:<8} {minutes:<14} {status:<10} {entry.title_sv}"


def run_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    roots = [CatalogRoot(bundled_modules_dir(), Origin.BUNDLED)]
    roots.append(CatalogRoot(_modules_dir(args), Origin.USER))
    catalog = Catalog(roots, probe=_probe(args))
    catalog.load()
    for entry in catalog.entries:
        catalog.check(entry)
    entries = list(catalog.entries) if args.all else catalog.library()
    if args.json:
        payload: list[dict[str, Any]] = [
            {
                "id": e.id,
                "version": e.version,
                "path": str(e.path),
                "origin": e.origin.value,
                "title": {"sv": e.title_sv, "en": e.title_en},
                "variant_minutes": list(e.variant_minutes),
                "languages": list(e.languages),
                "film_seconds": e.film_seconds,
                "runnable": e.runnable,
                "problems": [p.to_dict() for p in e.problems],
            }
            for e in entries
        ]
        print(json.dumps(payload, indent=2, ensure_ascii=False), file=out)
        return 0
    if not entries:
        print(_("Inga moduler hittades."), file=out)
    for entry in entries:
        print(_entry_line(entry), file=out)
        if not entry.runnable:
            _print_problems(entry.errors, entry.path, out)
    return 0


def run_schema(args: argparse.Namespace, out: TextIO | None = None) -> int:
    text = manifest_schema_json()
    if args.output:
        output_file(Path(args.output), "module.schema.json").write_text(text, encoding="utf-8")
    else:
        (out or sys.stdout).write(text)
    return 0


# -- the parser ----------------------------------------------------------------------------


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--portable", action="store_true", help=_("använd data i facilitator-data/ bredvid appen")
    )
    parser.add_argument("--modules-dir", help=_("mappen med importerade moduler"))


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `modules` with its subcommands; each sets ``handler`` (args → exit code)."""
    modules: argparse.ArgumentParser = subparsers.add_parser(
        "modules", help=_("kontrollera, packa och importera moduler")
    )
    sub = modules.add_subparsers(dest="modules_command", metavar=_("KOMMANDO"), required=True)

    validate = sub.add_parser("validate", help=_("kontrollera moduler (mappar eller .fmod)"))
    validate.add_argument("paths", nargs="+", metavar=_("SÖKVÄG"))
    validate.add_argument("--strict", action="store_true", help=_("varningar räknas som fel"))
    validate.add_argument("--json", action="store_true", help=_("skriv resultatet som JSON"))
    validate.add_argument("--no-probe", action="store_true", help=_("läs inte filmernas längd"))
    validate.set_defaults(handler=run_validate)

    pack = sub.add_parser("pack", help=_("packa en modulmapp till en .fmod-fil"))
    pack.add_argument("folder", metavar=_("MAPP"))
    pack.add_argument("-o", "--output", metavar=_("NAMN.fmod"))
    pack.add_argument("--no-probe", action="store_true", help=_("läs inte filmens längd"))
    pack.set_defaults(handler=run_pack)

    importer = sub.add_parser("import", help=_("importera en .fmod-fil"))
    importer.add_argument("file", metavar=_("FIL"))
    importer.add_argument(
        "--replace",
        action="store_true",
        help=_("ersätt samma version när paketet har ett annat innehåll"),
    )
    importer.add_argument(
        "--allow-downgrade",
        action="store_true",
        help=_("gå tillbaka till en äldre version än den som är installerad"),
    )
    importer.add_argument("--no-probe", action="store_true", help=_("läs inte filmens längd"))
    _add_data_options(importer)
    importer.set_defaults(handler=run_import)

    listing = sub.add_parser("list", help=_("visa modulerna i biblioteket"))
    listing.add_argument("--all", action="store_true", help=_("visa alla versioner"))
    listing.add_argument("--no-probe", action="store_true", help=_("läs inte filmernas längd"))
    listing.add_argument("--json", action="store_true", help=_("skriv listan som JSON"))
    _add_data_options(listing)
    listing.set_defaults(handler=run_list)

    schema = sub.add_parser("schema", help=_("skriv JSON Schema för module.toml"))
    schema.add_argument("-o", "--output", metavar=_("FIL"))
    schema.set_defaults(handler=run_schema)
    return modules


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="facilitator")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
