#!/usr/bin/env python3
"""Writes the WAV assets the bundled scenarios use (deterministic: a fixed LCG, no libraries).

irs/cab-44k1-stereo.wav  a 150 ms cabinet-like IR at 44.1 kHz, stereo, 24-bit (resampled to the
                         scenario's rate, mixed to mono and normalised by the renderer)
inputs/di-riff.wav       2 s of a synthetic DI guitar riff at 48 kHz, mono, 16-bit
"""
import math, struct, wave

class Lcg:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF
    def uniform(self):
        self.s = (1664525 * self.s + 1013904223) & 0xFFFFFFFF
        return self.s / 2**31 - 1.0

def write(path, rate, channels, width, frames):
    with wave.open(path, 'wb') as w:
        w.setnchannels(channels); w.setsampwidth(width); w.setframerate(rate)
        full = 2 ** (8 * width - 1) - 1
        data = bytearray()
        for frame in frames:
            for x in frame:
                v = max(-full - 1, min(full, int(round(x * full))))
                data += v.to_bytes(width, 'little', signed=True)
        w.writeframes(bytes(data))

def cabinet_ir():
    rate, n, rng = 44100, int(0.15 * 44100), Lcg(12345)
    lp_l = lp_r = 0.0
    out = []
    for i in range(n):
        env = math.exp(-i / (0.02 * rate))
        lp_l += 0.35 * (rng.uniform() - lp_l)
        lp_r += 0.30 * (rng.uniform() - lp_r)
        out.append((0.9 * env * lp_l, 0.8 * env * lp_r))
    out[0] = (0.95, 0.9)
    return rate, out

def di_riff():
    rate, rng = 48000, Lcg(777)
    notes = [(0.0, 82.41), (0.25, 82.41), (0.5, 110.0), (0.75, 123.47), (1.0, 98.0), (1.5, 146.83)]
    n = 2 * rate
    x = [0.0] * n
    for start, hz in notes:
        s = int(start * rate)
        for i in range(s, n):
            t = (i - s) / rate
            env = math.exp(-t * 3.0) * (1 - math.exp(-t * 800))
            x[i] += 0.3 * env * (math.sin(2 * math.pi * hz * t) + 0.4 * math.sin(4 * math.pi * hz * t)
                                 + 0.2 * math.sin(6 * math.pi * hz * t))
    for i in range(n):
        x[i] += 0.002 * rng.uniform()
    return rate, [(v,) for v in x]

if __name__ == '__main__':
    rate, frames = cabinet_ir()
    write('irs/cab-44k1-stereo.wav', rate, 2, 3, frames)
    rate, frames = di_riff()
    write('inputs/di-riff.wav', rate, 1, 2, frames)
