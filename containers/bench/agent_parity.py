#!/usr/bin/env python3
"""Compares two runs of the catalogue on one JDK: in-process layers and the probe agent.

usage: agent_parity.py IN_PROCESS_RUN AGENT_RUN

Each argument is a run directory (with observations.json). Prints every check whose verdict
differs, and every check whose recorded calls differ once port numbers and descriptor numbers
are masked (ports differ from run to run). Exits 1 when anything differs.
"""
import json
import re
import sys

NUMBER = re.compile(r"(?<![A-Za-z_\d.])-?\d+(?![\d.])")


def results(run):
    with open(run + "/observations.json") as f:
        data = json.load(f)
    return {r["id"]: r for r in data["results"]}


def shape(observation):
    o = dict(observation)
    address = ""
    text = json.dumps({k: o.get(k) for k in ("layer", "operation", "socket", "arguments", "detail", "failure")},
                      sort_keys=True)
    endpoint = o.get("endpoint")
    if endpoint:
        address = " " + json.dumps({k: endpoint.get(k) for k in ("address", "family", "anyLocal", "v4Mapped")},
                                 sort_keys=True)
    return NUMBER.sub("N", text) + address


def main(inproc, agent):
    a, b = results(inproc), results(agent)
    differ = 0
    for check in sorted(set(a) | set(b)):
        x, y = a.get(check), b.get(check)
        if x is None or y is None:
            print(f"{check}: only in {'the agent run' if x is None else 'the in-process run'}")
            differ += 1
            continue
        if x["verdict"] != y["verdict"]:
            print(f"{check}: verdict {x['verdict']} in-process, {y['verdict']} through the agent: {y.get('message')}")
            differ += 1
            continue
        calls_x = [shape(o) for o in x.get("observations", [])]
        calls_y = [shape(o) for o in y.get("observations", [])]
        property_check = x.get("seed") is not None
        if calls_x != calls_y and not property_check:
            first = next((i for i, (p, q) in enumerate(zip(calls_x, calls_y)) if p != q), min(len(calls_x), len(calls_y)))
            print(f"{check}: calls differ at #{first}:\n  in-process {calls_x[first] if first < len(calls_x) else '-'}"
                  f"\n  agent      {calls_y[first] if first < len(calls_y) else '-'}")
            differ += 1
    verdicts = {}
    for r in b.values():
        verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
    print(f"{len(a)} checks in-process, {len(b)} through the agent ({verdicts}); {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
