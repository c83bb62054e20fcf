"""TỔ CHỨC THÀNH VIÊN: the member tree block."""

from django import template

from core import cache

from ..models import OrganizationGroup

register = template.Library()


def tree():
    """The whole tree, kept by this worker until the content changes (read
    only to render a left column missing from the fragment cache)."""
    return cache.cached(
        "member-tree", OrganizationGroup.objects.tree, timeout=cache.FRAGMENT_SECONDS, alias="local"
    )


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


@register.inclusion_tag("members/sidebar/member_tree.html", takes_context=True)
def member_tree(context):
    """TỔ CHỨC THÀNH VIÊN. A profile page puts `current_organization_id` in the
    context and a group page `current_group_id`; that group's branch is open.
    """
    current_organization_id = context.get("current_organization_id")
    current_group_id = context.get("current_group_id")
    return {
        "branches": [_branch(group, current_organization_id, current_group_id) for group in tree()],
        "current_organization_id": current_organization_id,
    }
