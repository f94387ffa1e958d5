"""Soak (c): 1,000 fuzzed module manifests and packs, from the nine bundled modules.

Half the cases mutate a module folder — its module.toml as text, as TOML structure or as
bytes, and sometimes the files it names (deleted, garbled, cut off, swapped for a folder or a
link out of the module) — and validate it as the library does; a folder that still validates
is packed and imported. The other half mutate a real `.fmod` made by ``pack_module`` — bytes
flipped, cut or overwritten, entries renamed to hostile names, dropped, duplicated, given link
or device modes, pack.json broken, the manifest inside mutated under a correct hash — and
import it as the app does.

Every case must end in problems for the author (validation problems, or a refusal with its
own Swedish message) or a clean import: never an exception, never an "unexpected error"
problem, never a leftover in the modules folder. An audit hook watches every file the process
writes, renames or removes: all of it must be inside the soak's temporary folder.

Run alone: ``python -m tests.soak.fuzz_packs [--cases N] [--seed S]``."""

from __future__ import annotations

import copy
import io
import json
import os
import random
import shutil
import stat
import sys
import tempfile
import time
import tomllib
import traceback
import warnings
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from tests.faults.audit import watching, written_paths
from tests.soak.common import ROOT, cases_main, note, verdict

NAME = "fuzzed modules and packs"
APP = ROOT / "facilitator"
UNEXPECTED = "oväntat fel"

HOSTILE_STRINGS = (
    "",
    "../../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "film/../../x.mp4",
    "con",
    "texts/aux.md",
    "film/film.mp4\x00.md",
    "a" * 5000,
    "<img src=/dev/zero>",
    "![x](/dev/zero)",
    "ä" * 300,
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "film/FILM.MP4",
    " film/film.mp4",
    "texts/",
    "https://example.org/film.mp4",
)
SNIPPETS = (
    '"',
    '"""',
    "'''",
    "[[steps]]\n",
    "[film]\n",
    "[",
    "]",
    " = ",
    "\n",
    'id = "x"\n',
    "minutes = -5\n",
    "minutes = 99999999999999999999\n",
    'kind = "film"\n',
    "at = 1e309\n",
    "at = nan\n",
    'file = "../../etc/passwd"\n',
    "schema_version = 99\n",
    "\x00",
    "\\",
    "\\u0000",
    "ä",
    "# kommentar\n",
    "steps = []\n",
    '[[variants]]\nminutes = 45\nsteps = ["nope"]\n',
    "pause_points = [{ at = -1.0, question = '' }]\n",
)
WEIRD_VALUES: tuple[Any, ...] = (
    None,
    0,
    -1,
    2**63 - 1,
    1.5,
    float("inf"),
    True,
    "",
    [],
    {},
    [1, "a"],
    {"sv": ""},
    {"x": {"y": {"z": [1]}}},
    *HOSTILE_STRINGS,
)
HOSTILE_NAMES = (
    "../evil.md",
    "texts/../../evil.md",
    "/tmp/evil.md",
    "C:/evil.md",
    "texts\\evil.md",
    "texts/aux.md",
    "texts/evil .md",
    "texts/evil.",
    "texts//evil.md",
    "./module.toml",
    "MODULE.TOML",
    "texts/" + "x" * 250 + ".md",
    "texts/\x01.md",
    "module.toml/inside",
)


def _toml_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _toml_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _toml_paths(value, (*prefix, index))
    return found


class Mutator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def value(self) -> Any:
        return copy.deepcopy(self.rng.choice(WEIRD_VALUES))

    # --- module.toml -------------------------------------------------------------------------

    def manifest(self, text: str) -> bytes:
        rng = self.rng
        kind = rng.random()
        if kind < 0.45:
            for _ in range(rng.randint(1, 4)):
                text = self._text_edit(text)
            return text.encode("utf-8", "surrogatepass")
        if kind < 0.85:
            data = self._structure(tomllib.loads(text))
            try:
                import tomli_w

                return tomli_w.dumps(data).encode("utf-8", "surrogatepass")
            except (TypeError, ValueError):
                return self._text_edit(text).encode("utf-8", "surrogatepass")
        raw = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 12)):
            position = rng.randrange(len(raw))
            raw[position] = rng.choice((0x00, 0xFF, 0xC3, 0x80, 0x22, 0x5B, rng.randrange(256)))
        if rng.random() < 0.2:
            raw[0:0] = b"\xef\xbb\xbf"
        return bytes(raw)

    def _text_edit(self, text: str) -> str:
        rng = self.rng
        if not text:
            return rng.choice(SNIPPETS)
        action = rng.randrange(7)
        start = rng.randrange(len(text))
        if action == 0:
            return text[:start] + text[start + rng.randint(1, 200) :]
        if action == 1:
            return text[:start] + rng.choice(SNIPPETS) + text[start:]
        lines = text.split("\n")
        if action == 2:
            index = rng.randrange(len(lines))
            lines.insert(index, lines[index])
        elif action == 3:
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
        elif action == 4:
            return text[:start]
        elif action == 5:
            index = rng.randrange(len(lines))
            if "=" in lines[index]:
                key = lines[index].split("=", 1)[0]
                lines[index] = f"{key}= {rng.choice(('-1', '0', '1e400', 'true', '[]', '{}'))}"
        else:
            index = rng.randrange(len(lines))
            if '"' in lines[index]:
                head = lines[index].split('"', 1)[0]
                value = json.dumps(rng.choice(HOSTILE_STRINGS))
                lines[index] = head + value
        return "\n".join(lines)

    def _structure(self, data: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        for _ in range(rng.randint(1, 4)):
            paths = _toml_paths(data)
            if not paths:
                break
            path = rng.choice(paths)
            parent: Any = data
            for part in path[:-1]:
                parent = parent[part]
            action = rng.randrange(5)
            if action == 0:
                del parent[path[-1]]
            elif action == 1:
                parent[path[-1]] = self.value()
            elif action == 2 and isinstance(parent, dict):
                parent[rng.choice(("x", "id", "kind", "minutes", "steps", "film", "at"))] = (
                    self.value()
                )
            elif action == 3 and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[path[-1]]))
            elif action == 4 and isinstance(parent, list) and len(parent) > 1:
                rng.shuffle(parent)
        return data

    # --- the files a module names ----------------------------------------------------------

    def files(self, folder: Path) -> None:
        """Garble, cut, remove or replace a file of the (hard-linked) work copy."""
        rng = self.rng
        files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "module.toml")
        if not files:
            return
        target = rng.choice(files)
        data = target.read_bytes()
        target.unlink()  # a hard link: never write through it into the source
        action = rng.randrange(7)
        if action == 0:
            return  # deleted
        if action == 1:
            target.write_bytes(data[: rng.randrange(max(1, len(data)))])
        elif action == 2:
            garbled = bytearray(data)
            for _ in range(rng.randint(1, 64)):
                if garbled:
                    garbled[rng.randrange(len(garbled))] = rng.randrange(256)
            target.write_bytes(bytes(garbled))
        elif action == 3:
            target.write_bytes(b"\xff\xfe\x00" + os.urandom(rng.randint(0, 4096)))
        elif action == 4:
            target.mkdir()
        elif action == 5:
            target.symlink_to("/etc/passwd")
        else:
            target.write_bytes(data * rng.randint(2, 3))

    # --- packs -------------------------------------------------------------------------------

    def pack_bytes(self, data: bytes) -> bytes:
        rng = self.rng
        raw = bytearray(data)
        action = rng.randrange(6)
        if action == 0:
            for _ in range(rng.randint(1, 50)):
                raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        elif action == 1:
            del raw[rng.randrange(len(raw)) :]
        elif action == 2:
            start = rng.randrange(len(raw))
            raw[start : start + rng.randint(1, 4096)] = os.urandom(rng.randint(1, 4096))
        elif action == 3:
            # The end of a zip: its central directory.
            start = max(0, len(raw) - rng.randint(1, 3000))
            raw[start] ^= 0xFF
            raw[rng.randrange(start, len(raw))] ^= 0x5A
        elif action == 4:
            start = rng.randrange(len(raw))
            raw[start:start] = os.urandom(rng.randint(1, 512))
        else:
            start = rng.randrange(len(raw))
            raw[start : start + rng.randint(1, 2048)] = bytes(rng.randint(1, 2048))
        return bytes(raw)

    def pack_entries(self, files: dict[str, bytes]) -> bytes:
        """A pack rebuilt entry by entry, with one or more hostile changes."""
        from facilitator.core.content.pack_format import content_hash

        rng = self.rng
        entries: list[tuple[zipfile.ZipInfo | str, bytes]] = list(files.items())
        info: dict[str, Any] = {"format": 1}
        manifest = tomllib.loads(files["module.toml"].decode("utf-8"))
        info["id"], info["version"] = manifest["id"], manifest["version"]
        rehash = True
        for _ in range(rng.randint(1, 3)):
            action = rng.randrange(11)
            if action == 0:
                index = rng.randrange(len(entries))
                _name, data = entries[index]
                entries[index] = (rng.choice(HOSTILE_NAMES), data)
            elif action == 1 and len(entries) > 1:
                entries.pop(rng.randrange(len(entries)))
            elif action == 2:
                entries.append(copy.copy(rng.choice(entries)))
            elif action == 3:
                entry = zipfile.ZipInfo(rng.choice(["texts/link.md", "film/film.mp4"]))
                entry.create_system = 3
                mode = rng.choice((stat.S_IFLNK, stat.S_IFCHR, stat.S_IFIFO, stat.S_IFSOCK))
                entry.external_attr = (mode | 0o777) << 16
                entries.append((entry, b"/etc/passwd"))
            elif action == 4:
                text = files["module.toml"].decode("utf-8")
                entries = [
                    (name, self.manifest(text) if name == "module.toml" else data)
                    for name, data in entries
                ]
            elif action == 5:
                info[rng.choice(("id", "version", "content_hash", "format"))] = self.value()
            elif action == 6:
                rehash = False
                info["content_hash"] = "sha256:" + "0" * 64
            elif action == 7:
                entries.extend((f"texts/extra-{i}.md", b"x") for i in range(rng.choice((5, 2100))))
            elif action == 8:
                entries.append(("texts/", b""))
                entries.append(("texts", b"a file where a folder is"))
            elif action == 9:
                text = files["module.toml"].decode("utf-8")
                text = text.replace(manifest["id"], "annat-id", 1)
                entries = [
                    (name, text.encode() if name == "module.toml" else data)
                    for name, data in entries
                ]
            else:
                info["extra"] = "x" * rng.choice((10, 70_000))
        if rehash:
            covered = [(n if isinstance(n, str) else n.filename, d) for n, d in entries]
            import hashlib

            info.setdefault(
                "content_hash",
                content_hash((n, hashlib.sha256(d).hexdigest()) for n, d in covered),
            )
        pack_json: bytes
        if rng.random() < 0.08:
            pack_json = rng.choice((b"{nej", b"[]", b"\xff\xfe", b"null"))
        else:
            pack_json = json.dumps(info, default=str).encode()
        if rng.random() > 0.05:
            entries.append(("pack.json", pack_json))
        buffer = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name" is the point
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
                for name, data in entries:
                    archive.writestr(name, data)
        raw = bytearray(buffer.getvalue())
        if rng.random() < 0.1:  # encrypted flag or an unknown method in the central directory
            central = raw.rfind(b"PK\x01\x02")
            if central >= 0:
                if rng.random() < 0.5:
                    raw[central + 8] |= 0x1
                else:
                    raw[central + 10] = 99
        return bytes(raw)


class Fuzz:
    def __init__(self, root: Path, seed: int) -> None:
        from facilitator.core.content.media_probe import default_probe
        from facilitator.core.content.pack import pack_module
        from facilitator.core.paths import bundled_modules_dir

        self.root = root
        self.rng = random.Random(seed)
        self.mutate = Mutator(self.rng)
        self.probe = default_probe()
        self.outcomes: Counter[str] = Counter()
        self.examples: dict[str, str] = {}
        self.failures: list[str] = []
        self.sources: list[Path] = []
        self.packs: list[bytes] = []
        self.pack_files: list[dict[str, bytes]] = []
        for folder in sorted(bundled_modules_dir().iterdir()):
            if not (folder / "module.toml").is_file():
                continue
            source = root / "src" / folder.name
            shutil.copytree(folder, source)
            self.sources.append(source)
            packed = pack_module(source, root / "packs" / f"{folder.name}.fmod").path
            self.packs.append(packed.read_bytes())
            with zipfile.ZipFile(packed) as archive:
                self.pack_files.append(
                    {n: archive.read(n) for n in archive.namelist() if n != "pack.json"}
                )

    def case(self, number: int) -> None:
        folder = self.root / "cases" / str(number)
        folder.mkdir(parents=True)
        try:
            if number % 2 == 0:
                self._module_case(folder)
            else:
                self._pack_case(folder)
        except Exception as error:
            # Raised from the app's code, or a bug in this fuzzer: both fail the soak.
            frames = traceback.extract_tb(error.__traceback__)
            in_app = any(Path(frame.filename).is_relative_to(APP) for frame in frames)
            self.outcomes["unexpected exception" if in_app else "fuzzer error"] += 1
            self.failures.append(f"case {number}: {error!r}\n{traceback.format_exc()}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _module_case(self, folder: Path) -> None:
        from facilitator.core.content.validate import validate_module

        source = self.rng.choice(self.sources)
        work = folder / source.name
        shutil.copytree(source, work, copy_function=os.link)
        manifest = work / "module.toml"
        text = manifest.read_text(encoding="utf-8")
        manifest.unlink()
        manifest.write_bytes(
            self.mutate.manifest(text) if self.rng.random() < 0.8 else text.encode()
        )
        touched_files = self.rng.random() < 0.35
        if touched_files:
            self.mutate.files(work)
        probe = self.probe if touched_files and self.rng.random() < 0.5 else None
        report = validate_module(work, probe)
        self._check_problems(report.problems, "validate")
        if report.manifest is None or not report.ok:
            if not report.problems:
                self._fail("a module refused without a problem to show")
            self.outcomes["module: problems"] += 1
            return
        self._import(self._pack(work, folder), folder, "module")

    def _pack(self, work: Path, folder: Path) -> Path | None:
        from facilitator.core.content.pack import pack_module
        from facilitator.core.content.pack_format import PackError

        try:
            return pack_module(work, folder / "packed.fmod").path
        except PackError as error:
            self._check_refusal(error)
            self.outcomes["module: valid, pack refused"] += 1
            return None

    def _pack_case(self, folder: Path) -> None:
        index = self.rng.randrange(len(self.packs))
        pack = folder / "fuzzed.fmod"
        if self.rng.random() < 0.4:
            pack.write_bytes(self.mutate.pack_bytes(self.packs[index]))
        else:
            pack.write_bytes(self.mutate.pack_entries(self.pack_files[index]))
        self._import(pack, folder, "pack")

    def _import(self, pack: Path | None, folder: Path, kind: str) -> None:
        from facilitator.core.content.importer import import_pack
        from facilitator.core.content.loader import load_manifest
        from facilitator.core.content.pack_format import PackError

        if pack is None:
            return
        modules = folder / "modules"
        try:
            result = import_pack(pack, modules, probe=None)
        except PackError as error:
            self._check_refusal(error)
            outcome = f"{kind}: refused ({error.failure.value})"
            self.outcomes[outcome] += 1
            self.examples.setdefault(outcome, error.message)
        else:
            installed = result.path
            if installed is None or load_manifest(installed).manifest is None:
                self._fail(f"imported but not loadable: {result}")
            self.outcomes[f"{kind}: clean import"] += 1
        found = list(modules.iterdir()) if modules.is_dir() else []
        leftovers = [p.name for p in found if p.name.startswith(".")]
        if leftovers:
            self._fail(f"left in the modules folder: {leftovers}")

    def _check_refusal(self, error: Any) -> None:
        if not error.message or not error.message.strip():
            self._fail(f"a refusal without a message: {error.failure}")
        self._check_problems(error.problems, "import")

    def _check_problems(self, problems: Any, where: str) -> None:
        for problem in problems:
            if UNEXPECTED in problem.found:
                self._fail(f"{where}: {problem.describe()}")

    def _fail(self, text: str) -> None:
        self.outcomes["unexpected outcome"] += 1
        self.failures.append(text)


def run(cases: int, seed: int) -> int:
    os.environ.setdefault("LANG", "C.UTF-8")
    sys.dont_write_bytecode = True  # the audit must not see .pyc files being written
    from facilitator.core import i18n
    from facilitator.core.paths import resources_dir

    i18n.activate("sv", resources_dir() / "locale")
    root = Path(tempfile.mkdtemp(prefix="facilitator-soak-fuzz-")).resolve()
    outside: list[str] = []

    def write_outside(event: str, args: tuple[Any, ...]) -> bool:
        for path in written_paths(event, args):
            # An open for writing goes through links; removing or renaming a link does not.
            if event == "open":
                resolved = Path(os.path.realpath(path))
            else:
                resolved = Path(os.path.realpath(path.parent)) / path.name
            if not resolved.is_relative_to(root) and str(resolved) != os.devnull:
                outside.append(f"{event} {resolved}")
        return False

    began = time.perf_counter()
    try:
        fuzz = Fuzz(root, seed)
        note(f"{NAME}: {cases} cases from {len(fuzz.sources)} bundled modules in {root} …")
        with watching(write_outside):
            for number in range(cases):
                fuzz.case(number)
                if (number + 1) % 100 == 0:
                    note(f"  {number + 1} cases, {dict(sorted(fuzz.outcomes.items()))}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - began
    for outcome, example in sorted(fuzz.examples.items()):
        note(f"  e.g. {outcome}: {example}")
    for failure in fuzz.failures[:10]:
        note(failure)
    for line in sorted(set(outside))[:10]:
        note(f"written outside the temporary folder: {line}")
    problems = sum(n for k, n in fuzz.outcomes.items() if "refused" in k or "problems" in k)
    clean = sum(n for k, n in fuzz.outcomes.items() if "clean import" in k)
    handled = problems + clean
    passed = not fuzz.failures and not outside and handled == cases
    return verdict(
        NAME,
        passed,
        f"{cases} cases in {elapsed:.0f} s: {problems} refused with problems, {clean} clean "
        f"imports, {len(fuzz.failures)} unexpected, {len(set(outside))} writes outside the "
        "temporary folder",
    )


def main(argv: list[str] | None = None) -> int:
    return cases_main(NAME, run, argv)


if __name__ == "__main__":
    sys.exit(main())
