"""Back up, wipe, restore: every table's rows and every media file come back."""

import hashlib
import io
import json
import tarfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from core.backup import BackupError, archives, create, restore
from news.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


def rows():
    """Every table with its rows, in a stable order."""

    def plain(value):
        return bytes(value) if isinstance(value, memoryview) else value

    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            tables[table] = sorted((tuple(map(plain, row)) for row in cursor.fetchall()), key=repr)
    return tables


def media():
    root = settings.MEDIA_ROOT
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def wipe():
    """What a new server has: an empty database and no uploads."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")
    for name in list(media()):
        (settings.MEDIA_ROOT / name).unlink()


@pytest.fixture
def site():
    """The demo site, with its pictures and files, plus a file whose name
    is Vietnamese."""
    call_command("seed_demo", verbosity=0)
    default_storage.save("tai-lieu/Báo cáo tổng kết.txt", ContentFile("Nội dung".encode()))
    return Article.objects.count()


def test_backup_wipe_restore_gives_every_row_and_file_back(site, tmp_path):
    before_rows, before_media = rows(), media()
    assert before_media and site

    path = create(tmp_path / "backups")
    wipe()
    assert connection.introspection.table_names() == []
    manifest = restore(path)

    assert rows() == before_rows
    assert media() == before_media
    assert manifest["tables"]["news_article"] == site
    assert set(manifest["media"]) == set(before_media)


def test_restore_into_a_database_with_content_refuses_and_changes_nothing(site, tmp_path):
    path = create(tmp_path)
    before_rows, before_media = rows(), media()
    with pytest.raises(CommandError, match="Cơ sở dữ liệu không trống"):
        call_command("restore", str(path))
    assert rows() == before_rows
    assert media() == before_media


def test_restore_into_an_empty_database_but_full_media_refuses(site, tmp_path):
    path = create(tmp_path)
    before_media = media()
    wipe()
    default_storage.save("con-lai.txt", ContentFile(b"x"))
    with pytest.raises(BackupError, match="Thư mục tệp tải lên không trống"):
        restore(path)
    assert connection.introspection.table_names() == []
    assert media() == {"con-lai.txt": hashlib.sha256(b"x").hexdigest()}
    (settings.MEDIA_ROOT / "con-lai.txt").unlink()
    restore(path)
    assert media() == before_media


def damaged(path, member_name, tmp_path):
    """The same archive with one byte of one member changed."""
    copy = tmp_path / "hong.tar.gz"
    with tarfile.open(path, "r:gz") as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == member_name:
                data = bytes([data[0] ^ 1]) + data[1:]
            target.addfile(member, io.BytesIO(data))
    return copy


def test_a_damaged_archive_is_refused_before_anything_changes(site, tmp_path):
    path = create(tmp_path)
    with tarfile.open(path, "r:gz") as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
    picture = next(iter(manifest["media"]))
    wipe()
    for member in (f"media/{picture}", manifest["database"]["file"]):
        with pytest.raises(BackupError, match="bị hỏng"):
            restore(damaged(path, member, tmp_path))
        assert connection.introspection.table_names() == []
        assert media() == {}
    not_a_backup = tmp_path / "khac.tar.gz"
    not_a_backup.write_bytes(b"not a tar file")
    with pytest.raises(CommandError, match="Không đọc được bản sao lưu"):
        call_command("restore", str(not_a_backup))
    restore(path)


def test_the_command_keeps_only_the_newest_archives(tmp_path):
    out = io.StringIO()
    for _ in range(3):
        call_command("backup", output=str(tmp_path), keep=2, stdout=out)
    kept = archives(tmp_path)
    assert len(kept) == 2
    assert str(kept[-1]) in out.getvalue()
    assert out.getvalue().count("Đã sao lưu vào") == 3
    assert not list(tmp_path.glob("*.partial"))


def test_the_archive_is_readable_by_the_site_and_its_group_only(tmp_path):
    # It holds askers' details and accounts; the umask of who runs it
    # (a worker with 022) must not make it readable by every user.
    path = create(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o640
