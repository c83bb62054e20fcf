"""Stored uploads: a name the server chooses, and pictures without metadata.

Whatever way a file comes into storage (an admin form, the album's bulk
upload, the editor, an import), it is stored under a random name with the
extension of the format its content was found to be, never the sender's:
a name could end in ".html" (the web server would send it as a page of the
site's own origin), hide its real ending behind a right-to-left override,
be longer in bytes than a file system allows, or tell the address of an
unpublished file to anyone who guesses it.

Pictures are written again without EXIF (camera, time, GPS position), XMP
or comments, turned upright first, so an original served to visitors tells
no more than its renditions.
"""

import logging
import uuid
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import ExifTags, Image, ImageOps

logger = logging.getLogger(__name__)

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}

# What a picture keeps of its own information: how it animates and its
# colours. Everything else Pillow read (exif, xmp, comment, text chunks) goes.
KEPT_INFO = ("duration", "loop", "transparency", "background", "icc_profile")


def random_name(extension):
    """A name nobody can guess: 128 random bits, then the format's extension."""
    return f"{uuid.uuid4().hex}.{extension}"


def without_metadata(fileobj):
    """The picture written again without metadata: (ContentFile, extension).

    A JPEG that needs no turning keeps its own quantization tables, so it
    loses nothing of its quality; animated GIF and WebP keep every frame.
    """
    fileobj.seek(0)
    try:
        with Image.open(fileobj) as image:
            image_format = image.format
            if image_format not in IMAGE_EXTENSIONS:
                raise ValueError(image_format)
            extension = IMAGE_EXTENSIONS[image_format]
            try:
                data = _rewritten(image)
            except Exception as exc:  # Pillow's encoders raise many kinds
                # A picture the checks accepted is never refused here: it is
                # kept as it came (still under its new name), and logged.
                logger.warning("Could not rewrite a %s without metadata: %r", image_format, exc)
                fileobj.seek(0)
                data = fileobj.read()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            "Tệp không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF).", code="invalid_image"
        ) from exc
    finally:
        fileobj.seek(0)
    # Named, since Django reads the stored width and height from it.
    return ContentFile(data, name=random_name(extension)), extension


def _rewritten(image):
    """The bytes of `image` in its own format, upright, with no metadata."""
    options = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    picture = image
    if getattr(image, "n_frames", 1) > 1:
        options["save_all"] = True
    elif image.getexif().get(ExifTags.Base.Orientation, 1) != 1:
        picture = ImageOps.exif_transpose(image)
    if image.format in ("JPEG", "WEBP"):
        keeps_tables = picture is image and image.format == "JPEG"
        options.update(
            {"quality": "keep", "subsampling": "keep"} if keeps_tables else {"quality": 90}
        )
    picture.info = {}
    buffer = BytesIO()
    picture.save(buffer, image.format, **options)
    return buffer.getvalue()
