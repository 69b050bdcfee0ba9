#!/usr/bin/env python3
"""Draw the privlens icon (a lens over a page) as PNGs, without any image library.
Run once when the design changes: python3 scripts/make-icons.py"""
import math, struct, zlib, pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "extension" / "icons"

def pixel(x, y, n):
    """RGBA of the icon at (x, y) for size n, with simple 4x supersampling done by caller."""
    u, v = x / n, y / n
    # page: rounded rectangle
    page = 0.12 <= u <= 0.72 and 0.08 <= v <= 0.86
    cx, cy, r = 0.60, 0.58, 0.22
    d = math.hypot(u - cx, v - cy)
    ring = r - 0.06 <= d <= r
    glass = d < r - 0.06
    hx, hy = u - cx, v - cy
    handle = hx > 0 and hy > 0 and abs(hx - hy) < 0.07 and r - 0.02 < math.hypot(hx, hy) < r + 0.22
    lines = page and not (d < r) and 0.2 <= u <= 0.62 and any(abs(v - l) < 0.025 for l in (0.22, 0.32, 0.42))
    if ring or handle:
        return (11, 87, 208, 255)
    if glass:
        return (214, 232, 255, 255)
    if lines:
        return (120, 130, 145, 255)
    if page:
        return (255, 255, 255, 255)
    return (0, 0, 0, 0)

def render(n):
    rows = []
    for y in range(n):
        row = bytearray([0])
        for x in range(n):
            acc = [0, 0, 0, 0]
            for sy in range(4):
                for sx in range(4):
                    p = pixel(x + (sx + .5) / 4, y + (sy + .5) / 4, n)
                    for i in range(4):
                        acc[i] += p[i]
            row += bytes(a // 16 for a in acc)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

OUT.mkdir(parents=True, exist_ok=True)
for size in (16, 32, 48, 128):
    (OUT / f"icon-{size}.png").write_bytes(render(size))
print("icons written to", OUT)
