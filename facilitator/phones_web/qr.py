"""The QR code on the projector card: the address as a code a phone's camera opens."""

from __future__ import annotations

import io

import segno


def qr_svg(address: str, scale: int = 8) -> bytes:
    """Black on white, with the quiet zone a camera needs; the card scales the SVG."""
    out = io.BytesIO()
    segno.make(address, error="m", micro=False).save(out, kind="svg", scale=scale, border=4)
    return out.getvalue()


def qr_png(address: str, scale: int = 8) -> bytes:
    out = io.BytesIO()
    segno.make(address, error="m", micro=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
