"""Upload checks by content, not by file name."""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from PIL import Image

from .uploads import IMAGE_EXTENSIONS

# What Pillow may open (the formats stored uploads are named after); SVG is
# not an image to Pillow and HTML is nothing.
IMAGE_FORMATS = set(IMAGE_EXTENSIONS)


def new_uploads_only(validator):
    """Run `validator` on a file being uploaded, not on one already stored.

    A model form validates every field on each save, so a stored file comes
    back as its FieldFile: it was checked when it arrived, and Django may
    already have closed it (reading an image's width and height does).
    """

    @functools.wraps(validator)
    def validate(value):
        if isinstance(value, FieldFile) and value._committed:
            return
        validator(value)

    return validate


def validate_file_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            "Tệp “%(name)s” quá lớn (%(size)s); giới hạn là %(limit)s.",
            code="file_too_large",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )


def validate_dimensions(name, width, height):
    """Within the pixel count, the longest side and the aspect ratio allowed.

    Each bound keeps renditions cheap: an 88-byte PNG of 65535×1 pixels has
    few pixels, but a crop to a 4:3 card would have to enlarge it to
    millions of pixels a side.
    """
    params = {"name": name, "width": width, "height": height}
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(
            "Ảnh “%(name)s” có quá nhiều điểm ảnh (%(width)s×%(height)s).",
            code="image_too_many_pixels",
            params=params,
        )
    if max(width, height) > settings.IMAGE_MAX_SIDE:
        raise ValidationError(
            "Ảnh “%(name)s” quá lớn (%(width)s×%(height)s điểm ảnh); mỗi cạnh tối đa "
            "%(limit)s điểm ảnh.",
            code="image_too_large",
            params={**params, "limit": settings.IMAGE_MAX_SIDE},
        )
    if max(width, height) > settings.IMAGE_MAX_ASPECT_RATIO * min(width, height):
        raise ValidationError(
            "Ảnh “%(name)s” quá dài hoặc quá hẹp (%(width)s×%(height)s điểm ảnh); cạnh dài "
            "không được gấp quá %(ratio)s lần cạnh ngắn.",
            code="image_aspect_ratio",
            params={**params, "ratio": settings.IMAGE_MAX_ASPECT_RATIO},
        )


@new_uploads_only
def validate_image(upload):
    """A real JPEG, PNG, WebP or GIF within the size and pixel limits."""
    validate_file_size(upload, settings.IMAGE_MAX_UPLOAD_SIZE)
    name = getattr(upload, "name", "")
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            validate_dimensions(name, width, height)
            # verify() checks the structure of PNG and GIF files…
            image.verify()
        # …but stops at a JPEG's headers, so a truncated JPEG would pass and
        # only fail when renditions are made. Decoding at a reduced scale
        # (JPEG draft mode) reads every byte without the full picture's memory.
        upload.seek(0)
        with Image.open(upload) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(
            "Tệp “%(name)s” không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF).",
            code="invalid_image",
            params={"name": name},
        ) from exc
    finally:
        if position is not None:
            upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            "Định dạng ảnh của “%(name)s” không được chấp nhận; hãy dùng JPEG, PNG, WebP hoặc GIF.",
            code="invalid_image_format",
            params={"name": name},
        )
