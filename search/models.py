import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.fields import WordsField
from core.indexes import TrigramIndex

# The date of an entry for content without one of its own (search.index):
# the earliest, so that among matches ranked alike it comes after every
# dated one (an organization does not pass newer news because it was saved
# recently), and the results show no date for it. Not NULL, which databases
# order differently and the newest-first index would not serve.
UNDATED = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class SearchEntryQuerySet(models.QuerySet):
    def visible(self):
        """Public, due and not past its end date, at query time: a scheduled
        item is found from its publish time and an expired one no longer,
        with no job to re-index them."""
        now = timezone.now()
        return self.filter(
            Q(published_at__isnull=True) | Q(published_at__lte=now),
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            is_public=True,
        )


class SearchEntry(models.Model):
    """One searchable object's normalised text, kept by search.index on save."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    # The slug of its kind in the registry (search.registry), the `loai` of
    # /tim-kiem/?loai=…
    kind = models.CharField("loại", max_length=20)
    title = models.CharField("tiêu đề", max_length=500)
    body = models.TextField("nội dung", blank=True)
    url = models.CharField("đường dẫn", max_length=500)
    date = models.DateTimeField("ngày")
    is_public = models.BooleanField("công khai", default=True)
    published_at = models.DateTimeField("thời điểm đăng", null=True, blank=True)
    expires_at = models.DateTimeField("hiển thị đến", null=True, blank=True)
    title_exact = WordsField(editable=False)
    title_folded = WordsField(editable=False)
    exact = WordsField(editable=False)
    folded = WordsField(editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        db_table = "lhh_searchentry"
        verbose_name = "mục tìm kiếm"
        verbose_name_plural = "chỉ mục tìm kiếm"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique_object"
            )
        ]
        indexes = [
            models.Index(fields=["kind", "date"], name="search_entry_kind_date_idx"),
            # Search's candidates: the newest matches, walked in date order.
            models.Index(fields=["-date", "-id"], name="search_entry_newest_idx"),
            # A query's words, matched at word starts (search.query.words_filter).
            TrigramIndex(fields=["folded"], name="search_entry_folded_trgm"),
            TrigramIndex(fields=["title_folded"], name="search_entry_title_folded_trgm"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_dated(self):
        return self.date != UNDATED
