#!/usr/bin/env python3
"""Rows where two platforms of one matrix run disagree, port numbers aside.

    containers/bench/stack_diff.py RUNS_DIR LINUX_PLATFORM OTHER_PLATFORM

Reads RUNS_DIR/<platform>/observations.json of both and prints, per family, every check whose verdict
or observed outcome differs once 4- and 5-digit numbers (ephemeral ports) are read as N, then a
count per family. The README's "Linux and netstack" table is written from this output.
"""
import json
import re
import sys
from collections import Counter

runs, left, right = sys.argv[1:4]


def results(platform):
    with open(f"{runs}/{platform}/observations.json") as f:
        return {r["id"]: r for r in json.load(f)["results"]}


def shape(text):
    return re.sub(r"\d{4,5}", "N", text or "")


a, b = results(left), results(right)
rows = []
for check in a:
    x, y = a[check], b.get(check)
    if y is None:
        rows.append((check, x["verdict"], shape(x["observed"]), "missing", "", ""))
    elif x["verdict"] != y["verdict"] or shape(x["observed"]) != shape(y["observed"]):
        rows.append((check, x["verdict"], shape(x["observed"]), y["verdict"], shape(y["observed"]),
                     ((y.get("message") or "").splitlines() or [""])[0][:160] if y["verdict"] != "pass" else ""))
print(f"# {len(rows)} of {len(a)} checks disagree between {left} and {right} (ports read as N)")
for row in rows:
    print(" | ".join(row))
print()
for family, n in sorted(Counter(r[0].split(".")[0] for r in rows).items()):
    print(f"{family}: {n}")
