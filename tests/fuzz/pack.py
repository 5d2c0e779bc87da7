#!/usr/bin/env python3
"""Packs files into one fuzz input as tests/fuzz/fuzz_support.h split() reads it: the
lengths of all parts but the last as little-endian uint32, then the parts.

Usage: pack.py OUT PART1 [PART2 ...]"""
import struct
import sys

out, parts = sys.argv[1], [open(p, "rb").read() for p in sys.argv[2:]]
with open(out, "wb") as f:
    for p in parts[:-1]:
        f.write(struct.pack("<I", len(p)))
    for p in parts:
        f.write(p)
