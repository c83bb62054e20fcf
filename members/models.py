from dataclasses import dataclass

from django.db import models
from django.db.models import Count, FilteredRelation, Prefetch, Q, Sum

from core.addresses import reverse
from core.fields import RichTextField, UploadImageField
from core.models import ContentQuerySet, SluggedModel
from core.text import html_to_text, tel_href


def round_down_figure(total):
    """The round figure an association quotes for a total ("trên 15.000").

    Two significant digits, rounded down, so "trên" (over) stays true:
    15.430 → 15.000, 1.234 → 1.200, 987 → 980. Below 100 the exact number
    is quoted, since "trên 40" for 43 people says less than the number.
    """
    if total < 100:
        return total
    step = 10 ** (len(str(total)) - 2)
    return total // step * step


class NamedModel(SluggedModel):
    """A name and a Vietnamese slug set once from it, stable when the name changes."""

    name = models.CharField("tên", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo từ tên; không đổi khi sửa tên.",
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def slug_source(self):
        return self.name


class Field(NamedModel):
    """A field of activity (lĩnh vực): medicine, agriculture, engineering…"""

    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "name"]
        # Three apps have fields (lĩnh vực): the admin's index and pickers
        # tell them apart by name.
        verbose_name = "lĩnh vực hoạt động"
        verbose_name_plural = "lĩnh vực hoạt động"


@dataclass
class TreeOrganization:
    pk: int
    name: str
    group_slug: str
    slug: str

    @property
    def url(self):
        # Reversed only for the organizations a branch shows (at most
        # TREE_BRANCH_LIMIT of each group), not for the whole tree.
        return reverse(
            "members:organization", kwargs={"group_slug": self.group_slug, "slug": self.slug}
        )


@dataclass
class TreeGroup:
    """A branch of the sidebar's member tree, with its active organizations in order."""

    pk: int
    name: str
    url: str
    organizations: list


class OrganizationGroupQuerySet(ContentQuerySet):
    def tree(self):
        """TỔ CHỨC THÀNH VIÊN: every group with its active organizations, one query.

        The rows are folded into plain `TreeGroup` records, since building
        hundreds of model instances on every cold sidebar would cost more
        than the query.
        """
        groups = {}
        for pk, name, slug, org_pk, org_name, org_slug in self.tree_rows():
            group = groups.get(pk)
            if group is None:
                url = reverse("members:group", kwargs={"slug": slug})
                group = groups[pk] = TreeGroup(pk, name, url, [])
            if org_pk is not None:
                group.organizations.append(TreeOrganization(org_pk, org_name, slug, org_slug))
        return list(groups.values())

    def tree_rows(self):
        """The tree's rows: a LEFT JOIN restricted to active organizations keeps
        the groups that have none yet."""
        active = FilteredRelation("organizations", condition=Q(organizations__is_active=True))
        return (
            self.annotate(active=active)
            .order_by("order", "name", "pk", "active__order", "active__name")
            .values_list("pk", "name", "slug", "active__pk", "active__name", "active__slug")
        )  # fmt: skip

    def with_active_organizations(self, organizations=None):
        """Groups with their active organizations in `active_organizations`.

        One query for the groups and one for all their organizations,
        whatever their number: templates read the prefetched list.
        """
        if organizations is None:
            organizations = Organization.objects.active()
        return self.prefetch_related(
            Prefetch("organizations", queryset=organizations, to_attr="active_organizations")
        )

    def with_statistics(self):
        active = Q(organizations__is_active=True)
        return self.annotate(
            organization_count=Count("organizations", filter=active),
            member_total=Sum("organizations__member_count", filter=active),
        )


class OrganizationGroup(NamedModel):
    """Hội thành viên, Tổ chức KH&CN, Tổ chức trực thuộc LHH…"""

    description = models.TextField("mô tả ngắn", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = OrganizationGroupQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "nhóm tổ chức"
        verbose_name_plural = "nhóm tổ chức"

    def get_absolute_url(self):
        return reverse("members:group", kwargs={"slug": self.slug})


class OrganizationQuerySet(ContentQuerySet):
    def active(self):
        return self.filter(is_active=True)


class Organization(NamedModel):
    """A member organization: a society (hội), an institute or centre, or a unit of the LHH."""

    short_name = models.CharField(
        "tên viết tắt",
        max_length=100,
        blank=True,
        help_text="Ví dụ: Hội Tin học Lâm Đồng → LDIA.",
    )
    group = models.ForeignKey(
        OrganizationGroup,
        verbose_name="nhóm",
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    fields = models.ManyToManyField(
        Field, verbose_name="lĩnh vực hoạt động", blank=True, related_name="organizations"
    )
    logo = UploadImageField(
        "biểu trưng (logo)",
        upload_to="members/logos/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text="Ảnh JPEG, PNG, WebP hoặc GIF; nên là ảnh vuông.",
    )
    # Stored on upload so pages never open the file to size the <img>.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    leader_name = models.CharField("họ tên người đứng đầu", max_length=255, blank=True)
    leader_title = models.CharField(
        "chức vụ người đứng đầu",
        max_length=100,
        blank=True,
        default="Chủ tịch",
        help_text="Ví dụ: Chủ tịch, Giám đốc, Viện trưởng, Tổng Biên tập.",
    )
    founded_on = models.DateField("ngày thành lập", null=True, blank=True)
    founding_decision = models.CharField(
        "số quyết định thành lập",
        max_length=100,
        blank=True,
        help_text="Ví dụ: 1234/QĐ-UBND.",
    )
    member_count = models.PositiveIntegerField(
        "số hội viên",
        null=True,
        blank=True,
        help_text="Để trống nếu không có hoặc chưa biết; được cộng vào thống kê.",
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=100, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    website = models.URLField("trang web", max_length=500, blank=True)
    description = RichTextField("giới thiệu", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField(
        "đang hiển thị",
        default=True,
        help_text="Bỏ chọn để ẩn tổ chức khỏi trang công khai mà không xóa.",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "tổ chức thành viên"
        verbose_name_plural = "tổ chức thành viên"
        indexes = [
            models.Index(fields=["group", "is_active", "order"], name="organization_group_idx"),
        ]

    def get_absolute_url(self):
        return reverse(
            "members:organization", kwargs={"group_slug": self.group.slug, "slug": self.slug}
        )

    def search_document(self):
        return {
            "title": self.name,
            "body": " ".join(
                [self.short_name, self.leader_name, self.address, html_to_text(self.description)]
            ),
            "url": self.get_absolute_url(),
            # No date: an organization is not news, and the time it was last
            # saved would rank it above newer articles (search.index.UNDATED).
            "is_public": self.is_active,
        }

    @property
    def logo_url(self):
        """The logo's address, or "" without one (the file's url would raise)."""
        return self.logo.url if self.logo else ""

    @property
    def tel_href(self):
        return tel_href(self.phone)
