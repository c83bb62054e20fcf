import factory
from django.core.files.base import ContentFile

from core.models import Status
from sitecontent.models import Banner, Link, Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Trang thông tin số {n}")
    body = "<p>Nội dung trang.</p>"
    status = Status.PUBLISHED


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link

    title = factory.Sequence(lambda n: f"Sở Khoa học và Công nghệ {n}")
    url = factory.Sequence(lambda n: f"https://so{n}.example.vn/")


class BannerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Banner

    title = factory.Sequence(lambda n: f"Quảng cáo {n}")
    url = "https://example.vn/"
    image = factory.LazyFunction(
        lambda: ContentFile(factory.django.ImageField()._make_data({}), "banner.png")
    )
