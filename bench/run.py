"""`make bench`: generate, measure, load, report.

    BENCH_SCALE=small|large|both (default both)
    BENCH_REQUESTS=50       requests per page and cache mode
    BENCH_GENERATE=0        reuse the databases of an earlier run
    BENCH_MEASURE=0         reuse the page measurements of an earlier run
    BENCH_THROUGHPUT=0      skip gunicorn + wrk
    BENCH_DURATION=10       seconds of wrk per page
    BENCH_WORKERS=…         gunicorn workers (default 2 × cores + 1)

Each scale gets its own fresh database (PostgreSQL when DATABASE_URL points
there, a SQLite file in var/ otherwise), filled by bench.generate and
measured by bench.measure in their own processes, since Django's settings
are read once per process. Throughput runs against the large scale (the
largest one asked for). Results: bench/results/latest.json, latest.md and
p95.png; the Markdown summary is printed at the end.
"""

import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from . import report
from .generate import VAR, bench_database_url, bench_environment, is_postgres
from .throughput import default_workers, measure_throughput

RESULTS = Path(__file__).resolve().parent / "results"
THROUGHPUT_PAGES = ["home", "article", "documents", "search"]


def scales_asked():
    value = os.environ.get("BENCH_SCALE", "both").strip().lower()
    if value in ("", "both"):
        return ["small", "large"]
    scales = [s.strip() for s in value.split(",") if s.strip()]
    for scale in scales:
        if scale not in ("tiny", "small", "large"):
            raise SystemExit(f"BENCH_SCALE: unknown scale {scale!r} (small, large or both)")
    return scales


def _python(*args):
    subprocess.run([sys.executable, "-m", *args], check=True)


def _database_exists(url):
    if is_postgres(url):
        return os.environ.get("BENCH_GENERATE") == "0"
    return Path(url.removeprefix("sqlite:///")).is_file()


def main():
    scales = scales_asked()
    requests = int(os.environ.get("BENCH_REQUESTS", "50"))
    generate = os.environ.get("BENCH_GENERATE", "1") != "0"
    VAR.mkdir(exist_ok=True)
    # WhiteNoise warns about a missing STATIC_ROOT on every start otherwise.
    (VAR / "static").mkdir(exist_ok=True)
    pages, counts, generated = [], {}, {}
    # Other work on the machine skews every number: record how busy it was.
    load_before = os.getloadavg()
    for scale in scales:
        url = bench_database_url(scale)
        if generate or not _database_exists(url):
            print(f"== {scale}: generating data", file=sys.stderr)
            started = datetime.datetime.now()
            _python("bench.generate", "--scale", scale)
            generated[scale] = round((datetime.datetime.now() - started).total_seconds(), 1)
        out = VAR / f"bench-pages-{scale}.json"
        if os.environ.get("BENCH_MEASURE") != "0" or not out.is_file():
            print(f"== {scale}: measuring pages ({requests} requests each)", file=sys.stderr)
            _python(
                "bench.measure", "--scale", scale, "--requests", str(requests), "--out", str(out)
            )
        measured = json.loads(out.read_text(encoding="utf-8"))
        pages.extend(measured["pages"])
        counts[scale] = measured["counts"]
        vendor = measured["vendor"]

    throughput, throughput_scale = [], None
    if os.environ.get("BENCH_THROUGHPUT", "1") != "0":
        throughput_scale = "large" if "large" in scales else scales[-1]
        print(f"== throughput on the {throughput_scale} scale", file=sys.stderr)
        url = bench_database_url(throughput_scale)
        _python("bench.measure", "--scale", throughput_scale, "--clear-cache")
        paths = {p["name"]: p["urls"][0] for p in pages if p["scale"] == throughput_scale}
        throughput = measure_throughput(
            [(name, paths[name]) for name in THROUGHPUT_PAGES],
            bench_environment(url),
            duration=int(os.environ.get("BENCH_DURATION", "10")),
            workers=int(os.environ.get("BENCH_WORKERS", "0")) or default_workers(),
            edge_pages=report.EDGE_PAGES,
            log=lambda message: print(message, file=sys.stderr),
        )
        for row in throughput:
            row["scale"] = throughput_scale

    metadata = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "vendor": vendor,
        "cores": os.cpu_count(),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "cache": bench_environment("")["CACHE_URL"],
        "requests": requests,
        "scales": scales,
        "counts": counts,
        "generation_seconds": generated,
        "load_average_at_start": [round(x, 2) for x in load_before],
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "throughput_scale": throughput_scale,
        "wrk": f"{2} threads, {16} connections, {os.environ.get('BENCH_DURATION', '10')} s",
    }
    result = report.build_report(pages, throughput, metadata)
    report.write_json(result, RESULTS / "latest.json")
    summary = report.markdown(result)
    (RESULTS / "latest.md").write_text(summary, encoding="utf-8")
    report.chart(result, RESULTS / "p95.png")
    print(summary)
    print(f"Written: {RESULTS / 'latest.json'}, latest.md, p95.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
