from django import forms
from django.db.models import Value
from django.utils import timezone

from core import cache

from .models import DocumentType, Field, Issuer, Validity

MIN_YEAR, MAX_YEAR = 1945, 2100

VOCABULARIES = {"type": DocumentType, "issuer": Issuer, "field": Field}


def vocabulary_choices():
    """(slug, name) choices of the three filter lists, read in ONE query (a
    UNION), which also validates a submitted slug without another query.
    Kept in the cache until content changes, like the sidebar."""
    return cache.cached("documents:vocabularies", _read_vocabularies, timeout=60, alias="local")


def _read_vocabularies():
    parts = [
        model.objects.order_by()
        .annotate(list_name=Value(name))
        .values_list("list_name", "slug", "name", "order")
        for name, model in VOCABULARIES.items()
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("list_name", "order", "name")
    choices = {name: [] for name in VOCABULARIES}
    for list_name, slug, name, _order in rows:
        choices[list_name].append((slug, name))
    return choices


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
    type = forms.ChoiceField(label="Loại văn bản", required=False)
    issuer = forms.ChoiceField(label="Cơ quan ban hành", required=False)
    field = forms.ChoiceField(label="Lĩnh vực", required=False)
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
        choices = vocabulary_choices()
        for name in VOCABULARIES:
            self.fields[name].choices = [("", "Tất cả"), *choices[name]]
            self.fields[name].error_messages["invalid_choice"] = (
                "Không có mục này; bộ lọc đã được bỏ qua."
            )

    def filter(self, queryset):
        """Apply every filter that cleaned; the invalid ones are ignored."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("type"):
            queryset = queryset.filter(type__slug=data["type"])
        if data.get("issuer"):
            queryset = queryset.filter(issuer__slug=data["issuer"])
        if data.get("field"):
            queryset = queryset.filter(fields__slug=data["field"])
        if data.get("year"):
            queryset = queryset.filter(issued_on__year=data["year"])
        if data.get("status"):
            queryset = queryset.filter(current_validity=data["status"])
        if data.get("q"):
            queryset = queryset.search_results(data["q"])
        return queryset

    def count_key(self):
        """What the filtered table counts, for its shared count: the filters
        that applied, and today's date, on which a document's validity depends."""
        applied = sorted((k, v) for k, v in getattr(self, "cleaned_data", {}).items() if v)
        return f"documents:{timezone.localdate()}:{applied!r}"

    @property
    def is_filtered(self):
        cleaned = getattr(self, "cleaned_data", {})
        return any(cleaned.get(name) for name in self.fields)
