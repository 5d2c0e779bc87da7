#!/usr/bin/env python3
"""Median window frame times, before and after, from scripts/bench_window.sh's JSON files.

Usage: window_bench_table.py OUT_DIR. Prints a Markdown table: one row per measurement, one
column pair per plan size; milliseconds of wall-clock time (Google Benchmark real_time)."""
import json
import pathlib
import statistics
import sys

ROWS = [
    ("BM_Window_Open", "open the plan and draw the first frame"),
    ("BM_Window_IdleOverview", "idle frame, whole plan in view (reference)"),
    ("BM_Window_Pan", "frame while panning, whole plan"),
    ("BM_Window_WheelZoom", "frame of a wheel zoom step about the overview"),
    ("BM_Window_RadiusTick", "frame of a radius tick (slider dragged), whole plan"),
    ("BM_Window_DragSiteOverview", "frame while dragging a site, whole plan"),
    ("BM_Window_IdleZoomed", "idle frame, zoomed to 40 km (reference)"),
    ("BM_Window_DragSiteZoomed", "frame while dragging a site, zoomed to 40 km"),
    ("BM_Window_FrameWhileSuggesting", "\"how many more sites reach 99%\": answer (s)"),
]
SIZES = [5000, 50000, 200000]

out = pathlib.Path(sys.argv[1])
times = {}  # (which, name, size) -> [ms]
for path in sorted(out.glob("*.json")):
    which = path.name.split("-")[0]
    try:
        data = json.loads(path.read_text())
    except ValueError:
        continue
    for b in data.get("benchmarks", []):
        name, size = b["name"].split("/")[0], int(b["name"].split("/")[1])
        value = b["real_time"]
        if name == "BM_Window_FrameWhileSuggesting":
            value = b.get("job_s", float("nan"))
        times.setdefault((which, name, size), []).append(value)


def cell(which, name, size):
    values = times.get((which, name, size))
    if not values:
        return "-"
    m = statistics.median(values)
    return f"{m:.1f}" if name == "BM_Window_FrameWhileSuggesting" else f"{m:.0f}"


head = " | ".join(f"{n:,} before | {n:,} after" for n in SIZES)
print(f"| ms | {head} |")
print("|---|" + "---|" * (2 * len(SIZES)))
for name, label in ROWS:
    cells = " | ".join(f"{cell('before', name, n)} | {cell('after', name, n)}" for n in SIZES)
    print(f"| {label} | {cells} |")
