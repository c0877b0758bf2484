#!/usr/bin/env python3
"""Sums the recorded check durations per family and layer of two runs of the catalogue.

usage: family_durations.py RUN_A RUN_B [LABEL_A LABEL_B]

Each argument is a run directory (with observations.json). Prints one row per family and layer,
the slowest in RUN_B first, then the totals: where the time of a run goes, check time only
(start-up, facts and reports are outside it).
"""
import json
import sys


def durations(run):
    with open(run + "/observations.json") as f:
        results = json.load(f)["results"]
    out = {}
    for r in results:
        key = (r["family"], r["layer"])
        out[key] = out.get(key, 0) + r.get("durationMillis", 0)
    return out


def main(a_run, b_run, a_label="A", b_label="B"):
    a, b = durations(a_run), durations(b_run)
    print(f"{'family':<10} {'layer':<7} {a_label:>12} {b_label:>12}")
    for key in sorted(set(a) | set(b), key=lambda k: (-b.get(k, 0), k)):
        print(f"{key[0]:<10} {key[1]:<7} {a.get(key, 0):>12} {b.get(key, 0):>12}")
    print(f"{'all':<10} {'':<7} {sum(a.values()):>12} {sum(b.values()):>12}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
