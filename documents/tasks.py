"""The slow part of a document upload, in the worker."""

from huey.contrib.djhuey import db_task

from .models import DocumentFile


# A file that cannot be opened now (storage briefly away) is tried again.
@db_task(retries=3, retry_delay=60)
def extract_file_text(pk):
    document_file = DocumentFile.objects.select_related("document").filter(pk=pk).first()
    if document_file is None or not document_file.is_text_pending:
        return
    document_file.read_text()
