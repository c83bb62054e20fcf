from core import apps


class DocumentsConfig(apps.ContentAppConfig):
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from core import media, sidebar
        from search import registry

        from .models import Document, DocumentFile

        super().ready()
        # Visitors download through the document's page (views.download);
        # a draft's file is not theirs by its storage address either.
        media.protect("van-ban/", DocumentFile.objects.published, "file", "documents.view_document")
        registry.register(Document, slug="van-ban", label="Văn bản", position=30)
        # Its sidebar block, read with the others in one query.
        sidebar.register(Document.objects.sidebar_latest)
