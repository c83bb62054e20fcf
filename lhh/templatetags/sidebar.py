"""One inclusion tag per sidebar block, all fed by lhh.sidebar.

The lists of every block come from one UNION query and the member tree from
one more, cached together until content changes (lhh/sidebar.py); the
visit counter is read live. Each tag only picks its part.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from documents.models import Document
from gallery.models import Photo
from lhh import sidebar
from lhh.models import Banner, Link, Page
from lhh.visits import visit_stats
from members.models import OrganizationGroup
from news.models import Article
from qa.models import Question

register = template.Library()


def _build_blocks():
    blocks = sidebar.load_lists(
        [
            Page.objects.sidebar_menu(),
            Link.objects.sidebar_links(),
            Banner.objects.sidebar_banners(),
            Article.objects.sidebar_notices(),
            Document.objects.sidebar_latest(),
            Question.objects.sidebar_latest(),
            Photo.objects.sidebar_latest(),
        ]
    )
    blocks["groups"] = OrganizationGroup.objects.tree()
    return blocks


def _blocks(context):
    """The blocks' data, read once per request (and cached across requests)."""
    request = context.get("request")
    blocks = getattr(request, "_sidebar_blocks", None)
    if blocks is None:
        blocks = sidebar.cached("blocks", _build_blocks)
        if request is not None:
            request._sidebar_blocks = blocks
    return blocks


@register.inclusion_tag("includes/sidebar/main_info.html", takes_context=True)
def main_info(context):
    return {"pages": _blocks(context)["pages"]}


@register.simple_tag(takes_context=True)
def member_tree(context):
    """TỔ CHỨC THÀNH VIÊN. A profile page puts `current_organization_id` in the
    context and a group page `current_group_id`; that group's branch is open.

    The tree lists every active organization, so its rendered HTML is cached
    too, per highlighted organization or group, under the content version.
    """
    current_organization_id = context.get("current_organization_id")
    current_group_id = context.get("current_group_id")

    def render():
        groups = _blocks(context)["groups"]
        for group in groups:
            group.is_open = group.pk == current_group_id or any(
                organization.pk == current_organization_id
                for organization in group.active_organizations
            )
        return render_to_string(
            "includes/sidebar/member_tree.html",
            {"groups": groups, "current_organization_id": current_organization_id},
        )

    name = f"tree:{current_organization_id}:{current_group_id}"
    return mark_safe(sidebar.cached(name, render))


@register.inclusion_tag("includes/sidebar/questions.html", takes_context=True)
def latest_questions(context):
    return {"questions": _blocks(context)["questions"]}


@register.inclusion_tag("includes/sidebar/visit_counter.html")
def visit_counter():
    return {"stats": visit_stats()}


@register.inclusion_tag("includes/sidebar/notices.html", takes_context=True)
def notices(context):
    return {"notices": _blocks(context)["notices"]}


@register.inclusion_tag("includes/sidebar/latest_documents.html", takes_context=True)
def latest_documents(context):
    return {"documents": _blocks(context)["documents"]}


@register.inclusion_tag("includes/sidebar/latest_photos.html", takes_context=True)
def latest_photos(context):
    return {"photos": _blocks(context)["photos"]}


@register.inclusion_tag("includes/sidebar/links.html", takes_context=True)
def links(context):
    return {"links": _blocks(context)["links"]}


@register.inclusion_tag("includes/sidebar/banners.html", takes_context=True)
def banners(context):
    return {"banners": _blocks(context)["banners"]}
