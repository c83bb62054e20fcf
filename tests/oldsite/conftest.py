import http.server
import mimetypes
import shutil
import threading
import time
from io import StringIO
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.management import call_command

HERE = Path(__file__).parent
MIRROR = HERE / "mirror"
MAPPING = Path(__file__).resolve().parents[2] / "oldsite" / "mappings" / "aspnet-lhh.toml"
HOST = "www.lhhlamdong.org.vn"


def import_site(*args, source=MIRROR, mapping=MAPPING):
    out = StringIO()
    call_command("import_site", str(source), "--mapping", str(mapping), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def mirror(tmp_path):
    """A copy of the fixture mirror a test may change."""
    copy = tmp_path / "mirror"
    shutil.copytree(MIRROR, copy)
    return copy / HOST


@pytest.fixture
def imported(db, django_capture_on_commit_callbacks):
    # Committed, so the worker reads the documents' files (immediate mode).
    with django_capture_on_commit_callbacks(execute=True):
        return import_site()


class OldSiteHandler(http.server.BaseHTTPRequestHandler):
    """Serves the fixture mirror as the old IIS site would: a file per
    address (path and query string), "/" as Default.aspx."""

    def do_GET(self):
        server = self.server
        server.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        path, _, query = self.path.partition("?")
        if self.path in server.pages:
            status, headers, body = server.pages[self.path]
            if isinstance(status, float):  # a site that is slow to answer
                time.sleep(status)
                status = 200
            return self.answer(status, headers, body)
        if path == "/robots.txt":
            if server.robots is None:
                return self.answer(404, {}, b"")
            return self.answer(200, {"Content-Type": "text/plain"}, server.robots.encode())
        name = unquote(path.lstrip("/")) or "Default.aspx"
        found = server.root / (f"{name}?{unquote(query)}" if query else name)
        if not found.is_file():
            return self.answer(404, {"Content-Type": "text/html"}, b"<p>Not found</p>")
        kind = mimetypes.guess_type(found.name.split("?")[0])[0] or "text/html; charset=utf-8"
        return self.answer(200, {"Content-Type": kind}, found.read_bytes())

    def answer(self, status, headers, body):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_server():
    """The fixture mirror on a free local port; `requests` lists what was
    asked, `robots` is its robots.txt (None: 404), `pages` answers
    (status, headers, body) for given addresses."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OldSiteHandler)
    server.root = MIRROR / HOST
    server.requests = []
    server.robots = None
    server.pages = {}
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
