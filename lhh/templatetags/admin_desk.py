from django import template

from lhh import desk

register = template.Library()


@register.inclusion_tag("admin/desk.html", takes_context=True)
def admin_desk(context):
    """The logged-in staff member's desk on the admin index (lhh.desk)."""
    request = context["request"]
    return {"sections": desk.sections(request), "overview": desk.admin_overview(request)}
