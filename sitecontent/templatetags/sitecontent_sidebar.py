"""The sidebar blocks of the site's own content: THÔNG TIN CHÍNH, LIÊN KẾT, QUẢNG CÁO."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("sitecontent/sidebar/main_info.html")
def main_info():
    return {"pages": sidebar.rows("pages")}


@register.inclusion_tag("sitecontent/sidebar/links.html")
def links():
    return {"links": sidebar.rows("links")}


@register.inclusion_tag("sitecontent/sidebar/banners.html")
def banners():
    return {"banners": sidebar.rows("banners")}
