#!/usr/bin/env python3
"""Where a render's time goes, from a JFR recording: samples per thread, by top frame (self) and
by any frame on the stack (inclusive).

Reads jdk.ExecutionSample (threads running Java code) and jdk.NativeMethodSample (threads inside a
native method, e.g. Thread.yield, FileChannel writes), as printed by `jfr print --json`.

Usage:
  jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 rec.jfr > rec.json
  python3 bench/profile/jfr_hotspots.py rec.json [--after 2026-11-29T10:50:00Z] [--before ...] [--top 15]
      [--within Engine.process] [--inclusive Class.method ...]

--after/--before keep samples in a time window (RenderBenchmark prints each run's start instant,
so the cold run can be cut off).
"""
import argparse
import collections
import json
import sys
from datetime import datetime


def parse_time(s):
    # JFR prints e.g. 2026-11-29T10:50:01.123456789Z (nanoseconds); keep microseconds.
    s = s.rstrip("Z")
    if "." in s:
        head, frac = s.split(".", 1)
        s = head + "." + frac[:6]
    return datetime.fromisoformat(s)


def frame_name(f):
    m = f["method"]
    t = m["type"]["name"]
    return t.replace("/", ".").rsplit(".", 1)[-1] + "." + m["name"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json")
    ap.add_argument("--after")
    ap.add_argument("--before")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--within", help="keep only samples with this frame (Class.method) on the stack,"
                    " e.g. Engine.process: shares are then of the time inside it")
    ap.add_argument("--inclusive", nargs="*", default=[],
                    help="method names (Class.method) whose inclusive share to report")
    a = ap.parse_args()
    after = parse_time(a.after) if a.after else None
    before = parse_time(a.before) if a.before else None
    events = json.load(open(a.json))["recording"]["events"]
    per_thread = collections.Counter()
    self_by = collections.defaultdict(collections.Counter)
    incl_by = collections.defaultdict(collections.Counter)
    native = collections.Counter()
    for e in events:
        v = e["values"]
        t = parse_time(v["startTime"])
        if (after and t < after) or (before and t > before):
            continue
        th = v["sampledThread"]
        name = th.get("javaName") or th.get("osName") or "?"
        st = v.get("stackTrace")
        if not st or not st["frames"]:
            continue
        frames = [frame_name(f) for f in st["frames"]]
        if a.within and a.within not in frames:
            continue
        per_thread[name] += 1
        if e["type"] == "jdk.NativeMethodSample":
            native[name] += 1
        self_by[name][frames[0]] += 1
        for fn in set(frames):
            incl_by[name][fn] += 1
    total = sum(per_thread.values())
    print(f"{total} samples")
    for name, n in per_thread.most_common():
        print(f"\n== thread {name}: {n} samples ({100.0 * n / total:.1f}% of all; "
              f"{native[name]} in native methods)")
        print("  self (top frame):")
        for fn, c in self_by[name].most_common(a.top):
            print(f"    {100.0 * c / n:5.1f}%  {fn}")
        print("  inclusive:")
        shown = 0
        for fn, c in incl_by[name].most_common():
            if a.inclusive and fn not in a.inclusive:
                continue
            print(f"    {100.0 * c / n:5.1f}%  {fn}")
            shown += 1
            if shown >= a.top * 2:
                break


if __name__ == "__main__":
    sys.exit(main())
