"""One archive that holds the whole site, and putting it back.

An archive (`lhh-backup-<time>.tar.gz`) holds:
- the database: `pg_dump`'s custom format on PostgreSQL, a copy made with
  SQLite's backup API otherwise;
- every file of the media storage, under `media/`;
- `manifest.json`: the engine, the time, each table's row count and the
  SHA-256 of the database file and of every media file.

A restore checks every checksum before it touches anything, goes only into
an empty database and an empty media storage, and compares the row counts
afterwards, so an archive that restored is known to be whole.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections, transaction
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
PREFIX = "lhh-backup-"
SUFFIX = ".tar.gz"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the IT person."""


def _digest(fileobj):
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def table_counts(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {cursor.db.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def media_names(storage, folder=""):
    """Every file name in the storage, folders walked, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a media folder not created yet
        return []
    names = [str(PurePosixPath(folder, name)) for name in files]
    for sub in folders:
        names += media_names(storage, str(PurePosixPath(folder, sub)))
    return sorted(names)


def _pg_command(program, settings_dict, *args):
    command = [program, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command += [option, str(settings_dict[key])]
    env = None
    if settings_dict.get("PASSWORD"):
        env = {**os.environ, "PGPASSWORD": settings_dict["PASSWORD"]}
    return [*command, *args], env


def _run(command, env):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(
            f"Không tìm thấy {command[0]} (apt-get install postgresql-client)."
        ) from exc
    if result.returncode:
        raise BackupError(f"{command[0]} báo lỗi: {result.stderr.strip()[:2000]}")


def _dump_database(connection, target):
    """Write the database to `target`; return its tables' row counts, read
    from exactly what was written."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
            tables = [
                name
                for (name,) in copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {
                table: copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                for table in sorted(tables)
            }
        finally:
            copy.close()
    if connection.vendor != "postgresql":
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
    settings_dict = connection.settings_dict
    if not transaction.get_autocommit(using=connection.alias):
        # Already inside a transaction: count, then dump what is committed.
        with connection.cursor() as cursor:
            counts = table_counts(cursor, connection.introspection.table_names(cursor))
        command, env = _pg_command(
            "pg_dump", settings_dict, "--format=custom", "--no-owner", "--no-privileges"
        )
        _run([*command, "--file", str(target), settings_dict["NAME"]], env)
        return counts
    # Counts and dump read one snapshot, so they agree while visitors write.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(cursor, connection.introspection.table_names(cursor))
        command, env = _pg_command(
            "pg_dump",
            settings_dict,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--snapshot={snapshot}",
        )
        _run([*command, "--file", str(target), settings_dict["NAME"]], env)
    return counts


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


class _Hashing(io.RawIOBase):
    """A file read through: what tarfile copies is also hashed."""

    def __init__(self, fileobj):
        self.fileobj, self.digest = fileobj, hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.fileobj.read(len(buffer))
        self.digest.update(data)
        buffer[: len(data)] = data
        return len(data)


def create(directory, *, using="default", storage=None, keep=None):
    """Write one archive into `directory`; return its path. With `keep`, only
    that many archives (the newest) stay in the folder."""
    storage = storage or default_storage
    connection = connections[using]
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")
    final = directory / f"{PREFIX}{stamp}{SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    dump_name = DUMPS.get(connection.vendor, "database")
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump = Path(work) / dump_name
        counts = _dump_database(connection, dump)
        with dump.open("rb") as opened:
            dump_sha = _digest(opened)
        media = {}
        # Personal data (askers' details, accounts): readable by the site's
        # user and its group only, whatever the umask of who runs the backup.
        partial.touch(mode=0o640)
        partial.chmod(0o640)
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump_name)
            for name in media_names(storage):
                info = tarfile.TarInfo(f"media/{name}")
                info.size = storage.size(name)
                with storage.open(name, "rb") as opened:
                    hashing = _Hashing(opened)
                    archive.addfile(info, io.BufferedReader(hashing))
                media[name] = {"size": info.size, "sha256": hashing.digest.hexdigest()}
            manifest = {
                "format": FORMAT,
                "created": timezone.localtime().isoformat(),
                "vendor": connection.vendor,
                "database": {"file": dump_name, "sha256": dump_sha},
                "tables": counts,
                "media": media,
            }
            _add_bytes(
                archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            )
    partial.replace(final)
    if keep:
        for old in archives(directory)[:-keep]:
            old.unlink()
    return final


def archives(directory):
    """The folder's archives, oldest first (their names sort by time)."""
    return sorted(Path(directory).glob(f"{PREFIX}*{SUFFIX}"))


def read_manifest(archive):
    try:
        member = archive.extractfile(MANIFEST)
    except KeyError:
        member = None
    if member is None:
        raise BackupError(
            "Tệp này không phải bản sao lưu của cổng thông tin (thiếu manifest.json)."
        )
    try:
        manifest = json.load(member)
    except ValueError as exc:
        raise BackupError("manifest.json của bản sao lưu bị hỏng.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Bản sao lưu có định dạng {manifest.get('format')}, không đọc được.")
    return manifest


def _check(archive, manifest):
    """Every file the manifest names is in the archive with its checksum."""
    for name in manifest["media"]:
        parts = PurePosixPath(name).parts
        if not parts or parts[0] == "/" or ".." in parts:
            raise BackupError(f"Bản sao lưu có tên tệp không hợp lệ: {name}")
    expected = {f"media/{name}": entry["sha256"] for name, entry in manifest["media"].items()}
    expected[manifest["database"]["file"]] = manifest["database"]["sha256"]
    for member_name, sha in expected.items():
        try:
            member = archive.extractfile(member_name)
        except KeyError:
            member = None
        if member is None:
            raise BackupError(f"Bản sao lưu thiếu tệp {member_name}.")
        if _digest(member) != sha:
            raise BackupError(f"Tệp {member_name} trong bản sao lưu bị hỏng (sai mã kiểm tra).")


def _open(path):
    try:
        return tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Không đọc được bản sao lưu {path}: {exc}") from exc


def restore(path, *, using="default", storage=None):
    """Put an archive back into an empty database and media storage; return
    its manifest. Nothing is changed when a check fails."""
    storage = storage or default_storage
    connection = connections[using]
    with _open(path) as archive:
        manifest = read_manifest(archive)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                f"Bản sao lưu của {manifest['vendor']} không khôi phục được vào "
                f"cơ sở dữ liệu {connection.vendor}."
            )
        _check(archive, manifest)
        tables = connection.introspection.table_names()
        if tables:
            raise BackupError(
                f"Cơ sở dữ liệu không trống ({len(tables)} bảng): chỉ khôi phục vào một "
                "cơ sở dữ liệu mới tạo, chưa chạy migrate. Không có gì bị thay đổi."
            )
        if media_names(storage):
            raise BackupError(
                "Thư mục tệp tải lên không trống: chỉ khôi phục vào một thư mục trống. "
                "Không có gì bị thay đổi."
            )
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / manifest["database"]["file"]
            with (
                archive.extractfile(manifest["database"]["file"]) as member,
                dump.open("wb") as out,
            ):
                shutil.copyfileobj(member, out, CHUNK)
            _load_database(connection, dump)
        for name in manifest["media"]:
            with archive.extractfile(f"media/{name}") as member:
                saved = storage.save(name, File(member, name=name))
            if saved != name:
                raise BackupError(f"Tệp {name} được lưu thành {saved}.")
    with connection.cursor() as cursor:
        counts = table_counts(cursor, connection.introspection.table_names(cursor))
    if counts != manifest["tables"]:
        wrong = sorted(
            table
            for table in set(counts) | set(manifest["tables"])
            if counts.get(table) != manifest["tables"].get(table)
        )
        raise BackupError(f"Số dòng sau khi khôi phục không khớp ở các bảng: {', '.join(wrong)}.")
    return manifest


def _load_database(connection, dump):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    settings_dict = connection.settings_dict
    command, env = _pg_command(
        "pg_restore",
        settings_dict,
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        "--dbname",
        settings_dict["NAME"],
    )
    _run([*command, str(dump)], env)
