"""A run's figures written out: RESULTS.md (its history kept), results.json and the latency
chart."""

import json
import os
import re
import sys
from pathlib import Path

from bench.scenarios import NOT_YET

# RESULTS.md's history of measurements begins at this line; a run rewrites only what is above
# it (the latest figures), so `make bench` never erases the earlier sections.
HISTORY_MARKER = (
    "<!-- The sections below are kept by bench/run.py: the history of measurements. -->"
)


def report(results, args, out):
    base = results[0]
    floor = base["scenarios"]["floor: trivial JSON (/healthz)"]
    wagtail = base["scenarios"]["wagtail API v3 pages listing (limit 20)"]
    lines = [
        "# Benchmark results",
        "",
        f"Command: `python bench/run.py {' '.join(sys.argv[1:])}` (via `make bench`).",
        f"Machine: {os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
        f"{platform_line()}; PostgreSQL on 127.0.0.1, Redis cache, gunicorn {args.workers} workers, wrk with "
        f"{args.connections} connections for {args.duration} s per scenario; medians of {args.runs} runs.",
        "",
        f"Seeding {base['items']} generated items (plus the demo content): {base['seed_seconds']} s. "
        f"Search index rebuild: {base['index_seconds']} s. "
        f"Read model rebuild: {base.get('read_model_seconds', '—')} s. Peak RSS per worker: {base['peak_rss_mb_per_worker']} MB.",
        "",
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/request (cold) | peak RSS/worker MB | p50 vs floor | req/s vs floor | p50 vs Wagtail v3 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, row in base["scenarios"].items():
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | "
            f"{row['error_rate']:.2%} | {row['sql_queries']} | {row.get('peak_rss_mb')} | "
            f"{row['p50_ms'] / floor['p50_ms']:.1f}× | "
            f"{row['rps'] / floor['rps']:.0%} | {row['p50_ms'] / wagtail['p50_ms']:.2f}× |"
        )
    for name, why in NOT_YET.items():
        lines.append(f"| {name} | — | — | — | — | — | — | — | — | — | {why} |")
    if len(results) > 1:
        large = results[1]
        lines += [
            "",
            f"## {base['items']} vs {large['items']} items",
            "",
            f"Seeding {large['items']}: {large['seed_seconds']} s; index rebuild {large['index_seconds']} s; "
            f"read model rebuild {large.get('read_model_seconds', '—')} s.",
            "",
            "| scenario | p50 ms | p50 ms at scale | ratio |",
            "|---|---|---|---|",
        ]
        for name, row in base["scenarios"].items():
            other = large["scenarios"][name]
            lines.append(
                f"| {name} | {row['p50_ms']} | {other['p50_ms']} | {other['p50_ms'] / row['p50_ms']:.2f}× |"
            )
    lines += ["", "![p50 and p95 latency by scenario](latency.svg)", ""]
    previous = out / "RESULTS.md"
    text = previous.read_text() if previous.exists() else ""
    history = text[text.index(HISTORY_MARKER) :] if HISTORY_MARKER in text else ""
    previous.write_text("\n".join(lines) + "\n" + history)
    (out / "latency.svg").write_text(svg_chart(base["scenarios"]))
    (out / "results.json").write_text(json.dumps(results, indent=2))


def platform_line():
    try:
        model = re.search(r"model name\s+: (.+)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        model = "unknown CPU"
    return f"{model}, Python {sys.version.split()[0]}"


def svg_chart(scenarios):
    """Horizontal bars of p50 and p95 latency per scenario (ms), as a standalone SVG."""
    names = list(scenarios)
    top = max(row["p95_ms"] for row in scenarios.values()) or 1
    width, left, row_h = 900, 300, 26
    height = row_h * len(names) + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        "<title>p50 and p95 latency by scenario (ms)</title>",
    ]
    for index, name in enumerate(names):
        y = 20 + index * row_h
        row = scenarios[name]
        p50 = (width - left - 80) * row["p50_ms"] / top
        p95 = (width - left - 80) * row["p95_ms"] / top
        parts.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{name}</text>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{p95:.1f}" height="16" fill="#9ecae1"/>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{p50:.1f}" height="16" fill="#08519c"/>')
        parts.append(
            f'<text x="{left + p95 + 6:.1f}" y="{y + 14}">{row["p50_ms"]} / {row["p95_ms"]} ms</text>'
        )
    parts.append(f'<text x="{left}" y="{height - 8}">dark: p50, light: p95</text></svg>')
    return "\n".join(parts)
