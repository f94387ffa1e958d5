"""libVLC's own messages, and ALSA's, go to the app's log instead of the terminal.

On a machine without a sound card every film start makes libVLC try its audio output again and
again: thousands of lines a session, printed by libVLC's console logger and by ALSA's library,
which writes to standard error on its own (libVLC's ``--quiet`` does not reach it). `route`
gives a libVLC instance a log callback and ALSA an error handler, both feeding one
`MessageSummary` that writes each distinct message once and every audio-output failure as a
single summarised warning.

Both callbacks run on libVLC's threads: they format the text (libc, not libVLC), take a lock and
hand it over; they never call libVLC (which is not re-entrant). The ctypes callback objects are
module globals because libVLC and ALSA hold bare pointers to them for the process's life.
"""

from __future__ import annotations

import ctypes
import logging
import re
import sys
import threading
from collections.abc import Callable
from typing import Any

from facilitator.ui.video.availability import load_vlc

log = logging.getLogger("facilitator.vlc")
# Where no log file is set up (it could not be created), Python's last-resort handler would
# print these warnings to stderr: exactly what this module is for keeping quiet.
log.addHandler(logging.NullHandler())

# libVLC's levels (libvlc_log_level): debug 0, notice 2, warning 3, error 4.
VLC_WARNING = 3
VLC_ERROR = 4
MAX_DISTINCT = 500
"""Distinct texts remembered; past this a runaway source is dropped rather than logged."""
_MESSAGE_BYTES = 1024

# What libVLC says when its audio output cannot start (its core says "module not functional"
# only about an audio output); a file's own audio problems are not among them.
_AUDIO = re.compile(
    r"audio output|audio device|alsa|pulseaudio|module not functional", re.IGNORECASE
)
_NUMBERS = re.compile(r"0x[0-9a-f]+|\d+", re.IGNORECASE)


class MessageSummary:
    """Logs each distinct message once, and the first audio-output failure as the only line
    about audio: without a sound card the same few failures repeat for every film."""

    def __init__(self, logger: logging.Logger = log) -> None:
        self._log = logger
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._audio_reported = False
        self.suppressed = 0

    def vlc_message(self, level: int, text: str) -> None:
        if level < VLC_WARNING:
            return
        if _AUDIO.search(text):
            self.audio_failure("libVLC: " + text)
            return
        if self._first_time(text):
            # libVLC's warnings are mostly about quirks of a file that plays anyway.
            self._log.log(
                logging.WARNING if level >= VLC_ERROR else logging.INFO, "libVLC: %s", text
            )

    def audio_failure(self, text: str) -> None:
        with self._lock:
            if self._audio_reported:
                self.suppressed += 1
                return
            self._audio_reported = True
        self._log.warning(
            "No working audio output (%s); films play without sound. "
            "Repeats of this and other audio messages are not logged.",
            text,
        )

    def _first_time(self, text: str) -> bool:
        key = _NUMBERS.sub("#", text)
        with self._lock:
            if key in self._seen or len(self._seen) >= MAX_DISTINCT:
                self.suppressed += 1
                return False
            self._seen.add(key)
            return True


SUMMARY = MessageSummary()


# -- formatting libVLC's printf-style messages -------------------------------------------------


def _vsnprintf() -> Callable[[bytes, int | None], str] | None:
    """libc's vsnprintf, to expand libVLC's format string with its va_list; None where it cannot
    be found (the bare format string is logged then)."""
    try:
        if sys.platform.startswith("win"):
            function = ctypes.cdll.msvcrt._vsnprintf
        else:
            # The process's own symbols include libc's on Linux and macOS.
            function = ctypes.CDLL(None).vsnprintf
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]
    function.restype = ctypes.c_int

    def expand(fmt: bytes, args: int | None) -> str:
        # A va_list is a pointer (or decays to one) on every platform libVLC ships for.
        buffer = ctypes.create_string_buffer(_MESSAGE_BYTES)
        function(buffer, _MESSAGE_BYTES - 1, fmt, args)
        return buffer.value.decode("utf-8", "replace")

    return expand


_expand: Callable[[bytes, int | None], str] | None = None


def _on_vlc_log(_data: Any, level: int, _context: Any, fmt: bytes | None, args: int | None) -> None:
    if level < VLC_WARNING or fmt is None:  # most messages are debug: drop them unformatted
        return
    try:
        text = _expand(fmt, args) if _expand is not None else fmt.decode("utf-8", "replace")
        SUMMARY.vlc_message(level, text.strip())
    except Exception:  # an exception must not unwind into libVLC's thread
        return


# -- ALSA ------------------------------------------------------------------------------------

_ALSA_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _on_alsa_error(
    file: bytes | None, line: int, function: bytes | None, _err: int, fmt: bytes | None
) -> None:
    # The handler is variadic; its arguments are left out, so the text keeps its %s.
    try:
        where = f"{(file or b'?').decode()}:{line}:({(function or b'?').decode()})"
        SUMMARY.audio_failure(f"ALSA lib {where} {(fmt or b'').decode('utf-8', 'replace')}")
    except Exception:
        return


_install_lock = threading.Lock()  # players start on the GUI thread, probes on workers
_alsa_handler: Any = None
_vlc_callback: Any = None


def quiet_alsa() -> bool:
    """Replace ALSA's print-to-stderr error handler (once per process). False where there is
    no ALSA (Windows, macOS, a Linux without libasound)."""
    global _alsa_handler
    if not sys.platform.startswith("linux"):
        return False
    with _install_lock:
        if _alsa_handler is not None:
            return True
        try:
            # The library libVLC's ALSA plugin loads later is this same one: the handler is
            # process-wide.
            alsa = ctypes.CDLL("libasound.so.2")
        except OSError:
            return False
        handler = _ALSA_HANDLER_TYPE(_on_alsa_error)
        alsa.snd_lib_error_set_handler.argtypes = [_ALSA_HANDLER_TYPE]
        alsa.snd_lib_error_set_handler.restype = ctypes.c_int
        if alsa.snd_lib_error_set_handler(handler) != 0:
            return False
        _alsa_handler = handler
        return True


# -- a libVLC instance -----------------------------------------------------------------------


def route(instance: Any) -> None:
    """Send this libVLC instance's messages, and ALSA's, to the app's log. Call right after
    creating the instance (with ``--quiet``, which covers what libVLC says while starting)."""
    global _vlc_callback, _expand
    vlc = load_vlc()

    quiet_alsa()
    with _install_lock:
        if _vlc_callback is None:
            _expand = _vsnprintf()
            _vlc_callback = vlc.CallbackDecorators.LogCb(_on_vlc_log)
        callback = _vlc_callback
    try:
        instance.log_set(callback, None)
    except (AttributeError, OSError, NameError):  # a libVLC before 2.1: it stays --quiet
        log.info("libVLC has no log callback; its messages stay quiet")
