import datetime

import factory
from django.core.files.base import ContentFile

from core.models import Status
from documents.demo import make_pdf
from documents.models import Document, DocumentFile, DocumentType, Field, Issuer


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ["name"]

    name = "Quyết định"


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issuer
        django_get_or_create = ["name"]

    name = "UBND tỉnh Lâm Đồng"


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ["name"]

    name = "Khoa học và công nghệ"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"{n + 100}/QĐ-UBND")
    issued_on = factory.Sequence(lambda n: datetime.date(2015, 1, 1) + datetime.timedelta(days=n))
    summary = factory.Sequence(lambda n: f"Quyết định về việc thứ {n}")
    type = factory.SubFactory(DocumentTypeFactory)
    issuer = factory.SubFactory(IssuerFactory)
    signer = "Nguyễn Văn A"
    status = Status.PUBLISHED

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set(extracted)


def pdf_upload(name="van-ban.pdf", lines=("Quyet dinh ve viec thanh lap hoi dong",)):
    return ContentFile(make_pdf(list(lines), "Quyet dinh"), name=name)


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile
        skip_postgeneration_save = True

    document = factory.SubFactory(DocumentFactory)
    file = factory.LazyFunction(pdf_upload)

    @factory.post_generation
    def worker(document_file, create, extracted, **kwargs):
        """The worker reads the file's text, as it does once the upload is
        committed; `worker=False` leaves it waiting ("đang xử lý")."""
        if create and extracted is not False and document_file.is_text_pending:
            document_file.read_text()
