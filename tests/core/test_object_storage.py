"""Uploads on S3-compatible object storage (django-storages), against moto in
server mode on a free loopback port: it stands in for a real object store
(AWS, MinIO, a provider's S3). The settings are the site's own
(AWS_STORAGE_BUCKET_NAME and the rest, lhh/settings.py), read in a fresh
process, then used here for uploads, renditions, serving, /healthz and
backup and restore."""

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.urls import reverse

from core.backup import create, restore
from core.models import Status
from tests.documents.factories import DocumentFactory, DocumentFileFactory
from tests.gallery.factories import AlbumFactory, PhotoFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"AWS_ACCESS_KEY_ID": "lhh-thu-nghiem", "AWS_SECRET_ACCESS_KEY": "bi-mat-thu-nghiem"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server, for the whole session."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("moto's S3 server did not start")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def site_storage_settings(env):
    """STORAGES as lhh/settings.py builds it from these variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup(); from django.conf import settings; "
            "options = dict(settings.STORAGES['default'].get('OPTIONS', {})); "
            "config = options.pop('client_config', None); "
            "print(json.dumps({'backend': settings.STORAGES['default']['BACKEND'], "
            "'options': options, 'config': config and {"
            "'s3': config.s3, 'signature_version': config.signature_version, "
            "'connect_timeout': config.connect_timeout, 'read_timeout': config.read_timeout}}))",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A new, private bucket as the site's storage; its boto3 handle."""
    import boto3
    from botocore.config import Config

    name = f"lhh-{uuid.uuid4().hex[:12]}"
    env = {
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "ap-southeast-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_S3_CONNECT_TIMEOUT": "1",
        **KEYS,
    }
    site = site_storage_settings(env)
    config = site["config"]
    options = {
        **site["options"],
        "client_config": Config(
            s3=config["s3"],
            signature_version=config["signature_version"],
            connect_timeout=config["connect_timeout"],
            read_timeout=config["read_timeout"],
            retries={"max_attempts": 1},
        ),
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="ap-southeast-1",
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "ap-southeast-1"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": site["backend"], "OPTIONS": options},
    }
    assert site["backend"] == "core.storage.ObjectStorage"
    yield Bucket(client, name)


class Bucket:
    def __init__(self, client, name):
        self.client, self.name = client, name

    def keys(self):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def checksums(self):
        return {key: hashlib.sha256(self.read(key)).hexdigest() for key in self.keys()}

    def empty(self):
        for key in self.keys():
            self.client.delete_object(Bucket=self.name, Key=key)


def follow(url):
    """What a browser gets at the address the site sent it to."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return {key.title(): value for key, value in response.headers.items()}, response.read()


def test_an_upload_and_its_renditions_are_stored_in_the_bucket(bucket):
    photo = PhotoFactory()
    keys = bucket.keys()
    assert photo.image.name in keys
    for rendition in (photo.thumbnail, photo.card, photo.large):
        assert rendition.name in keys
    assert bucket.read(photo.image.name)[:2] == b"\xff\xd8"


def test_a_public_upload_is_sent_from_the_bucket_by_a_signed_address(bucket, client):
    photo = PhotoFactory()
    response = client.get(photo.image.url)
    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]
    assert response["Cache-Control"] == "public, max-age=300"
    headers, body = follow(response["Location"])
    assert headers["Content-Type"] == "image/jpeg"
    assert body == bucket.read(photo.image.name)
    # The bucket itself answers no one without a signature.
    unsigned = response["Location"].split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        follow(unsigned)
    assert refused.value.code == 403


def test_a_rendition_is_sent_from_the_bucket(bucket, client):
    photo = PhotoFactory()
    response = client.get(photo.thumbnail.url)
    assert response.status_code == 302
    assert follow(response["Location"])[1] == bucket.read(photo.thumbnail.name)


def test_an_unpublished_upload_stays_hidden_from_visitors(bucket, admin_client):
    draft = PhotoFactory(album=AlbumFactory(status=Status.DRAFT))
    for url in (draft.image.url, draft.thumbnail.url):
        assert Client().get(url).status_code == 404
    response = admin_client.get(draft.image.url)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_document_download_keeps_its_name_from_the_bucket(bucket, client):
    document_file = DocumentFileFactory(document=DocumentFactory())
    response = client.get(document_file.get_absolute_url())
    assert response.status_code == 302
    headers, body = follow(response["Location"])
    assert headers["Content-Disposition"] == 'attachment; filename="van-ban.pdf"'
    assert body.startswith(b"%PDF-")


def test_health_checks_the_bucket(bucket, client):
    assert client.get(reverse("healthz")).json()["storage"] == "ok"
    assert bucket.keys() == []  # its test file is deleted again


def test_health_names_the_storage_when_the_object_store_is_down(bucket, client, settings):
    options = {**settings.STORAGES["default"]["OPTIONS"]}
    options["endpoint_url"] = f"http://127.0.0.1:{free_port()}"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }
    started = time.monotonic()
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["storage"] == "error"
    assert time.monotonic() - started < 10


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_go_through_the_bucket(bucket, tmp_path):
    PhotoFactory()
    default_storage.save("tai-lieu/Báo cáo tổng kết.txt", ContentFile("Nội dung".encode()))
    before = bucket.checksums()
    archive = create(tmp_path)
    # A new server: an empty database, an empty bucket.
    bucket.empty()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")
    manifest = restore(archive)
    assert bucket.checksums() == before
    assert {name: entry["sha256"] for name, entry in manifest["media"].items()} == before


def test_pages_may_show_pictures_from_the_bucket(s3_server):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))",
        ],
        cwd=ROOT,
        env={**clean, "AWS_STORAGE_BUCKET_NAME": "lhh-anh", "AWS_S3_ENDPOINT_URL": s3_server},
        capture_output=True,
        text=True,
        check=True,
    )
    allowed = result.stdout.split()
    assert allowed[:2] == ["'self'", "data:"]
    assert s3_server in allowed
