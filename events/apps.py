from core import apps


class EventsConfig(apps.ContentAppConfig):
    name = "events"
    verbose_name = "Sự kiện"
    # The review log and the preview links (core.review) are for staff and
    # their guests; no list visitors see changes with them.
    private_models = ("eventreview", "eventpreviewlink")

    def ready(self):
        from core import media, sidebar
        from medialibrary import usage
        from search import registry

        from .models import Event

        super().ready()
        # The cover of a draft or scheduled event, and its renditions.
        media.protect("su-kien/", Event.objects.reachable, "cover", "events.view_event")
        # Which library images each event's body shows.
        usage.track(Event, "body")
        registry.register(Event, slug="su-kien", label="Sự kiện", position=15)
        # Its sidebar block, read with the others in one query.
        sidebar.register(Event.objects.sidebar_upcoming)
