"""The slow part of a bulletin upload, in the worker."""

from huey.contrib.djhuey import db_task

from .models import Issue


# A file that cannot be opened now (storage briefly away) is tried again.
@db_task(retries=3, retry_delay=60)
def extract_issue_text(pk):
    issue = Issue.objects.filter(pk=pk).first()
    if issue is None or not issue.is_text_pending:
        return
    issue.read_text()
