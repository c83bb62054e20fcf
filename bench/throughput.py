"""Throughput: the site under gunicorn on loopback, loaded by wrk.

Every page is compared with the trivial floor view (/bench/floor/) of the
same server in the same run: the ratio says how much of what the machine,
gunicorn and Django's middleware allow a page leaves. The floor is measured
first and last, and the higher of the two is the reference.

Some pages are measured again through nginx with the shipped block
(deploy/nginx/lhh.conf, rendered by `manage.py render_nginx --plain-http`
for loopback) in front of the same gunicorn, as a site is served: its
cache answers most of them (10 s, then stale while one request renews).
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

FLOOR_PATH = "/bench/floor/"
ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors:.*")
_LATENCY = re.compile(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def default_workers():
    """gunicorn's advice for a server doing only this: 2 × cores + 1."""
    return 2 * (os.cpu_count() or 1) + 1


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url, timeout=10.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status


def wait_until_up(base_url, process, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {process.returncode}")
        try:
            if _get(base_url + FLOOR_PATH, timeout=2.0) == 200:
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def settle(base_url, timeout=180.0):
    """Wait until the server is idle again: sync workers go on with the
    requests a slow page left queued after wrk stopped, and the next page
    must not pay for them."""
    deadline = time.monotonic() + timeout
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        try:
            _get(base_url + FLOOR_PATH, timeout=timeout)
        except OSError:
            time.sleep(1)
            continue
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0
        time.sleep(0.2)


def parse_wrk(output):
    rate = _RATE.search(output)
    non_2xx = _NON_2XX.search(output)
    socket_errors = _SOCKET_ERRORS.search(output)
    latency = {
        f"latency_p{pct}_ms": round(float(value) * _UNIT[unit], 2)
        for pct, value, unit in _LATENCY.findall(output)
    }
    return {
        "rps": float(rate.group(1)) if rate else 0.0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": socket_errors.group(0) if socket_errors else "",
        **latency,
    }


def run_wrk(url, *, duration, threads, connections):
    completed = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            # A slow page's requests are counted late, not dropped as errors.
            "--timeout",
            "30s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 90,
    )
    return parse_wrk(completed.stdout)


def start_nginx(app_port, env, folder):
    """nginx with the shipped block on a free port in front of gunicorn;
    (process, base URL)."""
    port = free_port()
    conf = Path(folder) / "nginx.conf"
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "render_nginx",
            "--plain-http",
            "--domain=127.0.0.1",
            f"--app=127.0.0.1:{app_port}",
            "--address=127.0.0.1",
            f"--http-port={port}",
            f"--cache-dir={folder}/cache",
            f"--standalone={folder}",
            f"--output={conf}",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    wait_until_up(base_url, process)
    return process, base_url


def _load(base_url, name, path, *, duration, threads, connections, log, via="gunicorn"):
    try:
        for _ in range(3):
            # Warm: each worker's first request pays for imports and the cache.
            _get(base_url + path, timeout=120)
        result = run_wrk(
            base_url + path, duration=duration, threads=threads, connections=connections
        )
    except (OSError, subprocess.SubprocessError) as exc:
        # A page too slow to answer is a result, not the end of the run.
        result = {"rps": 0.0, "non_2xx": 0, "error": repr(exc)}
    result.update(name=name, path=path, via=via)
    settle(base_url)
    log(f"  wrk {name:10} {via:8} {result['rps']:8.1f} req/s  non-2xx={result['non_2xx']}")
    return result


def measure_throughput(
    pages,
    env,
    *,
    duration=10,
    threads=2,
    connections=16,
    workers=None,
    edge_pages=(),
    log=print,
):
    """Requests/s of each (name, path) in `pages` and of the floor, same
    server; those named in `edge_pages` also through nginx.

    `env` is the environment gunicorn runs with (bench.settings, the
    database). gunicorn and nginx are always stopped, whatever happens.
    """
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    workers = workers or default_workers()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lhh.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env={**os.environ, **env},
        # Its own process group: stopping it stops its workers too.
        start_new_session=True,
    )
    load = {"duration": duration, "threads": threads, "connections": connections, "log": log}
    results, nginx = [], None
    try:
        wait_until_up(base_url, process)
        for name, path in [("floor", FLOOR_PATH), *pages]:
            results.append(_load(base_url, name, path, **load))
        edge = [(name, path) for name, path in pages if name in edge_pages]
        if edge and os.path.exists(NGINX):
            with tempfile.TemporaryDirectory(prefix="lhh-bench-nginx-") as folder:
                nginx, nginx_url = start_nginx(port, env, folder)
                try:
                    for name, path in edge:
                        results.append(_load(nginx_url, name, path, via="nginx", **load))
                finally:
                    stop(nginx)
        elif edge:
            log("  nginx is not installed (apt-get install nginx-light): no run through it")
        results.append(_load(base_url, "floor", FLOOR_PATH, **load))
    finally:
        stop(process)
    floors = [r["rps"] for r in results if r["name"] == "floor"]
    # The higher run: a slow page's backlog can still weigh on the last one,
    # and a depressed floor would flatter every ratio.
    floor = max(floors) if floors else 0.0
    merged = [
        {
            "name": "floor",
            "path": FLOOR_PATH,
            "via": "gunicorn",
            "rps": round(floor, 1),
            "runs": floors,
        }
    ]
    for result in results:
        if result["name"] != "floor":
            merged.append(result)
    for result in merged:
        result["rps"] = round(result["rps"], 1)
        result["ratio_to_floor"] = round(result["rps"] / floor, 3) if floor else None
        result["workers"] = workers
    return merged


def stop(process, timeout=15):
    """SIGTERM to the process group we started (gunicorn's or nginx's), SIGKILL
    if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=timeout)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
