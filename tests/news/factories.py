from datetime import timedelta
from io import BytesIO

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from core.models import Status
from news.models import Article, Category


def png_bytes(size=(60, 40), colour=(19, 94, 168)):
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Tin bài số {n} về hoạt động Liên hiệp Hội")
    category = factory.SubFactory(CategoryFactory)
    summary = "Tóm tắt ngắn của tin bài."
    body = "<p>Nội dung <strong>tin bài</strong>.</p>"
    status = Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(hours=n + 1))

    class Params:
        draft = factory.Trait(status=Status.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )
        with_cover = factory.Trait(
            cover=factory.LazyFunction(lambda: ContentFile(png_bytes(), name="anh.png")),
            cover_caption="Chú thích ảnh",
        )
