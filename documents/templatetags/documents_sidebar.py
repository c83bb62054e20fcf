"""VĂN BẢN MỚI: the latest documents block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("documents/sidebar/latest_documents.html", takes_context=True)
def latest_documents(context):
    return {"documents": sidebar.rows(context, "documents")}
