from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from core.models import Status
from events.models import Event


def local(day, hour=0, minute=0):
    """A moment of the site's time zone (Asia/Ho_Chi_Minh)."""
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_current_timezone())


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Hội thảo khoa học số {n} của Liên hiệp Hội")
    starts_at = factory.Sequence(lambda n: timezone.now() + timedelta(days=n + 1))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    place = "Hội trường Liên hiệp Hội, Đà Lạt"
    summary = "Tóm tắt ngắn của sự kiện."
    body = "<p>Nội dung <strong>sự kiện</strong>.</p>"
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Status.DRAFT)
        past = factory.Trait(
            starts_at=factory.Sequence(lambda n: timezone.now() - timedelta(days=n + 2)),
        )
