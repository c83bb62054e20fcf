from django.core.exceptions import ValidationError
from PIL import Image

from lhh.validators import validate_image


def validate_photo(upload):
    """validate_image, then decode the picture data itself.

    Pillow's verify() checks the structure of PNG and GIF files, but for a JPEG
    it stops at the headers: a truncated JPEG passes it and would only fail
    later, when the renditions are made. Decoding at a reduced scale (JPEG
    draft mode) reads every byte without the memory of the full picture.
    """
    validate_image(upload)
    name = getattr(upload, "name", "")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except Exception as exc:
        raise ValidationError(
            "Tệp “%(name)s” không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF).",
            code="invalid_image",
            params={"name": name},
        ) from exc
    finally:
        upload.seek(0)
