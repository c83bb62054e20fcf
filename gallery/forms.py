from django import forms

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cover" in self.fields:
            # Only the album's own photos may be its cover.
            photos = Photo.objects.filter(album=self.instance) if self.instance.pk else None
            self.fields["cover"].queryset = photos if photos is not None else Photo.objects.none()
