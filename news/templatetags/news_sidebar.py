"""THÔNG BÁO: the notices block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("news/sidebar/notices.html")
def notices():
    return {"notices": sidebar.rows("notices")}
