"""Files for upload tests: good images, and the bad ones staff might send."""

import struct
import zlib
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def image_bytes(size=(120, 90), fmt="JPEG", colour="teal", exif=None):
    image = Image.new("RGB", size, colour)
    buffer = BytesIO()
    if exif is not None:
        image.save(buffer, fmt, exif=exif)
    else:
        image.save(buffer, fmt)
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def good_jpeg(name="hoi-nghi.jpg", size=(120, 90)):
    return upload(name, image_bytes(size))


def good_png(name="toan-canh.png"):
    return upload(name, image_bytes(fmt="PNG"), "image/png")


def svg(name="logo.svg"):
    content = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    return upload(name, content, "image/svg+xml")


def html_named_jpg(name="anh-dep.jpg"):
    return upload(name, b"<!doctype html><html><body><script>alert(1)</script></body></html>")


def truncated_jpeg(name="bi-hong.jpg"):
    content = image_bytes((400, 300))
    return upload(name, content[: len(content) // 2])


def decompression_bomb(name="bom.png", width=100_000, height=100_000):
    """A tiny PNG whose header declares an enormous picture."""
    content = bytearray(image_bytes((8, 8), fmt="PNG"))
    # IHDR data starts after the 8-byte signature, 4-byte length and "IHDR".
    content[16:24] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(content[12:29])) & 0xFFFFFFFF
    content[29:33] = struct.pack(">I", crc)
    return upload(name, bytes(content), "image/png")


def gps_exif(orientation=None):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Máy ảnh thử"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (11.0, 56.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (108.0, 26.0, 40.0)
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    return exif
