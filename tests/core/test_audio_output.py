"""Whether the computer has an audio output, and what the pre-session check says about it."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.precheck.audio import AudioOutput, find_audio_output
from facilitator.core.precheck.system import check_audio_output

LAPTOP_PCM = (
    "00-00: ALC257 Analog : ALC257 Analog : playback 1 : capture 1\n"
    "00-03: HDMI 0 : HDMI 0 : playback 1\n"
    "01-00: USB Audio : USB Mikrofon : capture 1\n"
)


def asound(tmp_path: Path, pcm: str | None) -> Path:
    folder = tmp_path / "asound"
    folder.mkdir()
    if pcm is not None:
        (folder / "pcm").write_text(pcm, encoding="utf-8")
    return folder


def test_alsa_playback_devices_are_outputs_and_a_microphone_is_not(tmp_path: Path) -> None:
    found = find_audio_output("linux", asound(tmp_path, LAPTOP_PCM), env={})
    assert found == AudioOutput(True, ("ALC257 Analog", "HDMI 0"))


def test_only_a_microphone_or_no_sound_card_is_no_output(tmp_path: Path) -> None:
    only_mic = find_audio_output(
        "linux", asound(tmp_path, "01-00: USB Audio : USB Mikrofon : capture 1\n"), env={}
    )
    assert only_mic == AudioOutput(False)
    # No ALSA driver at all: /proc/asound is missing (this is what CI machines look like).
    assert find_audio_output("linux", tmp_path / "no-asound", env={}) == AudioOutput(False)


def test_a_running_sound_server_is_an_output(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    (runtime / "pulse").mkdir(parents=True)
    (runtime / "pulse" / "native").touch()
    (runtime / "pipewire-0").touch()
    found = find_audio_output("linux", tmp_path / "none", env={"XDG_RUNTIME_DIR": str(runtime)})
    assert found == AudioOutput(True, ("PulseAudio", "PipeWire"))
    # A runtime folder without the servers' sockets is no output.
    empty = tmp_path / "empty"
    empty.mkdir()
    without = find_audio_output("linux", tmp_path / "none", env={"XDG_RUNTIME_DIR": str(empty)})
    assert without.found is False
    assert find_audio_output("linux", tmp_path / "none", env={"PULSE_SERVER": "tcp:host"}).found


def test_other_platforms() -> None:
    assert find_audio_output("darwin").found is True
    assert find_audio_output("sunos5").found is None


def test_check_says_plainly_that_there_is_no_sound_and_what_to_do() -> None:
    item = check_audio_output(AudioOutput(False))
    assert item.name == "Ljud"
    assert not item.ok
    assert item.detail.startswith("Inget ljud: datorn har ingen ljudutgång")
    assert "Anslut högtalare eller hörlurar" in item.fix
    assert "undertexter" in item.fix


def test_check_names_the_outputs_it_found() -> None:
    item = check_audio_output(AudioOutput(True, ("ALC257 Analog", "HDMI 0")))
    assert item.ok
    assert item.detail == "Ljudet kan gå till: ALC257 Analog, HDMI 0."
    assert check_audio_output(AudioOutput(True)).detail == "Datorn har en ljudutgång."
    unknown = check_audio_output(AudioOutput(None))
    assert unknown.ok and "Provlyssna" in unknown.detail


def test_this_machine_gets_an_answer() -> None:
    # Whatever the machine has, the check runs and says something in Swedish.
    item = check_audio_output()
    assert item.name == "Ljud" and item.detail
