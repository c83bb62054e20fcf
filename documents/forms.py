from django import forms

from .models import DocumentType, Field, Issuer, Validity

MIN_YEAR, MAX_YEAR = 1945, 2100


class DocumentFilterForm(forms.Form):
    """The /van-ban/ filters, read from the query string.

    Each field is cleaned on its own: a bad value (unknown slug, year=abc,
    a 10,000-character q, a NUL byte) is dropped with a message and the
    other filters still apply, so no query string can break the page.
    """

    q = forms.CharField(
        label="Từ khóa",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Số/ký hiệu, trích yếu, nội dung…"}
        ),
    )
    type = forms.ModelChoiceField(
        label="Loại văn bản",
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả",
    )
    issuer = forms.ModelChoiceField(
        label="Cơ quan ban hành",
        queryset=Issuer.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả",
    )
    field = forms.ModelChoiceField(
        label="Lĩnh vực",
        queryset=Field.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả",
    )
    year = forms.IntegerField(
        label="Năm ban hành",
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.NumberInput(attrs={"placeholder": "Ví dụ 2018"}),
    )
    status = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=[("", "Tất cả"), *Validity.choices],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for name in ("type", "issuer", "field"):
            self.fields[name].error_messages["invalid_choice"] = (
                "Không có mục này; bộ lọc đã được bỏ qua."
            )

    def filter(self, queryset):
        """Apply every filter that cleaned; the invalid ones are ignored."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("type"):
            queryset = queryset.filter(type=data["type"])
        if data.get("issuer"):
            queryset = queryset.filter(issuer=data["issuer"])
        if data.get("field"):
            queryset = queryset.filter(fields=data["field"])
        if data.get("year"):
            queryset = queryset.filter(issued_on__year=data["year"])
        if data.get("status"):
            queryset = queryset.filter(current_validity=data["status"])
        if data.get("q"):
            queryset = queryset.search(data["q"]).order_by("-is_number_match", "-issued_on", "-id")
        return queryset

    @property
    def is_filtered(self):
        cleaned = getattr(self, "cleaned_data", {})
        return any(cleaned.get(name) for name in self.fields)
