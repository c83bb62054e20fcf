"""The benchmark's output: latest.json, a Markdown summary and the p95 chart.

No Django here: the runner builds the report from the measurements the
other processes wrote.
"""

import json
from pathlib import Path

QUERY_LIMIT = 12
P95_LIMIT_MS = 50.0
SEARCH_P95_LIMIT_MS = 100.0
HOME_RATIO_LIMIT = 0.5
# Anonymous home and article through nginx with the shipped block, against
# the same run's floor (Django's trivial view): nginx's cache answers them.
EDGE_RATIO_LIMIT = 8.0
EDGE_PAGES = ("home", "article")
TARGET_SCALE = "large"
SCALE_ORDER = ["tiny", "small", "large"]


def p95_limit(name):
    return SEARCH_P95_LIMIT_MS if name == "search" else P95_LIMIT_MS


# The p95 target is for pages as a running site serves them: with the caches
# kept between edits (warm). A cold page is the first view after an edit,
# every cache rebuilt; its p95 is reported beside the target, not held to it
# (README, Benchmark).
P95_TARGET_CACHE = "warm"


def _over_p95(page):
    return page["scale"] == TARGET_SCALE and page["p95_ms"] >= p95_limit(page["name"])


def _scales(pages):
    present = {page["scale"] for page in pages}
    return sorted(present, key=lambda s: SCALE_ORDER.index(s) if s in SCALE_ORDER else 99)


def find_misses(pages, throughput):
    """Every target a measurement misses, as {"target", "page", "scale", "cache", "value"}."""
    misses = []
    cold = {(p["scale"], p["name"]): p for p in pages if p["cache"] == "cold"}
    for page in pages:
        if page["cache"] == "cold" and page["queries"] > QUERY_LIMIT:
            misses.append(
                {
                    "target": f"≤ {QUERY_LIMIT} queries (cold)",
                    "page": page["name"],
                    "scale": page["scale"],
                    "cache": "cold",
                    "value": page["queries"],
                }
            )
        if page["cache"] == P95_TARGET_CACHE and _over_p95(page):
            misses.append(
                {
                    "target": f"p95 < {p95_limit(page['name']):.0f} ms ({P95_TARGET_CACHE})",
                    "page": page["name"],
                    "scale": page["scale"],
                    "cache": page["cache"],
                    "value": page["p95_ms"],
                }
            )
    scales = _scales(pages)
    if len(scales) > 1:
        names = {p["name"] for p in pages}
        for name in sorted(names):
            counts = {s: cold[(s, name)]["queries"] for s in scales if (s, name) in cold}
            if len(set(counts.values())) > 1:
                misses.append(
                    {
                        "target": "same query count at every scale",
                        "page": name,
                        "scale": "/".join(counts),
                        "cache": "cold",
                        "value": " → ".join(str(v) for v in counts.values()),
                    }
                )
    for row in throughput:
        ratio = row.get("ratio_to_floor")
        if is_edge(row) and ratio is not None and ratio < EDGE_RATIO_LIMIT:
            misses.append(
                {
                    "target": f"through nginx ≥ {EDGE_RATIO_LIMIT:g} × floor req/s",
                    "page": row["name"],
                    "scale": row.get("scale", ""),
                    "cache": "nginx",
                    "value": ratio,
                }
            )
    home = next((t for t in throughput if t["name"] == "home" and not is_edge(t)), None)
    if home and home.get("ratio_to_floor") is not None and home["ratio_to_floor"] < 0.5:
        misses.append(
            {
                "target": f"home ≥ {HOME_RATIO_LIMIT} × floor req/s (warm)",
                "page": "home",
                "scale": home.get("scale", ""),
                "cache": "warm",
                "value": home["ratio_to_floor"],
            }
        )
    return misses


def is_edge(row):
    """A row measured through nginx rather than gunicorn alone."""
    return row.get("via") == "nginx"


def cold_over_p95(pages):
    """The cold pages over the p95 line: information, not misses."""
    return [
        {
            "page": p["name"],
            "scale": p["scale"],
            "limit": p95_limit(p["name"]),
            "value": p["p95_ms"],
        }
        for p in pages
        if p["cache"] != P95_TARGET_CACHE and _over_p95(p)
    ]


def build_report(pages, throughput, metadata):
    keys = ("name", "scale", "cache", "queries", "p50_ms", "p95_ms")
    for page in pages:
        missing = [key for key in keys if key not in page]
        if missing:
            raise ValueError(f"page result without {missing}: {page}")
    return {
        "metadata": metadata,
        "targets": {
            "queries_cold_max": QUERY_LIMIT,
            "p95_ms_max": P95_LIMIT_MS,
            "search_p95_ms_max": SEARCH_P95_LIMIT_MS,
            "p95_scale": TARGET_SCALE,
            "p95_cache": P95_TARGET_CACHE,
            "home_warm_ratio_to_floor_min": HOME_RATIO_LIMIT,
            "through_nginx_ratio_to_floor_min": EDGE_RATIO_LIMIT,
        },
        "pages": pages,
        "throughput": throughput,
        "misses": find_misses(pages, throughput),
        "cold_over_p95": cold_over_p95(pages),
    }


def write_json(report, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


def _percent(mode):
    value = mode.get("steal_pct") if mode else None
    return "–" if value is None else f"{value:.0f} %"


def _cell(value, missed, fmt="{:.1f}"):
    text = fmt.format(value)
    return f"**{text}** ✗" if missed else text


def markdown(report):
    meta = report["metadata"]
    pages = report["pages"]
    lines = [
        f"# Benchmark, {meta.get('date', '')}",
        "",
        f"Database: {meta.get('vendor', '?')} · {meta.get('cores', '?')} cores · "
        f"cache: {meta.get('cache', '?')} · {meta.get('requests', '?')} requests per page "
        "and cache mode · server time in ms, in process (test client) · load average "
        f"{meta.get('load_average_at_start', ['?'])[0]} at start, "
        f"{meta.get('load_average_at_end', ['?'])[0]} at end",
        "",
        f"Targets: ≤ {QUERY_LIMIT} queries cold, the same count at every scale; "
        f"p95 < {P95_LIMIT_MS:.0f} ms (search < {SEARCH_P95_LIMIT_MS:.0f} ms) warm at the "
        f"{TARGET_SCALE} scale; home (warm) ≥ {HOME_RATIO_LIMIT} × the floor's req/s; "
        f"home and article through nginx ≥ {EDGE_RATIO_LIMIT:g} × the floor's req/s. "
        "✗ marks a miss; · marks a cold p95 over the line, which has no target.",
        "",
        "Cold: every cache is emptied before every request (after one unmeasured "
        "request per URL), as for the first view of a page after an edit. Warm: the "
        "caches are kept, as on a running site between edits. CPU stolen: the share "
        "of the machine's CPU the hypervisor gave to other guests while the page was "
        "measured (/proc/stat); times measured under much of it are not the code's.",
    ]
    scales = _scales(pages)
    cold_counts = {}
    for page in pages:
        if page["cache"] == "cold":
            cold_counts.setdefault(page["name"], set()).add(page["queries"])
    for scale in scales:
        counts = meta.get("counts", {}).get(scale, {})
        lines += ["", f"## Pages, {scale} scale", ""]
        if counts:
            lines.append(
                ", ".join(f"{key.replace('_', ' ')} {value:,}" for key, value in counts.items())
            )
            lines.append("")
        lines += [
            "| page | queries cold | queries warm | cache calls cold | cache calls warm "
            "| p50 cold | p95 cold | p50 warm | p95 warm | CPU stolen cold / warm |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        rows = {}
        for page in pages:
            if page["scale"] == scale:
                rows.setdefault(page["name"], {})[page["cache"]] = page
        for name, modes in rows.items():
            cells = [name]
            cold, warm = modes.get("cold"), modes.get("warm")
            for mode in (cold, warm):
                if mode is None:
                    cells.append("–")
                    continue
                missed = (mode["cache"] == "cold" and mode["queries"] > QUERY_LIMIT) or (
                    mode["cache"] == "cold" and len(cold_counts.get(name, ())) > 1
                )
                cells.append(_cell(mode["queries"], missed, "{}"))
            # Round trips to the shared cache (Redis): no target, but each costs.
            cells += [str(mode.get("cache_calls", "–")) if mode else "–" for mode in (cold, warm)]
            for mode in (cold, warm):
                if mode is None:
                    cells += ["–", "–"]
                    continue
                cells.append(_cell(mode["p50_ms"], False))
                if mode["cache"] == P95_TARGET_CACHE:
                    cells.append(_cell(mode["p95_ms"], _over_p95(mode)))
                else:
                    cells.append(f"{mode['p95_ms']:.1f}" + (" ·" if _over_p95(mode) else ""))
            cells.append(" / ".join(_percent(mode) for mode in (cold, warm)))
            lines.append("| " + " | ".join(cells) + " |")
    throughput = report["throughput"]
    if throughput:
        first = throughput[0]
        lines += [
            "",
            f"## Throughput, {meta.get('throughput_scale', '?')} scale",
            "",
            f"gunicorn {first.get('workers', '?')} workers on 127.0.0.1, "
            f"wrk {meta.get('wrk', '')}; the floor is /bench/floor/ "
            "(the higher of a run before and one after the pages). Through nginx: "
            "the shipped block (deploy/nginx/lhh.conf, plain HTTP) in front of the "
            "same gunicorn, in the same run.",
            "",
            "| page | through | req/s | ratio to floor | p50 latency ms | p99 latency ms "
            "| non-2xx |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in throughput:
            ratio = row.get("ratio_to_floor")
            if is_edge(row):
                missed = ratio is not None and ratio < EDGE_RATIO_LIMIT
            else:
                missed = row["name"] == "home" and ratio is not None and ratio < HOME_RATIO_LIMIT
            lines.append(
                f"| {row['name']} | {row.get('via', 'gunicorn')} | {row['rps']:.1f} | "
                f"{_cell(ratio, missed, '{:.2f}') if ratio is not None else '–'} | "
                f"{row.get('latency_p50_ms', '–')} | {row.get('latency_p99_ms', '–')} | "
                f"{row.get('non_2xx', 0)} |"
            )
    misses = report["misses"]
    lines += ["", "## Targets missed", ""]
    if not misses:
        lines.append("None.")
    for miss in misses:
        lines.append(
            f"- {miss['page']} ({miss['scale']}, {miss['cache']}): {miss['target']}, "
            f"measured {miss['value']}"
        )
    over = report.get("cold_over_p95", [])
    if over:
        lines += [
            "",
            "## Cold pages over the p95 line (the first view after an edit; no target)",
            "",
        ]
        for page in over:
            line = f"{page['limit']:.0f} ms"
            lines.append(f"- {page['page']} ({page['scale']}): {page['value']} ms, line {line}")
    return "\n".join(lines) + "\n"


def chart(report, path):
    """Grouped bars: p95 of every page, per scale and cache mode, with the limits."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pages = report["pages"]
    names = []
    for page in pages:
        if page["name"] not in names:
            names.append(page["name"])
    series = [(scale, mode) for scale in _scales(pages) for mode in ("cold", "warm")]
    values = {(p["scale"], p["cache"], p["name"]): p["p95_ms"] for p in pages}
    series = [s for s in series if any((s[0], s[1], n) in values for n in names)]
    colours = {
        ("small", "cold"): "#9ecae1",
        ("small", "warm"): "#3182bd",
        ("large", "cold"): "#fdae6b",
        ("large", "warm"): "#e6550d",
        ("tiny", "cold"): "#c7e9c0",
        ("tiny", "warm"): "#31a354",
    }
    figure, axes = plt.subplots(figsize=(max(13, 0.7 * len(names)), 5.5), dpi=100)
    width = 0.8 / max(1, len(series))
    for index, (scale, mode) in enumerate(series):
        xs = [i + (index - (len(series) - 1) / 2) * width for i in range(len(names))]
        ys = [values.get((scale, mode, name), 0) for name in names]
        axes.bar(xs, ys, width, label=f"{scale}, {mode} cache", color=colours.get((scale, mode)))
    axes.axhline(P95_LIMIT_MS, color="#b30000", linestyle="--", linewidth=1)
    axes.text(
        len(names) - 0.5, P95_LIMIT_MS, f" {P95_LIMIT_MS:.0f} ms", color="#b30000", va="bottom"
    )
    if "search" in names:
        i = names.index("search")
        axes.hlines(
            SEARCH_P95_LIMIT_MS, i - 0.45, i + 0.45, color="#b30000", linestyle=":", linewidth=1.5
        )
        axes.text(i, SEARCH_P95_LIMIT_MS, "100 ms", color="#b30000", ha="center", va="bottom")
    axes.set_xticks(range(len(names)))
    axes.set_xticklabels(names, rotation=30, ha="right")
    axes.set_ylabel("p95 server time (ms)")
    meta = report["metadata"]
    axes.set_title(f"p95 per page ({meta.get('vendor', '')}, {meta.get('date', '')[:10]})")
    axes.legend(loc="upper left")
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
