"""Every hostile pack is refused with its own message, and nothing is written anywhere."""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.content import unpack as unpack_module
from facilitator.core.content.importer import import_pack
from facilitator.core.content.pack import pack_module
from facilitator.core.content.pack_format import PackError, PackFailure, PackLimits

from .conftest import edit_manifest
from .packs import folder_files, pack_json, special, symlink, write_pack, write_zip

Builder = Callable[[Path, dict[str, bytes]], Path]


def _bomb(target: Path, files: dict[str, bytes]) -> Path:
    # 20 MB of zeros deflates to ~20 kB: a ratio no module has.
    return write_pack(target, {**files, "film/zeros.bin": bytes(20 << 20)})


def _truncated(target: Path, files: dict[str, bytes]) -> Path:
    write_pack(target, files)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _tampered(target: Path, files: dict[str, bytes]) -> Path:
    changed = {**files, "module.toml": files["module.toml"] + b"\n# changed\n"}
    return write_zip(target, [*changed.items(), ("pack.json", pack_json(files))])


def _not_a_zip(target: Path, files: dict[str, bytes]) -> Path:
    target.write_bytes("Det här är ingen zip-fil.\n".encode() * 100)
    return target


def _central_header(data: bytes, name: str) -> int:
    """Offset of the central directory record for ``name``."""
    return data.rfind(b"PK\x01\x02", 0, data.rfind(name.encode()))


def _encrypted(target: Path, files: dict[str, bytes]) -> Path:
    write_pack(target, files, [("texts/hemlig.md", b"x")])
    data = bytearray(target.read_bytes())
    flags = _central_header(bytes(data), "texts/hemlig.md") + 8
    data[flags] |= 0x1  # Python's zipfile will not write the flag, so set it by hand
    target.write_bytes(bytes(data))
    return target


CORPUS: dict[str, tuple[Builder, PackFailure]] = {
    "traversal": (
        lambda t, f: write_pack(t, f, [("../evil.md", b"evil")]),
        PackFailure.PARENT_PATH,
    ),
    "nested traversal": (
        lambda t, f: write_pack(t, f, [("texts/../../evil.md", b"evil")]),
        PackFailure.PARENT_PATH,
    ),
    "absolute path": (
        lambda t, f: write_pack(t, f, [("/tmp/evil.md", b"evil")]),
        PackFailure.ABSOLUTE_PATH,
    ),
    "windows drive": (
        lambda t, f: write_pack(t, f, [("C:/evil.md", b"evil")]),
        PackFailure.ABSOLUTE_PATH,
    ),
    "symlink": (
        lambda t, f: write_pack(t, f, [(symlink("texts/passwd.md"), b"/etc/passwd")]),
        PackFailure.LINK,
    ),
    "device file": (
        lambda t, f: write_pack(t, f, [(special("film/dev", stat.S_IFCHR | 0o644), b"")]),
        PackFailure.SPECIAL_FILE,
    ),
    "reserved windows name": (
        lambda t, f: write_pack(t, f, [("texts/aux.md", b"x")]),
        PackFailure.UNSAFE_NAME,
    ),
    "same file twice": (
        lambda t, f: write_pack(t, f, [("Module.TOML", b"x")]),
        PackFailure.DUPLICATE,
    ),
    "zip bomb": (_bomb, PackFailure.TOO_LARGE),
    "too many files": (
        lambda t, f: write_pack(t, {**f, **{f"texts/{i}.md": b"x" for i in range(30)}}),
        PackFailure.TOO_MANY_FILES,
    ),
    "wrong id": (lambda t, f: write_pack(t, f, id="annan-modul"), PackFailure.ID_MISMATCH),
    "wrong version": (lambda t, f: write_pack(t, f, version="9.0"), PackFailure.VERSION_MISMATCH),
    "not a zip": (_not_a_zip, PackFailure.NOT_A_ZIP),
    "truncated zip": (_truncated, PackFailure.TRUNCATED),
    "hash mismatch": (_tampered, PackFailure.HASH_MISMATCH),
    "encrypted": (_encrypted, PackFailure.ENCRYPTED),
    "no pack.json": (lambda t, f: write_zip(t, list(f.items())), PackFailure.NO_PACK_INFO),
    "bad pack.json": (
        lambda t, f: write_zip(t, [*f.items(), ("pack.json", b"{nej")]),
        PackFailure.BAD_PACK_INFO,
    ),
    "no manifest": (
        lambda t, f: write_pack(t, {k: v for k, v in f.items() if k != "module.toml"}),
        PackFailure.NO_MANIFEST,
    ),
}

LIMITS = PackLimits(max_files=20, max_bytes=16 << 20)


def snapshot(root: Path) -> set[Path]:
    return set(root.rglob("*"))


@pytest.fixture
def files(module: Path) -> dict[str, bytes]:
    return folder_files(module)


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_hostile_pack_is_refused_and_leaves_nothing(
    case: str, files: dict[str, bytes], tmp_path: Path
) -> None:
    build, failure = CORPUS[case]
    pack = build(tmp_path / "hostile.fmod", files)
    modules_dir = tmp_path / "data" / "modules"
    modules_dir.mkdir(parents=True)
    before = snapshot(tmp_path)
    with pytest.raises(PackError) as raised:
        import_pack(pack, modules_dir, limits=LIMITS)
    assert raised.value.failure is failure
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "evil.md").exists()


def test_every_refusal_has_its_own_message(files: dict[str, bytes], tmp_path: Path) -> None:
    messages: dict[str, PackFailure] = {}
    for index, case in enumerate(sorted(CORPUS)):
        build, failure = CORPUS[case]
        pack = build(tmp_path / f"{index}.fmod", files)
        with pytest.raises(PackError) as raised:
            import_pack(pack, tmp_path / "modules", limits=LIMITS)
        messages.setdefault(raised.value.message, failure)
        assert messages[raised.value.message] is failure, raised.value.message
        assert raised.value.message[0].isupper() and raised.value.message.endswith(".")


def test_bytes_written_are_counted_not_the_declared_sizes(
    files: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip reader that trusted declared sizes would never stop; ours counts what it writes."""
    pack = write_pack(tmp_path / "p.fmod", {**files, "film/zeros.bin": bytes(8 << 20)})
    check = unpack_module._check_members

    def lying(archive: zipfile.ZipFile, limits: PackLimits) -> list[zipfile.ZipInfo]:
        members = check(archive, PackLimits(max_bytes=1 << 40))
        return members

    monkeypatch.setattr(unpack_module, "_check_members", lying)
    modules_dir = tmp_path / "modules"
    with pytest.raises(PackError) as raised:
        import_pack(pack, modules_dir, limits=PackLimits(max_bytes=4 << 20))
    assert raised.value.failure is PackFailure.TOO_LARGE
    assert list(modules_dir.iterdir()) == []


def test_a_bomb_that_lies_about_its_size_is_refused(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    pack = write_pack(tmp_path / "p.fmod", {**files, "film/zeros.bin": bytes(8 << 20)})
    data = bytearray(pack.read_bytes())
    # Shrink the declared size of the bomb in the central directory to a harmless 100 bytes.
    central = _central_header(bytes(data), "film/zeros.bin")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    pack.write_bytes(bytes(data))
    with zipfile.ZipFile(pack) as archive:
        assert archive.getinfo("film/zeros.bin").file_size == 100
    modules_dir = tmp_path / "modules"
    with pytest.raises(PackError) as raised:
        import_pack(pack, modules_dir)
    assert raised.value.failure in (PackFailure.CORRUPT, PackFailure.HASH_MISMATCH)
    assert list(modules_dir.iterdir()) == []


def test_an_invalid_module_is_refused_with_its_problems(module: Path, tmp_path: Path) -> None:
    edit_manifest(module, "minutes = 45", "minutes = 44")
    files = folder_files(module)
    pack = write_pack(tmp_path / "p.fmod", files)
    with pytest.raises(PackError) as raised:
        import_pack(pack, tmp_path / "modules")
    assert raised.value.failure is PackFailure.INVALID_MODULE
    assert [p.field for p in raised.value.problems if p.is_error] == ["variants[0].minutes"]


def test_pack_refuses_a_link_out_of_the_module(module: Path, tmp_path: Path) -> None:
    (tmp_path / "hemlig.txt").write_text("x", encoding="utf-8")
    (module / "texts" / "lank.txt").symlink_to(tmp_path / "hemlig.txt")
    with pytest.raises(PackError) as raised:
        pack_module(module, tmp_path / "out.fmod")
    assert raised.value.failure is PackFailure.LINK
    assert not (tmp_path / "out.fmod").exists()
