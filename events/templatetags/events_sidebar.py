"""SỰ KIỆN SẮP DIỄN RA: the upcoming events block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("events/sidebar/upcoming.html", takes_context=True)
def upcoming_events(context):
    # The sidebar's rows come newest first (core.sidebar): the soonest first here.
    events = sorted(sidebar.rows(context, "events"), key=lambda event: (event.starts_at, event.pk))
    return {"events": events}
