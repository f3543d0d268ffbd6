"""Hostile and broken uploads are refused with a clear error and nothing is stored; location
data in photos does not reach the renditions the API hands out."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from cms.models import CustomImage

pytestmark = pytest.mark.django_db


def jpeg_bytes(size=(64, 48), exif=None):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, "JPEG", **({"exif": exif} if exif else {}))
    return buffer.getvalue()


def png_bytes(size):
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def upload(client, name, content, content_type="image/jpeg"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Kuva",
            "description": "Ohjaaja ja asiakas keskustelevat",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def signed_in_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        pytest.param(
            "pommi.png",
            png_bytes((12_000, 12_000)),  # 144 megapixels in a few hundred kilobytes
            "image/png",
            "liian monta kuvapistettä",
            id="decompression bomb",
        ),
        pytest.param(
            "kuva.jpg",
            b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>",
            "image/jpeg",
            "ei ole kuva",
            id="HTML named .jpg",
        ),
        pytest.param(
            "iso.jpg",
            jpeg_bytes() + b"\0" * (10 * 1024 * 1024),
            "image/jpeg",
            "liian suuri",
            id="oversized",
        ),
        pytest.param(
            "kuva.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
            "muoto ei ole tuettu",
            id="wrong type",
        ),
        pytest.param(
            "kuva.png",
            jpeg_bytes(),
            "image/png",
            "ei vastaa tiedostomuotoa",
            id="JPEG named .png",
        ),
    ],
)
def test_a_refused_upload_says_why_and_stores_nothing(
    signed_in_editor, settings, name, content, content_type, message
):
    response = upload(signed_in_editor, name, content, content_type)
    assert response.status_code == 200  # the form again, with the error
    errors = " ".join(str(e) for e in response.context["form"].errors.get("file", []))
    assert message.lower() in errors.lower()
    assert CustomImage.objects.count() == 0
    assert stored_files(settings) == []


def gps_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Puhelin"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (60.0, 10.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (24.0, 56.0, 3.2)
    return exif


def test_location_and_camera_data_are_dropped_at_upload_and_orientation_kept(signed_in_editor):
    exif = gps_exif()
    exif[ExifTags.Base.Orientation] = 6  # taken sideways: display rotated 90°
    response = upload(signed_in_editor, "retki.jpg", jpeg_bytes((800, 600), exif=exif))
    assert response.status_code == 302, response.context["form"].errors
    image = CustomImage.objects.get()
    assert (image.width, image.height) == (600, 800)  # upright, metadata or not
    with image.open_file() as original:
        stored = Image.open(original)
        assert not stored.getexif()
        assert stored.size == (600, 800)
    assert image.file_size == image.file.size

    for spec in ["fill-400x300", "width-800", "max-165x165|format-webp"]:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            exif = Image.open(handle).getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo), spec
        assert ExifTags.Base.Make not in exif, spec


@pytest.fixture
def media_served(settings):
    """The URL configuration as `make run` builds it (DEBUG serves media from Django)."""
    import importlib

    from django.urls import clear_url_caches

    import ohjaaja.urls

    settings.DEBUG = True
    importlib.reload(ohjaaja.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(ohjaaja.urls)
    clear_url_caches()


def test_original_image_files_are_not_listable(client, signed_in_editor, settings, media_served):
    upload(signed_in_editor, "retki.jpg", jpeg_bytes())
    image = CustomImage.objects.get()
    client.logout()
    # The file itself is served (in development; object storage in production) …
    assert client.get(settings.MEDIA_URL + image.file.name).status_code == 200
    # … but no directory lists what is there.
    for path in ["/media/", "/media/original_images/", "/media/images/"]:
        assert client.get(path).status_code == 404, path
