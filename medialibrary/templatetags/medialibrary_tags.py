from django import template

from medialibrary import images

register = template.Library()


@register.filter
def responsive_images(html):
    """A sanitized rich-text body, its library pictures drawn from renditions."""
    return images.responsive_images(html)
