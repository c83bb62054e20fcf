import json

import pytest

from bench import report
from bench.measure import PAGE_NAMES, measure_pages, percentile
from bench.throughput import parse_wrk


@pytest.fixture(scope="module")
def tiny_pages(bench_data):
    """One real measurement of the tiny data, shared by the tests below."""
    return measure_pages(scale="tiny", requests=2)


@pytest.mark.django_db
def test_measurement_reports_every_page_type_in_both_cache_modes(tiny_pages):
    pages = tiny_pages
    assert {(p["name"], p["cache"]) for p in pages} == {
        (name, mode) for name in PAGE_NAMES for mode in ("cold", "warm")
    }
    assert all(p["status"] == [200] for p in pages), [
        (p["name"], p["status"]) for p in pages if p["status"] != [200]
    ]


@pytest.mark.django_db
def test_measurement_counts_the_round_trips_to_the_shared_cache(tiny_pages):
    calls = {(p["name"], p["cache"]): p["cache_calls"] for p in tiny_pages}
    # Warm, a page reads what its worker keeps in memory: no more than its
    # list count and the visit figures; the cached home page nothing at all.
    assert calls[("home", "warm")] == 0
    assert all(calls[(name, "warm")] <= 2 for name in PAGE_NAMES), calls
    assert all(calls[(name, "cold")] > calls[(name, "warm")] for name in PAGE_NAMES), calls


@pytest.mark.django_db
def test_measurement_records_the_cpu_stolen_while_it_ran(tiny_pages):
    assert all(p["steal_pct"] is None or 0 <= p["steal_pct"] <= 100 for p in tiny_pages)


def test_steal_is_the_share_of_all_ticks_given_to_other_guests():
    from bench.measure import cpu_ticks, steal_percent

    assert steal_percent((100, 1000), (150, 1200)) == 25.0
    assert steal_percent((100, 1000), (100, 1000)) is None
    assert steal_percent(None, (1, 2)) is None
    ticks = cpu_ticks()
    assert ticks is None or 0 <= ticks[0] <= ticks[1]


def test_report_shows_the_stolen_cpu_of_each_page():
    pages = synthetic_pages()
    for page in pages:
        page["steal_pct"] = 12.4 if page["cache"] == "cold" else 0.0
    assert "| 12 % / 0 % |" in report.markdown(report.build_report(pages, [], {}))


@pytest.mark.django_db
def test_report_json_has_every_page_type(bench_data, tmp_path):
    pages = measure_pages(scale="tiny", requests=2, progress=True)
    built = report.build_report(pages, [], {"vendor": "test", "date": "2026-01-01"})
    report.write_json(built, tmp_path / "latest.json")
    written = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert {p["name"] for p in written["pages"]} == set(PAGE_NAMES)
    for page in written["pages"]:
        assert {"name", "scale", "queries", "p50_ms", "p95_ms", "cache"} <= set(page)


def synthetic_pages():
    pages = []
    for scale, queries, p95 in (("small", 10, 20.0), ("large", 10, 30.0)):
        for name in PAGE_NAMES:
            for cache in ("cold", "warm"):
                pages.append(
                    {
                        "name": name,
                        "scale": scale,
                        "cache": cache,
                        "queries": queries,
                        "p50_ms": p95 / 2,
                        "p95_ms": p95,
                    }
                )
    return pages


def throughput_rows(home_ratio):
    return [
        {"name": "floor", "rps": 1000.0, "ratio_to_floor": 1.0},
        {"name": "home", "rps": 1000.0 * home_ratio, "ratio_to_floor": home_ratio},
    ]


def test_report_without_misses_says_none():
    built = report.build_report(synthetic_pages(), throughput_rows(0.8), {})
    assert built["misses"] == []
    assert "None." in report.markdown(built)


def test_report_marks_a_page_over_twelve_queries():
    pages = synthetic_pages()
    pages[0]["queries"] = 13
    misses = report.build_report(pages, [], {})["misses"]
    assert {(m["page"], m["target"]) for m in misses} >= {("home", "≤ 12 queries (cold)")}


def test_report_marks_a_query_count_that_grows_with_the_data():
    pages = synthetic_pages()
    large_cold_article = next(
        p for p in pages if (p["name"], p["scale"], p["cache"]) == ("article", "large", "cold")
    )
    large_cold_article["queries"] = 11
    misses = report.build_report(pages, [], {})["misses"]
    assert [m["page"] for m in misses if m["target"].startswith("same query count")] == ["article"]


def test_report_marks_slow_warm_pages_at_the_large_scale_only():
    pages = synthetic_pages()
    for page in pages:
        page["p95_ms"] = 60.0
    misses = report.build_report(pages, [], {})["misses"]
    slow = {(m["page"], m["scale"], m["cache"]) for m in misses if m["target"].startswith("p95")}
    # Search may take up to 100 ms; the small scale has no time target.
    assert slow == {(name, "large", "warm") for name in PAGE_NAMES if name != "search"}


def test_report_lists_slow_cold_pages_apart_from_the_misses():
    pages = synthetic_pages()
    for page in pages:
        if page["cache"] == "cold":
            page["p95_ms"] = 70.0
    built = report.build_report(pages, [], {})
    assert built["misses"] == []
    assert {p["page"] for p in built["cold_over_p95"]} == set(PAGE_NAMES) - {"search"}
    text = report.markdown(built)
    assert "None." in text
    assert "## Cold pages over the p95 line" in text
    assert "| 70.0 · |" in text


def test_report_marks_a_home_page_under_half_the_floor():
    misses = report.build_report(synthetic_pages(), throughput_rows(0.3), {})["misses"]
    assert [m["page"] for m in misses] == ["home"]


def test_chart_is_written_as_png(tmp_path):
    built = report.build_report(synthetic_pages(), [], {"vendor": "test", "date": "2026"})
    report.chart(built, tmp_path / "p95.png")
    assert (tmp_path / "p95.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.95) == 95
    assert percentile(values, 0.5) == 50
    assert percentile([7.0], 0.95) == 7.0


WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8123/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.51ms    3.20ms  40.00ms   80.00%
  Latency Distribution
     50%   11.90ms
     75%   13.00ms
     90%   15.10ms
     99%  250.00us
  2520 requests in 10.00s, 30.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    252.01
Transfer/sec:      3.00MB
"""


def test_wrk_output_is_parsed():
    parsed = parse_wrk(WRK_OUTPUT)
    assert parsed["rps"] == 252.01
    assert parsed["non_2xx"] == 3
    assert parsed["latency_p50_ms"] == 11.9
    assert parsed["latency_p99_ms"] == 0.25


def test_report_marks_a_page_through_nginx_under_eight_times_the_floor():
    rows = [
        *throughput_rows(0.8),
        {"name": "home", "via": "nginx", "rps": 9000.0, "ratio_to_floor": 9.0},
        {"name": "article", "via": "nginx", "rps": 6000.0, "ratio_to_floor": 6.0},
    ]
    built = report.build_report(synthetic_pages(), rows, {})
    assert [(m["page"], m["cache"]) for m in built["misses"]] == [("article", "nginx")]
    text = report.markdown(built)
    assert "| home | nginx | 9000.0 | 9.00 |" in text
    assert "| article | nginx | 6000.0 | **6.00** ✗ |" in text
