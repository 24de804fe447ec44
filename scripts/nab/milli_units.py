#!/usr/bin/env python3
"""NAB NDJSON events (stdin) -> the same events with `bytes` in integer milli-units (x1000, rounded), stdout."""
import json
import sys

for line in sys.stdin:
    event = json.loads(line)
    event["bytes"] = int(round(event["bytes"] * 1000))
    sys.stdout.write(json.dumps(event, separators=(",", ":")) + "\n")
