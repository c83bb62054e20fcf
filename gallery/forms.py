from django import forms
from django.utils.html import format_html

from .models import Album, Photo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django docs: "Uploading multiple files").

    Each file is checked later, one by one, so that a bad file is reported by
    name while the good files of the same upload are kept.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            files = []
        elif isinstance(data, (list, tuple)):
            files = list(data)
        else:
            files = [data]
        files = [upload for upload in files if upload]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class CoverChoiceField(forms.ModelChoiceField):
    """The album's photos as radio buttons, each with its thumbnail and
    caption: staff pick a picture, not a file name. Plain HTML, so it works
    without JavaScript."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.RadioSelect(attrs={"class": "cover-choices"}))
        kwargs.setdefault("empty_label", "Không chọn (dùng ảnh đầu tiên của album)")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, photo):
        return format_html(
            '<img src="{}" width="{}" height="{}" alt=""> {}',
            photo.thumbnail.url,
            photo.thumbnail_width,
            photo.thumbnail_height,
            photo.caption or f"Ảnh số {photo.order} (chưa có chú thích)",
        )


class AlbumAdminForm(forms.ModelForm):
    new_photos = MultipleFileField(
        label="Tải lên nhiều ảnh",
        required=False,
        help_text=(
            "Chọn một lúc nhiều tệp ảnh JPEG, PNG, WebP hoặc GIF (tối đa 100 tệp mỗi lần "
            "lưu). Tệp không phải ảnh hợp lệ "
            "sẽ bị bỏ qua và được báo tên; các ảnh hợp lệ vẫn được lưu. Sau khi tải lên, "
            "hãy điền chú thích cho từng ảnh ở bảng bên dưới."
        ),
    )

    class Meta:
        model = Album
        fields = [
            "title",
            "slug",
            "event_on",
            "description",
            "article",
            "cover",
            "status",
            "published_at",
        ]
        widgets = {"title": forms.TextInput(attrs={"class": "vTextField", "size": 80})}
        field_classes = {"cover": CoverChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cover" in self.fields:
            # Only the album's own photos may be its cover.
            photos = Photo.objects.filter(album=self.instance) if self.instance.pk else None
            self.fields["cover"].queryset = photos if photos is not None else Photo.objects.none()
