"""make audit (.ci/audit.py): pip-audit over a lock file, against a local
vulnerability service that answers as OSV does."""

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (package, version) -> its vulnerabilities, as OSV's /v1/query gives them.
KNOWN = {
    ("pypdf", "7.1.0"): [("TEST-PYPDF-1", "7.1.1")],
    ("tqdm", "4.70.1"): [("TEST-TQDM-1", None)],
}


class FakeOSV(BaseHTTPRequestHandler):
    def do_POST(self):
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        name = query["package"]["name"].lower()
        vulns = []
        for vuln_id, fixed in KNOWN.get((name, query.get("version")), []):
            events = [{"introduced": "0"}] + ([{"fixed": fixed}] if fixed else [])
            vulns.append(
                {
                    "id": vuln_id,
                    "summary": "test",
                    "details": "test",
                    "affected": [
                        {
                            "package": {"name": name, "ecosystem": "PyPI"},
                            "ranges": [{"type": "ECOSYSTEM", "events": events}],
                        }
                    ],
                }
            )
        body = json.dumps({"vulns": vulns} if vulns else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def osv_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOSV)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    server.shutdown()
    server.server_close()


def audit(lock_file, osv_url):
    return subprocess.run(
        [sys.executable, ".ci/audit.py", str(lock_file), "--"]
        + ["--vulnerability-service=osv", f"--osv-url={osv_url}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def locked(tmp_path, **versions):
    """requirements.lock with some packages at other versions (hashes kept:
    pip-audit does not check them against files)."""
    lines = []
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        name = line.split("==")[0]
        if "==" in line and name in versions:
            line = f"{name}=={versions[name]} \\"
        lines.append(line)
    path = tmp_path / "requirements.lock"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_audit_fails_on_a_vulnerability_a_release_fixes(tmp_path, osv_url):
    result = audit(locked(tmp_path, pypdf="7.1.0"), osv_url)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "pypdf==7.1.0: TEST-PYPDF-1, fixed in 7.1.1" in result.stdout


def test_audit_lists_a_vulnerability_without_a_fix_and_passes(tmp_path, osv_url):
    result = audit(locked(tmp_path, tqdm="4.70.1"), osv_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tqdm==4.70.1: TEST-TQDM-1, no fix released yet" in result.stdout
    assert "0 not audited, 0 fixable and 1 unfixed" in result.stdout
