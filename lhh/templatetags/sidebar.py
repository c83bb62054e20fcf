"""The sidebar: one inclusion tag per block, all fed by lhh.sidebar.

The lists of every block come from one UNION query and the member tree from
one more, kept together in each worker's memory until content changes
(core.cache). The two columns' rendered HTML is a fragment cache in
base.html, so a page whose sidebar is warm renders none of it; the visit
counter, below the cached part of the left column, is read live on every
page.
"""

from django import template

from core import cache
from documents.models import Document
from gallery.models import Photo
from lhh import sidebar
from members.models import OrganizationGroup
from news.models import Article
from qa.models import Question
from sitecontent.models import Banner, Link, Page

register = template.Library()


LISTS = sidebar.Lists(
    lambda: [
        Page.objects.sidebar_menu(),
        Link.objects.sidebar_links(),
        Banner.objects.sidebar_banners(),
        Article.objects.sidebar_notices(),
        Document.objects.sidebar_latest(),
        Question.objects.sidebar_latest(),
        Photo.objects.sidebar_latest(),
    ]
)


def _build_blocks():
    blocks = LISTS.load()
    blocks["groups"] = OrganizationGroup.objects.tree()
    return blocks


def _blocks(context):
    """The blocks' data, kept in this worker's memory: it is read only to
    render a column missing from the fragment cache (base.html)."""
    return cache.cached(
        "sidebar-blocks", _build_blocks, timeout=cache.FRAGMENT_SECONDS, alias="local"
    )


@register.inclusion_tag("includes/sidebar/main_info.html", takes_context=True)
def main_info(context):
    return {"pages": _blocks(context)["pages"]}


# Organizations a branch of the member tree lists before "Xem tất cả N tổ
# chức »": a provincial association has a few dozen, all shown; a branch of
# hundreds would make every page's left column that long.
TREE_BRANCH_LIMIT = 30


def _branch(group, current_organization_id, current_group_id):
    """What the template shows of one group: its first organizations (and the
    current one wherever it stands), whether it is open, how many are left out."""
    shown = group.organizations[:TREE_BRANCH_LIMIT]
    current = [o for o in group.organizations if o.pk == current_organization_id]
    if current and current[0] not in shown:
        shown.append(current[0])
    return {
        "group": group,
        "organizations": shown,
        "count": len(group.organizations),
        "hidden": len(group.organizations) - len(shown),
        "open": group.pk == current_group_id or bool(current),
    }


@register.inclusion_tag("includes/sidebar/member_tree.html", takes_context=True)
def member_tree(context):
    """TỔ CHỨC THÀNH VIÊN. A profile page puts `current_organization_id` in the
    context and a group page `current_group_id`; that group's branch is open.
    """
    current_organization_id = context.get("current_organization_id")
    current_group_id = context.get("current_group_id")
    return {
        "branches": [
            _branch(group, current_organization_id, current_group_id)
            for group in _blocks(context)["groups"]
        ],
        "current_organization_id": current_organization_id,
    }


@register.inclusion_tag("includes/sidebar/questions.html", takes_context=True)
def latest_questions(context):
    return {"questions": _blocks(context)["questions"]}


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
