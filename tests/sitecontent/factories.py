import factory
from django.core.files.base import ContentFile

from core.models import Status
from sitecontent.models import Banner, ContactPoint, Link, Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Trang thông tin số {n}")
    body = "<p>Nội dung trang.</p>"
    status = Status.PUBLISHED


class EnglishPageFactory(PageFactory):
    """A page with its English text (the English section, /en/)."""

    title_en = factory.Sequence(lambda n: f"English page {n}")
    summary_en = "A page in English."
    body_en = "<p>Text in English.</p>"


class ContactPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint

    name = factory.Sequence(lambda n: f"Ông Nguyễn Văn Số {n}")
    role = ContactPoint.Role.OFFICIAL
    title = "Chánh Văn phòng"
    unit = "Văn phòng"
    phone = "0263 3822 466"
    email = factory.Sequence(lambda n: f"canbo{n}@lhhlamdong.vn")
    order = factory.Sequence(lambda n: n)

    class Params:
        leader = factory.Trait(
            role=ContactPoint.Role.LEADER, title="Chủ tịch", unit="Thường trực Liên hiệp Hội"
        )


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
