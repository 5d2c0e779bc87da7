#!/usr/bin/python3
"""Compares `beltplan contiguity` with PySAL (Debian's python3-libpysal) on the same file.

Usage: pysal_crosscheck.py BELTPLAN PLAN.gpkg|BOUNDARIES.geojson
Runs queen and rook contiguity with both tools and fails on any pair that differs. A source
that is not a plan is first imported with `beltplan import` (so PySAL reads the same
projected, repaired polygons beltplan analyses).
"""
import os
import subprocess
import sys
import tempfile
import warnings

warnings.filterwarnings("ignore")
import geopandas  # noqa: E402
from libpysal.weights import Queen, Rook  # noqa: E402


def pysal_pairs(frame, rule):
    cls = Queen if rule == "queen" else Rook
    w = cls.from_dataframe(frame, idVariable="code", silence_warnings=True)
    pairs = set()
    for a, neighbours in w.neighbors.items():
        for b in neighbours:
            pairs.add((min(a, b), max(a, b)))
    return pairs


def beltplan_pairs(exe, plan, rule, folder):
    out = os.path.join(folder, rule + ".csv")
    subprocess.run([exe, "contiguity", plan, "--rule", rule, "--out", out], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        return {tuple(line.strip().split(",")) for line in f if line.strip()}


def main():
    exe, plan = sys.argv[1], sys.argv[2]
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        if not plan.endswith(".gpkg"):
            imported = os.path.join(folder, "imported.gpkg")
            subprocess.run([exe, "import", "--villages", plan, "-o", imported], check=True,
                           stdout=subprocess.DEVNULL)
            plan = imported
        frame = geopandas.read_file(plan, layer="villages")
        frame["code"] = frame["code"].astype(str)
        for rule in ("queen", "rook"):
            ours = beltplan_pairs(exe, plan, rule, folder)
            theirs = pysal_pairs(frame, rule)
            print(f"{os.path.basename(plan)} {rule}: beltplan {len(ours)} pairs, "
                  f"PySAL {len(theirs)} pairs, {len(frame)} villages")
            if ours != theirs:
                failed = True
                print("  only beltplan:", sorted(ours - theirs)[:10])
                print("  only PySAL:   ", sorted(theirs - ours)[:10])
    print("1 passed, 0 failed" if not failed else "0 passed, 1 failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
