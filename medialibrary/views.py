from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from core.validators import validate_image

from .models import MediaItem


def _editor_error(message, status=400):
    # CKEditor 5's simple upload adapter shows `error.message` to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def editor_image_upload(request):
    """CKEditor 5 image upload, checked by content like every other upload.

    Replaces django-ckeditor-5's view, which only asks Pillow whether the
    file opens: that lets through formats such as BMP/TIFF, pixel bombs and
    keeps the sender's file name. The picture becomes an item of the media
    library, stored like every upload (core.uploads): a random name with the
    format's extension, without metadata.
    """
    if not (request.user.is_active and request.user.is_staff):
        return _editor_error("Bạn không có quyền tải ảnh lên.", status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _editor_error("Chưa chọn tệp ảnh để tải lên.")
    try:
        validate_image(upload)
    except ValidationError as error:
        return _editor_error(" ".join(error.messages))
    item = MediaItem.objects.create(file=upload, uploaded_by=request.user)
    # The simple upload adapter passes the whole answer on (uploadComplete):
    # the picture's library id, for the alt text asked next.
    return JsonResponse({"url": item.file.url, "id": item.pk, "alt": item.alt_text})
