"""Draws the app's icon (two speech bubbles on a rounded square) as facilitator.png, and the
Windows .ico and macOS .icns from it when asked (`python packaging/make_icon.py --all`).
Pillow only; the PNG is kept in the repository, the others are made by CI."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, 248, 248), radius=48, fill=(31, 78, 121, 255))
    pen.rounded_rectangle((36, 52, 168, 140), radius=28, fill=(255, 255, 255, 255))
    pen.polygon([(64, 132), (58, 170), (100, 138)], fill=(255, 255, 255, 255))
    pen.rounded_rectangle((96, 118, 222, 200), radius=26, fill=(244, 180, 0, 255))
    pen.polygon([(190, 192), (200, 226), (160, 198)], fill=(244, 180, 0, 255))
    return image


def main() -> int:
    image = draw()
    image.save(HERE / "facilitator.png")
    if "--all" in sys.argv:
        image.save(HERE / "facilitator.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
        image.save(HERE / "facilitator.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
