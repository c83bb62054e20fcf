"""VĂN BẢN MỚI: the latest documents block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("documents/sidebar/latest_documents.html")
def latest_documents():
    return {"documents": sidebar.rows("documents")}
