from datetime import timedelta

import factory
from django.utils import timezone

from core.models import Status
from gallery.models import Album, Photo


class AlbumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Album

    title = factory.Sequence(lambda n: f"Hội nghị khoa học lần thứ {n}")
    description = "Hình ảnh hoạt động của Liên hiệp Hội."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    album = factory.SubFactory(AlbumFactory)
    image = factory.django.ImageField(width=64, height=48, format="JPEG", color="teal")
    caption = factory.Sequence(lambda n: f"Đại biểu phát biểu tại hội nghị, ảnh {n}")
    order = factory.Sequence(lambda n: n)
