#!/usr/bin/env python3
"""Where a render's CPU time goes, from Linux perf samples of a JVM: per thread (comm), by top
frame (self) and by any frame on the stack (inclusive), optionally only inside one frame.

perf sees every on-CPU sample (Java, JNI natives such as StrictMath's fdlibm, the JVM, the
kernel), so it is a cross-check of JFR's jdk.ExecutionSample, which only keeps samples whose Java
stack it could walk.

Usage (JIT symbols need a perf map, written by the JVM at exit):
  java -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer ... &
  perf record -e cpu-clock -F 1999 -g -p PID -o rig.perf.data -- sleep 5
  perf script -i rig.perf.data -F comm,tid,ip,sym > rig.perf.txt
  python3 bench/profile/perf_hotspots.py rig.perf.txt [--within Engine.process] [--top 20]
      [--inclusive Class.method ...]
"""
import argparse
import collections
import re
import sys


def short(sym):
    """'void io.blockwise.dsp.Convolver.process(double[], ...)' -> 'Convolver.process'."""
    sym = sym.strip()
    m = re.match(r"^(?:[\w\[\]<>.$]+\s+)?([\w.$<>]+)\(", sym)
    if m:
        parts = m.group(1).split(".")
        return ".".join(parts[-2:]) if len(parts) >= 2 else parts[0]
    return sym.split("+0x")[0]


def samples(path):
    comm, frames = None, []
    for line in open(path, errors="replace"):
        if not line.strip():
            if comm is not None:
                yield comm, frames
            comm, frames = None, []
            continue
        if not line.startswith((" ", "\t")):
            comm = line.split()[0] if line.split() else "?"
            # perf prints the comm first; a comm with spaces is rare for JVM threads.
            continue
        parts = line.strip().split(None, 1)
        sym = parts[1] if len(parts) > 1 else "?"
        sym = re.sub(r"\s+\([^()]*\)$", "", sym)  # drop the trailing (dso)
        frames.append(short(sym))
    if comm is not None:
        yield comm, frames


# Class (simple name) -> component of the bench-rig's audio path. A sample belongs to the first
# frame, from the leaf up, whose class is listed: JIT inlining hides inlined callers, so a
# hierarchy (Engine.process > PitchShifter.process > ...) cannot be read from perf stacks, but
# the leaf-most owned class can.
COMPONENTS = {
    "PhaseLockedVocoder": "pitch shifter", "GrainResampler": "pitch shifter", "PitchShifter": "pitch shifter",
    "Convolver": "convolver", "PartitionLevel": "convolver", "SplitRealFft": "convolver",
    "HeadFir": "convolver", "UnitProgram": "convolver", "Cabinet": "convolver",
    "Preamp": "preamp", "Clipper": "preamp", "Clipper$1": "preamp",
    "InputFilter": "input filters", "Biquad": "input filters", "BiquadBank": "input filters",
    "PeakMeter": "meters", "Tuner": "tuner", "Engine": "engine (messages, chain glue)", "Chain": "engine (messages, chain glue)",
    "RtThread": "RtThread (hand-off wait; anything inlined into run)",
    "OfflineRenderer": "driver loop", "WavWriter": "WAV writing", "InputSignal": "input", "FileSource": "input",
}
FFT = ("CommonUtils", "DoubleFFT_1D")
NATIVE_MATH = ("jatan", "jexpm1", "jtanh", "__j__", "jcos", "jsin", "jfabs", "StrictMath")


def component(frames):
    fft = False
    math = False
    for f in frames:
        cls = f.split(".")[0]
        if cls in FFT:
            fft = True
        if f.startswith(NATIVE_MATH):
            math = True
        if cls in COMPONENTS:
            return COMPONENTS[cls], fft, math
    return "other (" + frames[0] + ")", fft, math


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("txt")
    ap.add_argument("--within")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--inclusive", nargs="*", default=[])
    ap.add_argument("--components", metavar="THREAD",
                    help="split THREAD's samples by component (leaf-most owned class), with the FFT"
                    " and StrictMath-native share of each")
    a = ap.parse_args()
    if a.components:
        comp = collections.Counter()
        fft = collections.Counter()
        math = collections.Counter()
        n = 0
        for comm, frames in samples(a.txt):
            if comm != a.components or not frames:
                continue
            n += 1
            c, f, m = component(frames)
            comp[c] += 1
            fft[c] += f
            math[c] += m
        print(f"{n} samples of thread {a.components}, by component (of which FFT / StrictMath natives):")
        for c, k in comp.most_common(a.top):
            print(f"  {100.0 * k / n:5.1f}%  {c}   ({100.0 * fft[c] / n:.1f}% FFT, {100.0 * math[c] / n:.1f}% StrictMath)")
        return
    per = collections.Counter()
    self_by = collections.defaultdict(collections.Counter)
    incl_by = collections.defaultdict(collections.Counter)
    for comm, frames in samples(a.txt):
        if not frames:
            continue
        if a.within and a.within not in frames:
            continue
        per[comm] += 1
        self_by[comm][frames[0]] += 1
        for f in set(frames):
            incl_by[comm][f] += 1
    total = sum(per.values())
    print(f"{total} samples" + (f" inside {a.within}" if a.within else ""))
    for comm, n in per.most_common(6):
        print(f"\n== thread {comm}: {n} samples ({100.0 * n / total:.1f}%)")
        print("  self (top frame):")
        for f, c in self_by[comm].most_common(a.top):
            print(f"    {100.0 * c / n:5.1f}%  {f}")
        if a.inclusive:
            print("  inclusive:")
            for f in a.inclusive:
                print(f"    {100.0 * incl_by[comm][f] / n:5.1f}%  {f}")


if __name__ == "__main__":
    sys.exit(main())
