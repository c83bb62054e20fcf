from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit

from core import sidebar
from core.addresses import reverse
from core.fields import RichTextField, UploadImageField
from core.models import (
    ContentQuerySet,
    PreviewLink,
    Reviewable,
    ReviewableQuerySet,
    ReviewEvent,
    SluggedModel,
    Status,
)
from core.renditions import CoverRenditions
from core.text import html_to_text


class CategoryQuerySet(ContentQuerySet):
    def home_blocks(self, per_block=5):
        """The home page's category blocks, in two queries whatever the size.

        Each block is a category shown on the home page with its newest
        published articles, those of its sub-categories included (a
        sub-category that is itself on the home page keeps its own).
        Returns a list of (category, sub-categories, articles).
        """
        categories = list(self.order_by("order", "name"))
        shown = {c.pk: c for c in categories if c.is_shown_on_home}
        block_of = {}
        for category in categories:
            if category.pk in shown:
                block_of[category.pk] = category.pk
            elif category.parent_id in shown:
                block_of[category.pk] = category.parent_id
        if not block_of:
            return []
        articles = Article.objects.published().newest_per_block(block_of, per_block)
        by_block = {pk: [] for pk in shown}
        for article in articles:
            by_block[article.block_id].append(article)
        return [
            (
                category,
                [c for c in categories if c.parent_id == category.pk],
                by_block[category.pk],
            )
            for category in shown.values()
            if by_block[category.pk]
        ]


class Category(SluggedModel):
    """A news category (chuyên mục), at most one level below another."""

    name = models.CharField("tên chuyên mục", max_length=200)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; không đổi khi sửa tên.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc chuyên mục",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text="Chỉ một cấp: chuyên mục cha không được là chuyên mục con.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_shown_on_home = models.BooleanField("hiện trên trang chủ", default=False)
    is_notice = models.BooleanField(
        "là chuyên mục thông báo",
        default=False,
        help_text="Tin của chuyên mục này hiện trong khối THÔNG BÁO.",
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"

    def __str__(self):
        if self.parent_id:
            return f"{self.parent} › {self.name}"
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})

    def slug_source(self):
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": "Chuyên mục không thể thuộc chính nó."})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": "Chỉ được chọn chuyên mục cấp một làm chuyên mục cha."}
            )
        if self.pk and self.children.exists():
            raise ValidationError(
                {
                    "parent": "Chuyên mục này đang có chuyên mục con "
                    "nên không thể thuộc chuyên mục khác."
                }
            )


class ArticleQuerySet(ReviewableQuerySet):
    def featured(self):
        return self.filter(is_featured=True)

    def sidebar_notices(self, limit=5):
        """THÔNG BÁO: the latest published notices, as a sidebar feed."""

        def make(row):
            return Article(
                pk=row["ref"],
                title=row["title"],
                slug=row["key"],
                published_at=row["day"],
                category=Category(slug=row["parent_key"]),
            )

        latest = self.published(now=sidebar.NOW).notices().order_by("-published_at")
        return sidebar.feed(
            "notices", latest, limit, make,
            title="title", day="published_at", key="slug", parent_key="category__slug",
        )  # fmt: skip

    def notices(self):
        return self.filter(category__is_notice=True)

    def in_category(self, category):
        """Articles of the category and of its sub-categories."""
        # An id list, not a join on the parent: the count and the page are then
        # served by the category index.
        ids = Category.objects.filter(Q(pk=category.pk) | Q(parent=category.pk)).values("pk")
        return self.filter(category_id__in=ids)

    def others_than(self, article):
        """Older articles of the same category ("Các tin khác").

        The redundant `published_at <= …` bounds the scan of the category
        index: without it PostgreSQL reads every newer article of the
        category before the first older one (15 ms instead of 0.3 ms for an
        article in the middle of 100,000).
        """
        return (
            self.filter(category_id=article.category_id, published_at__lte=article.published_at)
            .filter(
                Q(published_at__lt=article.published_at)
                | Q(published_at=article.published_at, pk__lt=article.pk)
            )
            .exclude(pk=article.pk)
        )

    def front_page(self, featured_count=3, latest_count=8):
        """The home page's featured articles and latest news.

        Returns (featured, latest): the newest featured articles, and the
        newest others. Two short index scans; one query with OR-ed id
        subqueries made PostgreSQL scan the whole table.
        """
        featured = list(self.featured()[:featured_count])
        shown = [article.pk for article in featured]
        latest = list(self.exclude(pk__in=shown)[:latest_count])
        return featured, latest

    def newest_per_block(self, block_of, per_block):
        """The newest `per_block` articles of each block, in two queries.

        `block_of` maps a category id to the id of the block it is shown in.
        Each block's newest ids come from its own short index scan, all in one
        UNION ALL (ranking every article with a window function sorted the
        whole table); the articles are then read by id.
        """
        categories_of = {}
        for category_pk, block_pk in block_of.items():
            categories_of.setdefault(block_pk, []).append(category_pk)
        branches = [
            Article._base_manager.filter(
                pk__in=self.filter(category_id__in=category_pks).values("pk")[:per_block]
            )
            .annotate(block_id=Value(block_pk, output_field=models.BigIntegerField()))
            .values_list("pk", "block_id")
            .order_by()
            for block_pk, category_pks in categories_of.items()
        ]
        if not branches:
            return []
        block_by_pk = dict(branches[0].union(*branches[1:], all=True))
        articles = list(
            self.filter(pk__in=list(block_by_pk)).select_related("category").defer("body")
        )
        for article in articles:
            article.block_id = block_by_pk[article.pk]
        return articles


class Article(CoverRenditions, Reviewable, SluggedModel):
    """A news item (tin bài); notices are the articles of a notice category."""

    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tiêu đề; không đổi khi sửa tiêu đề.",
    )
    category = models.ForeignKey(
        Category,
        verbose_name="chuyên mục",
        on_delete=models.PROTECT,
        related_name="articles",
    )
    summary = models.TextField(
        "tóm tắt (sapo)", blank=True, help_text="Một hai câu hiện dưới tiêu đề và trong danh sách."
    )
    body = RichTextField("nội dung", blank=True)
    cover = UploadImageField(
        "ảnh đại diện",
        upload_to="news/%Y/%m/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_caption = models.CharField("chú thích ảnh", max_length=300, blank=True)
    author = models.CharField(
        "tác giả (ký tên)", max_length=200, blank=True, help_text="Hiện cuối bài, ví dụ “NTC”."
    )
    source = models.CharField("nguồn", max_length=300, blank=True)
    is_featured = models.BooleanField(
        "tin nổi bật", default=False, help_text="Tin nổi bật hiện đầu trang chủ kèm ảnh."
    )
    view_count = models.PositiveIntegerField("lượt xem", default=0, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa sau cùng",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # Renditions made once per image by django-imagekit (cached files).
    cover_card = ImageSpecField(
        source="cover",
        processors=[ResizeToFill(360, 240, upscale=False)],
        format="JPEG",
        options={"quality": 82},
    )
    cover_large = ImageSpecField(
        source="cover",
        processors=[ResizeToFit(1000, 750, upscale=False)],
        format="JPEG",
        options={"quality": 85},
    )

    review_fields = ("title", "summary", "body", "author", "source", "cover_caption")

    objects = ArticleQuerySet.as_manager()
    # Updated in bulk without being content (core.models.ContentQuerySet).
    counter_fields = ("view_count",)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "tin bài"
        verbose_name_plural = "tin bài"
        # Editorial review (core.review): editors and approvers.
        permissions = [
            ("review_article", "Được biên tập tin bài của mọi người và trả lại cho tác giả"),
            ("approve_article", "Được duyệt, đăng và gỡ tin bài"),
        ]
        # published(): partial indexes of the published articles only, half
        # the size of (status, published_at), so counting 92,000 of them for
        # "Trang 1/9.209" reads half as much (10 ms instead of 18). They
        # carry the end date (INCLUDE, on PostgreSQL), so that count still
        # reads only the index.
        indexes = [
            models.Index(
                fields=["-published_at"],
                include=["expires_at"],
                condition=Q(status=Status.PUBLISHED),
                name="article_published_idx",
            ),
            models.Index(
                fields=["category", "-published_at"],
                include=["expires_at"],
                condition=Q(status=Status.PUBLISHED),
                name="article_category_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "news:article", kwargs={"category_slug": self.category.slug, "slug": self.slug}
        )

    def slug_source(self):
        return self.title

    def search_document(self):
        return {
            "title": self.title,
            "body": " ".join([self.summary, html_to_text(self.body), self.author]),
            "url": self.get_absolute_url(),
            "date": self.published_at,
            "is_public": self.status == Status.PUBLISHED,
            "published_at": self.published_at,
            "expires_at": self.expires_at,
        }


class ArticleReview(ReviewEvent):
    """A step of an article's review (core.review)."""

    article = models.ForeignKey(
        Article, verbose_name="tin bài", on_delete=models.CASCADE, related_name="review_events"
    )

    class Meta(ReviewEvent.Meta):
        verbose_name = "bước duyệt tin bài"
        verbose_name_plural = "các bước duyệt tin bài"


class ArticlePreviewLink(PreviewLink):
    """A link to an article's pending version for someone without an account."""

    target = models.ForeignKey(
        Article, verbose_name="tin bài", on_delete=models.CASCADE, related_name="preview_links"
    )

    class Meta(PreviewLink.Meta):
        verbose_name = "liên kết xem trước tin bài"
        verbose_name_plural = "liên kết xem trước tin bài"
