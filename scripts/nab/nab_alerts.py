#!/usr/bin/env python3
"""LeakWatch alert JSON lines (stdin) -> NAB alert NDJSON (stdout): one line per firing alert keyed on an endpoint."""
import json
import sys

for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    alert = json.loads(line)
    key = alert.get("key", {})
    if alert.get("status") != "firing" or key.get("dimension") != "endpoint":
        continue
    # The alert's time is the end of the judged window; NAB credits it to the last row at or before that time.
    # Paths are keyed with a leading "/", NAB series without.
    print(json.dumps({"endpoint": key["endpoint"].lstrip("/"), "ts": alert["time"][:19] + "Z"}))
