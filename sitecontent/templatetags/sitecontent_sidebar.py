"""The sidebar blocks of the site's own content: THÔNG TIN CHÍNH, LIÊN KẾT, QUẢNG CÁO."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("sitecontent/sidebar/main_info.html", takes_context=True)
def main_info(context):
    return {"pages": sidebar.rows(context, "pages")}


@register.inclusion_tag("sitecontent/sidebar/links.html", takes_context=True)
def links(context):
    return {"links": sidebar.rows(context, "links")}


@register.inclusion_tag("sitecontent/sidebar/banners.html", takes_context=True)
def banners(context):
    return {"banners": sidebar.rows(context, "banners")}
