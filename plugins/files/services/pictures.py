"""Pictures with Pillow: what an uploaded picture is, its PNG original and the variants
Zou serves (thumbnails, square thumbnails, a web-size preview), each a PNG fitted into its
size and centred on a transparent canvas."""

import io
import math

from PIL import Image, ImageFile, UnidentifiedImageError

from framework import BadRequest

NOT_A_PICTURE = "Uploaded file is not a readable picture."
THUMBNAIL = (150, 100)
SQUARE = (100, 100)
AVATAR = (400, 400)
ATTACHMENT_THUMBNAIL = (150, 150)
PREVIEW_WIDTH = 1200
MAX_PIXELS = 16384 * 16384

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False


def open_picture(stream):
    """The decoded picture of ``stream``; 400 when it is none Pillow reads."""
    try:
        picture = Image.open(stream)
        picture.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError,
            SyntaxError):
        raise BadRequest(NOT_A_PICTURE, data=None) from None
    return picture


def png_bytes(picture):
    output = io.BytesIO()
    picture.save(output, "PNG")
    return output.getvalue()


def as_rgba(picture):
    return picture if picture.mode == "RGBA" else picture.convert("RGBA")


def fitted(picture, size):
    """``picture`` scaled to fit ``size`` (up or down, ratio kept), centred on a transparent
    ``size`` canvas, with Zou's rounding so that thumbnails match its own pixel for
    pixel."""
    picture = fit_to(bigger_if_needed(as_rgba(picture), size), size)
    picture.thumbnail(size, Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", size, (0, 0, 0, 0))
    canvas.paste(picture, (int((size[0] - picture.width) / 2),
                           int((size[1] - picture.height) / 2)))
    return canvas


def bigger_if_needed(picture, size):
    """A picture smaller than ``size`` both ways, scaled up to touch it."""
    if picture.width < size[0] and picture.height < size[1]:
        ratio = min(size[0] / picture.width, size[1] / picture.height)
        picture = picture.resize((max(1, round(picture.width * ratio)),
                                  max(1, round(picture.height * ratio))),
                                 Image.Resampling.LANCZOS)
    return picture


def fit_to(picture, size):
    """Shortened to ``size``'s box, its ratio kept (sides rounded up)."""
    width, height = size
    ratio = picture.width / picture.height
    if ratio == width / height:
        return picture
    fitted_size = (math.ceil(height * ratio), height)
    if fitted_size[0] > width:
        fitted_size = (width, math.ceil(width / ratio))
    if fitted_size != picture.size:
        picture = picture.resize(fitted_size, Image.Resampling.LANCZOS)
    return picture


def preview_size(picture):
    width, height = picture.size
    return PREVIEW_WIDTH, max(1, math.ceil(PREVIEW_WIDTH * height / width))


def variants(picture):
    """``{kind: PNG bytes}`` of the variants of a preview picture."""
    return {"thumbnails": png_bytes(fitted(picture, THUMBNAIL)),
            "thumbnails-square": png_bytes(fitted(picture, SQUARE)),
            "previews": png_bytes(fitted(picture, preview_size(picture)))}


def thumbnail(picture, size):
    return png_bytes(fitted(picture, size))


def cropped(picture, size):
    """``picture`` cut to ``size``'s ratio around its centre, then resized to ``size``
    (Zou's attachment thumbnails)."""
    width, height = size
    ratio, target = picture.width / picture.height, width / height
    if target > ratio:
        kept = math.floor(picture.height * ratio / target)
        top = (picture.height - kept) / 2
        box = (0, round(top), picture.width, round(top + kept))
    else:
        kept = math.ceil(picture.width * target / ratio)
        left = int((picture.width - kept) / 2)
        box = (left, 0, left + kept, picture.height)
    return picture.crop(box).resize(size, Image.Resampling.LANCZOS)
