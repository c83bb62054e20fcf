"""One inclusion tag per sidebar block, each with a fixed number of queries.

The feature apps fill in their blocks (THÔNG BÁO, TỔ CHỨC THÀNH VIÊN, VĂN BẢN
MỚI, HỎI VÀ ĐÁP, HÌNH HOẠT ĐỘNG) in their own issues; until then a block
shows its friendly empty line.
"""

from django import template

from documents.models import Document
from gallery.models import Photo
from lhh.models import Banner, Link, Page
from lhh.visits import visit_stats
from members.models import Organization, OrganizationGroup
from news.models import Article
from qa.models import Question

register = template.Library()


@register.inclusion_tag("includes/sidebar/main_info.html")
def main_info():
    return {"pages": list(Page.objects.published().filter(is_in_menu=True).only("title", "slug"))}


@register.inclusion_tag("includes/sidebar/member_tree.html", takes_context=True)
def member_tree(context):
    """TỔ CHỨC THÀNH VIÊN: two queries (groups, their active organizations).

    A profile page puts `current_organization_id` in the context and a group
    page `current_group_id`; that group's branch is rendered open.
    """
    current_organization_id = context.get("current_organization_id")
    current_group_id = context.get("current_group_id")
    organizations = Organization.objects.active().only("name", "slug", "group_id")
    groups = list(
        OrganizationGroup.objects.only("name", "slug").with_active_organizations(organizations)
    )
    for group in groups:
        group.is_open = group.pk == current_group_id or any(
            organization.pk == current_organization_id
            for organization in group.active_organizations
        )
    return {"groups": groups, "current_organization_id": current_organization_id}


@register.inclusion_tag("includes/sidebar/questions.html")
def latest_questions():
    questions = Question.objects.published().only("pk", "slug", "title", "published_at")
    return {"questions": list(questions[:5])}


@register.inclusion_tag("includes/sidebar/visit_counter.html")
def visit_counter():
    return {"stats": visit_stats()}


@register.inclusion_tag("includes/sidebar/notices.html")
def notices():
    notices = (
        Article.objects.published()
        .notices()
        .select_related("category")
        .only("title", "slug", "published_at", "category", "category__slug")[:5]
    )
    return {"notices": list(notices)}


@register.inclusion_tag("includes/sidebar/latest_documents.html")
def latest_documents():
    # Twelve rows, as the original portal's VĂN BẢN MỚI table shows.
    documents = Document.objects.latest_issued().only("number", "slug", "issued_on", "summary")
    return {"documents": list(documents[:12])}


@register.inclusion_tag("includes/sidebar/latest_photos.html")
def latest_photos():
    photos = (
        Photo.objects.published()
        .select_related("album")
        .only("image", "caption", "album__title", "album__slug")
        .order_by("-uploaded_at", "-pk")[:6]
    )
    return {"photos": list(photos)}


@register.inclusion_tag("includes/sidebar/links.html")
def links():
    return {"links": list(Link.objects.active())}


@register.inclusion_tag("includes/sidebar/banners.html")
def banners():
    return {"banners": list(Banner.objects.current())}
