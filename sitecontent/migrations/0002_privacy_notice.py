"""The privacy notice (Chính sách bảo vệ dữ liệu cá nhân) every form that
takes personal data links to and cites the version of: created published
when missing, never overwritten. Staff edit it as any page. A migration's
rows send no signals, so search finds it after `rebuild_search_index` or
its first edit (the demo seed indexes it)."""

from django.db import migrations
from django.utils import timezone


def create_notice(apps, schema_editor):
    from sitecontent.privacy import (
        PRIVACY_NOTICE_BODY,
        PRIVACY_NOTICE_SLUG,
        PRIVACY_NOTICE_SUMMARY,
        PRIVACY_NOTICE_TITLE,
    )

    Page = apps.get_model("sitecontent", "Page")
    if Page.objects.filter(slug=PRIVACY_NOTICE_SLUG).exists():
        return
    Page.objects.create(
        slug=PRIVACY_NOTICE_SLUG,
        title=PRIVACY_NOTICE_TITLE,
        summary=PRIVACY_NOTICE_SUMMARY,
        body=PRIVACY_NOTICE_BODY.strip(),
        order=90,
        is_in_menu=False,
        status="published",
        published_at=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("sitecontent", "0001_initial")]

    operations = [migrations.RunPython(create_notice, migrations.RunPython.noop)]
