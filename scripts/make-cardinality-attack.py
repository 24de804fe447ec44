#!/usr/bin/env python3
"""Writes a cardinality-attack log: every event has a path, principal and source address never seen before.

    scripts/make-cardinality-attack.py OUT.jsonl.zst [EVENTS]   (default 1,000,000 events over two hours)

Paths are made of random words that endpoint templating keeps (no ids, hex or tokens), so each is a new
endpoint key; LeakWatch must hold memory at its per-dimension caps and count the rest as overflow.
"""
import random
import subprocess
import sys

out = sys.argv[1]
events = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(1)
letters = "abcdefghijklmnopqrstuvwxyz"
start = 1_772_409_600_000  # 2026-03-02T00:00:00Z
span = 2 * 3_600_000

def word(length):
    return "".join(rng.choice(letters) for _ in range(length))

zstd = subprocess.Popen(["zstd", "-q", "-f", "-o", out], stdin=subprocess.PIPE)
buffer = []
for index in range(events):
    millis = start + index * span // events
    seconds, ms = divmod(millis, 1000)
    path = f"/api/v2/{word(8)}/{word(10)}"
    principal = f"{word(6)}.{index}@attacker.example"
    ip = f"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}"
    buffer.append(
        f'{{"ts":{millis},"method":"GET","path":"{path}","status":200,"bytes":{rng.randrange(200, 5000)},'
        f'"records":1,"principal":"{principal}","src_ip":"{ip}"}}\n')
    if len(buffer) == 10_000:
        zstd.stdin.write("".join(buffer).encode())
        buffer.clear()
zstd.stdin.write("".join(buffer).encode())
zstd.stdin.close()
sys.exit(zstd.wait())
