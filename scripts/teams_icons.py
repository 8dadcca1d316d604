"""Draws the two Teams app icons in config/teams/ (run once; the PNGs are committed).

Teams wants a 192x192 full-colour icon and a 32x32 outline icon: white on transparent. A tiny
PNG encoder (zlib + CRC, RGBA, no filters) keeps this free of imaging libraries.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

TEAMS_DIR = Path(__file__).resolve().parent.parent / "config" / "teams"
G40_BLUE = (0x1F, 0x3A, 0x93, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)
Pixel = tuple[int, int, int, int]


def png(width: int, height: int, pixel: Callable[[float, float], Pixel]) -> bytes:
    """An RGBA PNG; `pixel` gets coordinates scaled to 0..1 (pixel centres)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        for x in range(width):
            rows += bytes(pixel((x + 0.5) / width, (y + 0.5) / height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def network(x: float, y: float) -> bool:
    """A ring of cities around a centre: the network of 41 cities, abstracted to 8 dots."""
    cx, cy = x - 0.5, y - 0.5
    radius = math.hypot(cx, cy)
    if radius < 0.11:
        return True
    if abs(radius - 0.3) < 0.025:
        return True
    for k in range(8):
        angle = k * math.pi / 4
        if math.hypot(cx - 0.3 * math.cos(angle), cy - 0.3 * math.sin(angle)) < 0.07:
            return True
    return False


def color_icon(x: float, y: float) -> Pixel:
    return WHITE if network(x, y) else G40_BLUE


def outline_icon(x: float, y: float) -> Pixel:
    return WHITE if network(x, y) else CLEAR


if __name__ == "__main__":
    (TEAMS_DIR / "color.png").write_bytes(png(192, 192, color_icon))
    (TEAMS_DIR / "outline.png").write_bytes(png(32, 32, outline_icon))
    print(f"icons written to {TEAMS_DIR}")
