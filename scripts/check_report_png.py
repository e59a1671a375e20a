#!/usr/bin/env python3
"""Check that a screenshot of a Shades HTML report actually shows the trend charts.

Usage:
  scripts/check_report_png.py REPORT.png [--tolerance N] [--min-pixels N] [--min-extent F]
                                         [--min-category-extent F]

Pure standard library: the PNG is decoded with zlib (8-bit RGB or RGBA, not interlaced,
filter types 0-4). A pixel "matches" a colour when every channel is within --tolerance of it,
which keeps the solid core of anti-aliased strokes and leaves out the blended edges.

What is checked:
  * the absolutist-index line (#2b6cb0): at least --min-pixels matching pixels, found in at
    least --min-extent of the image's columns. A legend swatch or a stat card cannot do that;
    only a line drawn across the chart can.
  * each category line (#d95f02 all-or-nothing, #7570b3 overgeneralization, #1b9e77 should,
    #e7298a labeling): at least --min-pixels matching pixels, in at least
    --min-category-extent of the columns. The category swatches of the legend and of the
    phrase table all sit in a few narrow columns, so they alone cannot pass this either.

Prints one line per colour with the pixel count and the share of columns covered, then PASS or
FAIL. Exit status: 0 on pass, 1 on fail, 2 when the file cannot be read as a supported PNG.
"""
import argparse
import struct
import sys
import zlib

INDEX_COLOUR = ("absolutist index", (0x2B, 0x6C, 0xB0))
CATEGORY_COLOURS = [
    ("all-or-nothing", (0xD9, 0x5F, 0x02)),
    ("overgeneralization", (0x75, 0x70, 0xB3)),
    ("should", (0x1B, 0x9E, 0x77)),
    ("labeling", (0xE7, 0x29, 0x8A)),
]


class PNGError(Exception):
    pass


def read_png(path):
    """Return (width, height, channels, rows) where rows is a list of bytes, one per scanline,
    already unfiltered (channels is 3 for RGB, 4 for RGBA)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise PNGError("not a PNG file")
    pos, header, idat = 8, None, []
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length  # length, type, body, CRC
        if ctype == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif ctype == b"IDAT":
            idat.append(body)
        elif ctype == b"IEND":
            break
    if header is None:
        raise PNGError("no IHDR chunk")
    width, height, depth, colour_type, _compression, _filter, interlace = header
    if depth != 8 or colour_type not in (2, 6):
        raise PNGError(f"unsupported PNG: bit depth {depth}, colour type {colour_type} "
                       "(only 8-bit RGB or RGBA)")
    if interlace:
        raise PNGError("unsupported PNG: interlaced")
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) < height * (stride + 1):
        raise PNGError("truncated image data")
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        bpp = channels
        if ftype == 0:  # None
            pass
        elif ftype == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:  # Up
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ftype == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if (pa <= pb and pa <= pc) else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        else:
            raise PNGError(f"bad filter type {ftype} on row {y}")
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def measure(width, channels, rows, colours, tolerance):
    """For each colour: (matching pixel count, set of columns with a match)."""
    result = {name: [0, set()] for name, _ in colours}
    targets = [(name, rgb) for name, rgb in colours]
    for line in rows:
        for x in range(width):
            i = x * channels
            r, g, b = line[i], line[i + 1], line[i + 2]
            for name, (tr, tg, tb) in targets:
                if abs(r - tr) <= tolerance and abs(g - tg) <= tolerance and abs(b - tb) <= tolerance:
                    entry = result[name]
                    entry[0] += 1
                    entry[1].add(x)
                    break
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("png")
    ap.add_argument("--tolerance", type=int, default=12,
                    help="per-channel distance still counted as the colour (default 12)")
    ap.add_argument("--min-pixels", type=int, default=300,
                    help="matching pixels needed for each colour (default 300)")
    ap.add_argument("--min-extent", type=float, default=0.5,
                    help="share of the image's columns the index line must cover (default 0.5)")
    ap.add_argument("--min-category-extent", type=float, default=0.25,
                    help="share of the columns each category line must cover (default 0.25)")
    a = ap.parse_args()

    try:
        width, height, channels, rows = read_png(a.png)
    except (OSError, PNGError, zlib.error) as e:
        print(f"check_report_png: {a.png}: {e}", file=sys.stderr)
        return 2

    colours = [INDEX_COLOUR] + CATEGORY_COLOURS
    found = measure(width, channels, rows, colours, a.tolerance)
    print(f"{a.png}: {width}x{height}, tolerance {a.tolerance}")
    ok = True
    for k, (name, rgb) in enumerate(colours):
        count, cols = found[name]
        extent = len(cols) / width
        need_extent = a.min_extent if k == 0 else a.min_category_extent
        passed = count >= a.min_pixels and extent >= need_extent
        ok &= passed
        span = f"x {min(cols)}-{max(cols)}" if cols else "x -"
        print(f"  {'ok  ' if passed else 'FAIL'} #{'%02x%02x%02x' % rgb} {name:<19} "
              f"{count:6d} px, columns {extent:6.1%} ({span}); "
              f"need >= {a.min_pixels} px, >= {need_extent:.0%}")
    print("PASS: the trend charts are drawn" if ok else "FAIL: the trend charts are not (all) drawn")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
