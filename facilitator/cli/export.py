"""`facilitator export|report|import-archive|printables`: the export tools on the command line.

Every handler returns the exit code: 0 when all went well, 1 when something could not be
done (a session that does not exist, a folder that cannot be written, an archive refused);
argparse exits with 2 on a usage mistake. A failure is raised and told, on standard error, by
`facilitator.cli.failures.run_command`: plain Swedish, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from facilitator.cli.failures import USAGE, CommandFailed
from facilitator.cli.output_paths import output_file, output_folder
from facilitator.core.i18n import _
from facilitator.core.paths import AppPaths, bundled_modules_dir, resolve_paths
from facilitator.core.settings import SettingsStore

# A period's ends become local midnights, and the day after the last: outside these the
# conversion fails (year 1, year 9999) or, on Windows, local time is unknown (before 1970).
FIRST_DATE = date(1971, 1, 1)
LAST_DATE = date(9998, 12, 31)


def _date(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            _("ange datum som ÅÅÅÅ-MM-DD: {text}").format(text=text)
        ) from error
    if not FIRST_DATE <= value <= LAST_DATE:
        raise argparse.ArgumentTypeError(
            _("ange ett datum från {first} till {last}: {text}").format(
                first=FIRST_DATE.isoformat(), last=LAST_DATE.isoformat(), text=text
            )
        )
    return value


def _share(text: str) -> float:
    try:
        value = float(text.rstrip("%").replace(",", "."))
    except ValueError as error:
        raise argparse.ArgumentTypeError(_("ange målet i procent, till exempel 60")) from error
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(_("målet ska vara mellan 1 och 100 procent"))
    return value / 100


def _output_and_target(parser: Any) -> None:
    parser.add_argument(
        "-o", "--output", type=Path, metavar=_("SÖKVÄG"), help=_("standard: mappen för exporter")
    )
    parser.add_argument(
        "--target",
        type=_share,
        metavar=_("PROCENT"),
        help=_("målet för kunskapsindikatorn i procent (standard: appens inställning)"),
    )


def add_parser(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help=_("exportera en session som PDF, HTML, CSV eller JSON"),
        description=_(
            "Exportera en session: sammanfattning (PDF eller tillgänglig HTML), data (CSV) "
            "eller arkiv (JSON)."
        ),
    )
    export.add_argument("session", metavar=_("SESSIONENS_UUID"))
    kind = export.add_mutually_exclusive_group(required=True)
    kind.add_argument("--pdf", action="store_true", help=_("sammanfattning som PDF (-o: filen)"))
    kind.add_argument("--csv", action="store_true", help=_("två CSV-filer (-o: mappen)"))
    kind.add_argument("--json", action="store_true", help=_("sessionsarkiv (-o: filen)"))
    kind.add_argument(
        "--html",
        action="store_true",
        help=_("sammanfattning som tillgänglig webbsida, för skärmläsare (-o: filen)"),
    )
    _output_and_target(export)
    export.set_defaults(handler=run_export)

    report = subparsers.add_parser(
        "report",
        help=_("rapport över många sessioner"),
        description=_("Rapport över sessioner under en period (båda datumen ingår)."),
    )
    day = _("DATUM")
    report.add_argument("--from", dest="first", type=_date, required=True, metavar=day)
    report.add_argument("--to", dest="last", type=_date, required=True, metavar=day)
    report.add_argument(
        "--module",
        dest="modules",
        action="append",
        default=[],
        metavar=_("MODUL_ID"),
        help=_("bara den här modulen (kan anges flera gånger)"),
    )
    report_kind = report.add_mutually_exclusive_group()
    report_kind.add_argument("--pdf", action="store_true", help=_("PDF (standard; -o: filen)"))
    report_kind.add_argument("--csv", action="store_true", help=_("två CSV-filer (-o: mappen)"))
    _output_and_target(report)
    report.set_defaults(handler=run_report)

    imports = subparsers.add_parser(
        "import-archive",
        help=_("slå ihop sessionsarkiv från andra datorer"),
        description=_(
            "Importera sessionsarkiv (JSON). Samma session två gånger läggs inte till igen."
        ),
    )
    imports.add_argument("files", nargs="+", type=Path, metavar=_("FIL"))
    imports.set_defaults(handler=run_import)

    printables = subparsers.add_parser(
        "printables",
        help=_("ledarhandledning och deltagarblad som PDF"),
        description=_("Skriv ut förberedelseguide och deltagarmaterial för en modul."),
    )
    printables.add_argument("module", metavar=_("MODUL"), help=_("modulens id eller mapp"))
    printables.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar=_("MAPP"),
        help=_("mappen att skriva till (standard: mappen för exporter)"),
    )
    printables.add_argument(
        "--minutes",
        type=int,
        metavar=_("MINUTER"),
        help=_(
            "deltagarmaterial och skyltar för en av modulens längder: bara det som den "
            "längden använder (förberedelseguiden tar alltid med alla längder)"
        ),
    )
    printables.set_defaults(handler=run_printables)


@contextmanager
def _repository(paths: AppPaths) -> Iterator[Any]:
    from facilitator.core.storage.database import open_database
    from facilitator.core.storage.repository import Repository

    with open_database(paths) as database:
        yield database, Repository.of(database)


def _manifests(paths: AppPaths) -> Any:
    from facilitator.core.content.catalog import Catalog
    from facilitator.core.export.gather import catalog_manifests

    catalog = Catalog.for_app(paths)
    catalog.load()
    return catalog_manifests(catalog)


def _fail(message: str, _out: TextIO | None = None, code: int = 1) -> NoReturn:
    raise CommandFailed(message, code)


def _output(args: argparse.Namespace, example: str) -> Path | None:
    """The ``-o`` given, checked before anything is opened: a folder for CSV, else a file."""
    if args.output is None:
        return None
    return output_folder(args.output) if args.csv else output_file(args.output, example)


def _target(args: argparse.Namespace, paths: AppPaths) -> float:
    """The share given on the command line, else the one the leader set in the app."""
    if args.target is not None:
        return float(args.target)
    settings = SettingsStore(paths.settings_file).load().settings
    return settings.knowledge_target_percent / 100


def run_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    # Checked before the database is opened: a mistyped folder costs nothing to tell.
    example = "session.pdf" if args.pdf else "session.html" if args.html else "session.json"
    output = _output(args, example)
    paths = resolve_paths()
    folder = paths.export_dir
    with _repository(paths) as (_database, repo):
        # Only now: a database that cannot be opened is told without loading the PDF writer.
        from facilitator.core.export import service
        from facilitator.core.storage.records import ExportKind

        manifests = _manifests(paths)
        if args.pdf:
            target = output or folder / service.summary_file_name(repo, args.session)
            written = [
                service.export_summary_pdf(
                    repo,
                    args.session,
                    target,
                    manifests=manifests,
                    indicator_target=_target(args, paths),
                )
            ]
        elif args.html:
            target = output or folder / service.summary_file_name(repo, args.session, ".html")
            written = [
                service.export_summary_html(
                    repo,
                    args.session,
                    target,
                    manifests=manifests,
                    indicator_target=_target(args, paths),
                )
            ]
        elif args.csv:
            written = service.export_session_csv(
                repo, args.session, output or folder, manifests=manifests
            )
        else:
            written = [
                service.export_session_archive(
                    repo, args.session, output, folder=folder, manifests=manifests
                )
            ]
        # Like the app, so deleting the session later can offer to delete these too.
        kind = (
            ExportKind.PDF
            if args.pdf
            else ExportKind.HTML
            if args.html
            else ExportKind.CSV
            if args.csv
            else ExportKind.JSON
        )
        repo.exports.record(args.session, written, kind)
    for path in written:
        print(path, file=out)
    return 0


def run_report(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.last < args.first:
        _fail(_("Slutdatumet ligger före startdatumet."), code=USAGE)
    output = _output(args, "rapport.pdf")
    paths = resolve_paths()
    folder = paths.export_dir
    with _repository(paths) as (_database, repo):
        from facilitator.core.export import service

        stem = service.report_stem(args.first, args.last)
        written = service.export_report(
            repo,
            args.first,
            args.last,
            pdf=None if args.csv else (output or folder / f"{stem}.pdf"),
            csv_folder=(output or folder) if args.csv else None,
            module_ids=args.modules,
            manifests=_manifests(paths),
            indicator_target=_target(args, paths),
        )
    for path in written:
        print(path, file=out)
    return 0


def run_import(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from facilitator.core.export.archive_import import ArchiveOutcome, import_archives
    from facilitator.core.storage.errors import StorageError

    out = out or sys.stdout
    words = {
        ArchiveOutcome.ADDED: _("tillagd"),
        ArchiveOutcome.UPDATED: _("uppdaterad"),
        ArchiveOutcome.UNCHANGED: _("fanns redan"),
        ArchiveOutcome.KEPT_LOCAL: _("behölls (kopian här är nyare)"),
        ArchiveOutcome.FAILED: _("FEL"),
    }
    try:
        with _repository(resolve_paths()) as (database, _repo):
            results = import_archives(database, args.files)
    except (StorageError, OSError) as error:
        return _fail(_("Importen misslyckades: {error}").format(error=_reason(error)), out)
    for result in results:
        line = f"{words[result.outcome]:<12} {result.file}"
        if result.title:
            line += f" – {result.title}"
        if result.message:
            line += f" ({result.message})"
        print(line, file=out)
        for detail in result.details():
            print(f"{'':<12} {detail}", file=out)
    refused = any(r.outcome is ArchiveOutcome.FAILED or r.refused for r in results)
    return 1 if refused else 0


def run_printables(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from facilitator.core.export.printables import (
        ModuleNotPrintable,
        write_handout,
        write_leader_guide,
        write_signs,
    )

    out = out or sys.stdout
    output = output_folder(args.output) if args.output else None
    paths = resolve_paths()
    folder = _module_folder(args.module, paths)
    if folder is None:
        return _fail(_("Ingen modul {module} hittades.").format(module=args.module), out)
    target = output or paths.export_dir
    minutes: int | None = args.minutes
    suffix = f"-{minutes}-min" if minutes is not None else ""
    try:
        written = [
            write_leader_guide(folder, target / f"{folder.name}-forberedelseguide.pdf"),
            write_handout(
                folder, target / f"{folder.name}-deltagarmaterial{suffix}.pdf", minutes=minutes
            ),
        ]
        signs = write_signs(folder, target / f"{folder.name}-skyltar{suffix}.pdf", minutes=minutes)
    except ModuleNotPrintable as error:
        return _fail(error.message, out)
    for path in [*written, *([signs] if signs else [])]:
        print(path, file=out)
    return 0


def _module_folder(module: str, paths: AppPaths) -> Path | None:
    given = Path(module)
    if given.is_dir():
        return given
    from facilitator.core.content.catalog import Catalog

    catalog = Catalog.for_app(paths)
    catalog.load()
    entry = catalog.get(module)
    if entry is not None:
        return entry.path
    bundled = bundled_modules_dir()
    return next((f for f in sorted(bundled.glob(f"*{module}*")) if f.is_dir()), None)


def _reason(error: Exception) -> str:
    return str(getattr(error, "message", None) or getattr(error, "strerror", None) or error)
