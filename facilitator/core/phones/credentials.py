"""The room code, the device token in the phone's cookie, the CSRF token bound to it and the
salted hash that is all the database ever learns of a device.

A session's ``RoomKeys`` are made fresh when the phone server starts and live only in memory:
a new session (or a restart) makes every old cookie and every old form worthless, and the
hashes stored in one session cannot be linked to those of another."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

ROOM_CODE_DIGITS = 6
_TOKEN_BYTES = 32


def new_room_code(digits: int = ROOM_CODE_DIGITS) -> str:
    """``digits`` random decimal digits (leading zeros kept): typed on a phone's number pad."""
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def normalise_code(typed: str) -> str:
    """What a person typed, without the spaces and dashes a projector's grouping invites."""
    return "".join(ch for ch in typed if ch not in " -\u00a0\t")


def new_device_token() -> str:
    return secrets.token_urlsafe(_TOKEN_BYTES)


def new_nonce() -> str:
    """One per form shown: a post that arrives twice with the same nonce is stored once."""
    return secrets.token_urlsafe(16)


@dataclass(frozen=True)
class RoomKeys:
    """The secrets of one session's phone room."""

    code: str = field(default_factory=new_room_code)
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    """Signs the device tokens and the CSRF tokens; never leaves memory."""
    salt: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    """Salts the device hashes stored in the database; never stored itself."""

    def __repr__(self) -> str:  # the code is a secret of the room, kept out of logs
        return "RoomKeys(…)"

    def code_matches(self, typed: str) -> bool:
        return hmac.compare_digest(normalise_code(typed).encode(), self.code.encode())

    def issue_device(self) -> str:
        """A new device's cookie value: a random token and this room's signature of it, so a
        cookie from another session (or made up) is refused without any lookup."""
        token = new_device_token()
        return f"{token}.{self._sign(b'device', token)}"

    def device_valid(self, cookie: str | None) -> bool:
        if not cookie or "." not in cookie or len(cookie) > 200:
            return False
        token, signature = cookie.rsplit(".", 1)
        return bool(token) and hmac.compare_digest(signature, self._sign(b"device", token))

    def csrf_for(self, cookie: str) -> str:
        """The CSRF token of the forms shown to this device: valid for this device only."""
        return self._sign(b"csrf", cookie)

    def csrf_valid(self, cookie: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(str(token), self.csrf_for(cookie))

    def device_hash(self, cookie: str) -> str:
        """What the database keeps of a device: enough to count devices and refuse a replay
        within this session, never enough to get the cookie back or follow a phone across
        sessions."""
        return hashlib.sha256(self.salt + cookie.encode()).hexdigest()

    def _sign(self, purpose: bytes, value: str) -> str:
        return hmac.new(self.secret, purpose + b":" + value.encode(), hashlib.sha256).hexdigest()
