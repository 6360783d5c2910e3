#!/usr/bin/env bash
# The peer table of BENCHMARKS.md in one command: Blockwise, scsynth (SuperCollider, non-realtime)
# and Csound render the same rig (60 s at 48 kHz, block 128: high-pass and low-pass filters, tanh
# drive, a 1 s cabinet IR, pitch shift up 3 semitones), each as a whole fresh process, as a user
# runs it. Rounds are interleaved (the order rotates every round) so that a change in the
# machine's load hits every tool alike; medians, x real time, peak memory and ratios are printed.
#
#   bench/peers.sh [--rounds N] [--load N] [--tools LIST]
#
#   --rounds N   rounds (default 5)
#   --load N     also run every round with N CPU-bound background processes (busy loops), next to
#                the quiet run, and print both tables and the degradation
#   --tools LIST comma-separated subset of: blockwise,blockwise-1s,scsynth,csound (default all)
#
# Installs nothing: a missing peer is skipped with the command that installs it. Inputs are made
# by bench/peers/make_inputs.py (numpy, scipy) in /tmp/peers, the folder the SuperCollider score
# names. Peak memory is the maximum resident set size from GNU time (/usr/bin/time).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=/tmp/peers
rounds=5
load=0
tools="blockwise,blockwise-1s,scsynth,csound"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --load) load="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "peers.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

missing() { echo "peers.sh: $1 not found; skipping it (install: $2)" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

if [ ! -x /usr/bin/time ]; then
  echo "peers.sh: GNU time (/usr/bin/time) is needed for peak memory (install: apt-get install time)" >&2
  exit 2
fi
selected=()
for t in ${tools//,/ }; do
  case "$t" in
    blockwise|blockwise-1s) selected+=("$t") ;;
    scsynth) if have scsynth; then selected+=(scsynth); else missing scsynth "apt-get install supercollider-server"; fi ;;
    csound) if have csound; then selected+=(csound); else missing csound "apt-get install csound"; fi ;;
    *) echo "peers.sh: unknown tool $t" >&2; exit 2 ;;
  esac
done

mkdir -p "$work/defs"
if [ ! -f "$work/in60.wav" ] || [ ! -f "$work/ir1s.wav" ]; then
  if ! python3 -c 'import numpy, scipy' >/dev/null 2>&1; then
    echo "peers.sh: making the inputs needs python3 with numpy and scipy (install: apt-get install python3-numpy python3-scipy)" >&2
    exit 2
  fi
  (cd "$work" && python3 "$here/bench/peers/make_inputs.py")
fi
cp "$here/bench/peers/rig.scsyndef" "$work/defs/"
cp "$here/bench/peers/rig.csd" "$here/bench/peers/score.osc" "$here/bench/peers/bench-rig.json" \
   "$here/bench/peers/bench-rig-1s.json" "$work/"

# Build (and let the launcher prepare its class-data archive) before anything is timed.
"$here/blockwise" --version >/dev/null

command_of() {
  case "$1" in
    blockwise) echo "$here/blockwise render $work/bench-rig.json -o $work/bw" ;;
    blockwise-1s) echo "$here/blockwise render $work/bench-rig-1s.json -o $work/bw" ;;
    scsynth) echo "scsynth -N $work/score.osc _ $work/out_sc.wav 48000 WAV float -o 1 -z 128" ;;
    csound) echo "csound $work/rig.csd" ;;
  esac
}
audio_seconds() { [ "$1" = blockwise-1s ] && echo 1 || echo 60; }

results="$(mktemp -t peers.XXXXXX)"
load_pids=()
stop_load() {
  for p in "${load_pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  load_pids=()
}
trap 'stop_load; rm -f "$results"' EXIT
start_load() {
  for _ in $(seq 1 "$1"); do
    (while :; do :; done) &
    load_pids+=("$!")
  done
}

phases=(quiet)
[ "$load" -gt 0 ] && phases+=("load$load")
n=${#selected[@]}
for r in $(seq 1 "$rounds"); do
  for phase in "${phases[@]}"; do
    [ "$phase" != quiet ] && start_load "$load"
    for i in $(seq 0 $((n - 1))); do
      t="${selected[$(( (i + r) % n ))]}"
      cmd="$(command_of "$t")"
      rm -f "$work/.time"
      status=0
      (cd "$work" && /usr/bin/time -o "$work/.time" -f '%e %M' $cmd >/dev/null 2>"$work/.stderr") || status=$?
      line="$(tail -n 1 "$work/.time" 2>/dev/null || true)"
      if [ "$status" -ne 0 ] || ! grep -Eq '^[0-9.]+ [0-9]+$' <<<"$line"; then
        echo "peers.sh: $t failed in round $r ($phase): $(tail -n 3 "$work/.stderr" | tr '\n' ' ')" >&2
        continue
      fi
      echo "$phase $t $line" >>"$results"
      echo "round $r $phase $t: $line (wall s, peak KB)" >&2
    done
    [ "$phase" != quiet ] && stop_load
  done
done

if [ -f "$work/bw/bench-rig/output.wav" ] && have soxi; then
  echo "Blockwise frames: $(soxi -s "$work/bw/bench-rig/output.wav") (60 s at 48 kHz is 2880000)"
fi
echo "$(nproc) cores, $(uname -m), $(java -version 2>&1 | head -n 1), rounds $rounds"
for phase in "${phases[@]}"; do
  echo
  echo "## $phase"
  printf '%-14s %10s %10s %12s %12s\n' tool "median s" "x real" "peak MB" "vs scsynth"
  sc="$(awk -v p="$phase" '$1==p && $2=="scsynth" {print $3}' "$results" | sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
  for t in "${selected[@]}"; do
    med="$(awk -v p="$phase" -v t="$t" '$1==p && $2==t {print $3}' "$results" | sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
    mem="$(awk -v p="$phase" -v t="$t" '$1==p && $2==t {print $4}' "$results" | sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
    [ -z "$med" ] && continue
    secs="$(audio_seconds "$t")"
    ratio="-"
    if [ -n "$sc" ] && [ "$t" != blockwise-1s ]; then ratio="$(awk -v a="$med" -v b="$sc" 'BEGIN {printf "%.2fx", a / b}')"; fi
    awk -v t="$t" -v m="$med" -v s="$secs" -v k="$mem" -v r="$ratio" \
      'BEGIN {printf "%-14s %10.2f %10.1f %12.0f %12s\n", t, m, s / m, k / 1024, r}'
  done
done
echo
echo "vs scsynth: Blockwise's (or Csound's) median wall time / scsynth's; below 1 is faster."
