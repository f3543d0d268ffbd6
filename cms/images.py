"""Uploaded photos lose their metadata before they are stored.

Phone photos carry EXIF: GPS coordinates of where they were taken, device serial numbers, the
owner's name. Willow copies EXIF into every rendition, and originals are reachable by URL, so the
safe place to drop it is the upload itself. The EXIF orientation is applied to the pixels first,
so nothing turns sideways; the colour profile is kept.
"""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Pillow format → save options that keep quality (JPEG is re-encoded once, at high quality).
FORMATS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 92},
}


def carries_metadata(image):
    return bool(image.getexif()) or any(
        key in image.info for key in ("exif", "xmp", "XML:com.adobe.xmp")
    )


def without_metadata(file):
    """A ContentFile of the image without EXIF/XMP, or None when there is nothing to drop."""
    file.seek(0)
    with Image.open(file) as image:
        if image.format not in FORMATS or not carries_metadata(image):
            return None
        image_format = image.format
        icc_profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        upright.info.pop("exif", None)
        upright.info.pop("xmp", None)
        output = io.BytesIO()
        options = dict(FORMATS[image_format])
        if icc_profile:
            options["icc_profile"] = icc_profile
        upright.save(output, image_format, **options)
    file.seek(0)
    return ContentFile(output.getvalue(), name=file.name)


def illustration(colours: tuple, size: tuple = (1200, 675)) -> bytes:
    """A simple generated illustration (gradient, hills and circles) as PNG bytes."""
    from PIL import Image, ImageDraw

    top, bottom = colours
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    rng = random.Random(sum(top))  # the same picture for the same colours
    for i in range(6):
        x, y, r = rng.randint(0, width), rng.randint(0, height // 2), rng.randint(40, 140)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255) if i % 2 else bottom)
    draw.polygon([(0, height), (width * 0.4, height * 0.55), (width, height)], fill=top)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
