import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from bulletins.models import ContentsEntry, Issue, Series
from core.models import Status
from documents.demo import make_pdf


def pdf_upload(name="ban-tin.pdf", lines=("Ban tin tri thuc voi khoa hoc cong nghe",)):
    return ContentFile(make_pdf(list(lines), "Ban tin"), name=name)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ["name"]

    name = "Bản tin Trí thức với KH&CN"


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue
        skip_postgeneration_save = True

    series = factory.SubFactory(SeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    year = 2026
    issued_on = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    title = factory.Sequence(lambda n: f"Chủ đề số {n}")
    cover = factory.django.ImageField(width=60, height=85, format="JPEG", color="navy")
    pdf = factory.LazyFunction(pdf_upload)
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def worker(issue, create, extracted, **kwargs):
        """The worker reads the PDF's text, as it does once the upload is
        committed; `worker=False` leaves it waiting ("đang xử lý")."""
        if create and extracted is not False and issue.is_text_pending:
            issue.read_text()


class ContentsEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentsEntry

    issue = factory.SubFactory(IssueFactory)
    title = factory.Sequence(lambda n: f"Bài viết {n}")
    page = factory.Sequence(lambda n: n + 2)
    order = factory.Sequence(lambda n: n)
