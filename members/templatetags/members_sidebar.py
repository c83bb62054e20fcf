"""TỔ CHỨC THÀNH VIÊN: the member tree block."""

from django import template

from ..models import OrganizationGroup

register = template.Library()


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
    Read only to render the tree's fragment when the cache misses it
    (templates/includes/sidebar/column_left.html), so not cached itself.
    """
    current_organization_id = context.get("current_organization_id")
    current_group_id = context.get("current_group_id")
    return {
        "branches": [
            _branch(group, current_organization_id, current_group_id)
            for group in OrganizationGroup.objects.tree()
        ],
        "current_organization_id": current_organization_id,
    }
