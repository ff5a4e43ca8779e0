"""Radiance HDR (``.hdr``, RGBE) pictures made into an 8-bit Pillow picture for thumbnails
as Zou makes them: read as grey (OpenCV's luminance weights, Zou reads the file without
its colour flag), clamped to 0..1, gamma 2.2. Only the scanlines and columns a thumbnail
needs are decoded: the others are skipped packet by packet, so a large background is read
quickly without numpy."""

import math

from PIL import Image

SIGNATURES = (b"#?RADIANCE", b"#?RGBE")
FORMAT = b"FORMAT=32-bit_rle_rgbe"
MIN_RLE_WIDTH, MAX_RLE_WIDTH = 8, 0x7FFF


class NotRadiance(ValueError):
    """Not a Radiance RGBE picture this reader decodes."""


LUMINANCE = (0.299, 0.587, 0.114)
SCALES = [0.0] + [math.ldexp(1.0, exponent - 136) for exponent in range(1, 256)]
"""The linear value of a mantissa of 1 for each exponent (0 is black)."""


def grey(red, green, blue, exponent):
    """The 8-bit tone-mapped grey of one RGBE pixel."""
    value = SCALES[exponent] * (LUMINANCE[0] * red + LUMINANCE[1] * green
                                + LUMINANCE[2] * blue)
    return round(255 * min(1.0, value) ** (1 / 2.2))


def read_header(data):
    """``(width, height, top_down, offset of the first scanline)``."""
    if not data.startswith(SIGNATURES):
        raise NotRadiance("no Radiance signature")
    end = data.find(b"\n\n")
    if end < 0:
        raise NotRadiance("no end of header")
    header = data[:end].split(b"\n")
    if not any(line.strip() == FORMAT for line in header):
        raise NotRadiance("not 32-bit RLE RGBE")
    line_end = data.find(b"\n", end + 2)
    resolution = data[end + 2:line_end].split()
    if len(resolution) != 4 or resolution[0] not in (b"-Y", b"+Y") or resolution[2] != b"+X":
        raise NotRadiance("unsupported orientation")
    try:
        height, width = int(resolution[1]), int(resolution[3])
    except ValueError:
        raise NotRadiance("bad resolution") from None
    if width <= 0 or height <= 0:
        raise NotRadiance("bad resolution")
    return width, height, resolution[0] == b"-Y", line_end + 1


def scanline(data, offset, width, keep):
    """``(RGBE bytes of the line or None when not ``keep``, offset of the next line)``."""
    if MIN_RLE_WIDTH <= width <= MAX_RLE_WIDTH and data[offset:offset + 2] == b"\x02\x02":
        if (data[offset + 2] << 8) | data[offset + 3] != width:
            raise NotRadiance("bad scanline")
        offset += 4
        channels = []
        for _ in range(4):
            channel = bytearray() if keep else None
            filled = 0
            while filled < width:
                count = data[offset]
                if count > 128:
                    count -= 128
                    if keep:
                        channel += data[offset + 1:offset + 2] * count
                    offset += 2
                else:
                    if count == 0:
                        raise NotRadiance("bad packet")
                    if keep:
                        channel += data[offset + 1:offset + 1 + count]
                    offset += 1 + count
                filled += count
            if filled != width:
                raise NotRadiance("bad scanline length")
            channels.append(channel)
        if not keep:
            return None, offset
        line = bytearray(width * 4)
        for index, channel in enumerate(channels):
            line[index::4] = channel
        return bytes(line), offset
    end = offset + width * 4
    if end > len(data):
        raise NotRadiance("truncated")
    return (data[offset:end] if keep else None), end


def picture(data, size):
    """A grey picture about twice ``size`` at most, sampled from the HDR ``data``."""
    try:
        width, height, top_down, offset = read_header(data)
        rows = sampled(height, size[1] * 2)
        columns = sampled(width, size[0] * 2)
        wanted = set(rows)
        lines = {}
        for row in range(height):
            line, offset = scanline(data, offset, width, row in wanted)
            if line is not None:
                lines[row] = line
    except IndexError:
        raise NotRadiance("truncated") from None
    pixels = bytearray()
    for row in rows if top_down else reversed(rows):
        line = lines[row]
        pixels += bytes(grey(*line[column * 4:column * 4 + 4]) for column in columns)
    return Image.frombytes("L", (len(columns), len(rows)), bytes(pixels))


def sampled(length, wanted):
    """Evenly spread indexes, ``wanted`` at most."""
    step = max(1, math.ceil(length / wanted))
    return list(range(0, length, step))
