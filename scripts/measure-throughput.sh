#!/usr/bin/env bash
# The throughput and memory measurements of docs/performance.md, in one run:
#   scripts/measure-throughput.sh [DIR]
# 1. `leakwatch bench` (1 and 2 workers, zstd -dc timed alongside) on a generated archive of about 2.2 GB raw
#    (9 days at 8 access events/s, 19 zstd files), then on a cardinality-attack file (a million distinct paths,
#    principals and addresses); each bench prints its peak RSS.
# 2. The same counting work in DuckDB (`pip install duckdb`), 2 threads, on the same archive.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/leakwatch-archive}

swift build -c release --product leakwatch >&2
bin=.build/release/leakwatch
[ -f "$dir/labels.json" ] || "$bin" generate --out "$dir" --days 9 --seed 99 --rate 8 --warmup-days 1
[ -f "$dir/attack.jsonl.zst" ] || python3 scripts/make-cardinality-attack.py "$dir/attack.jsonl.zst"

echo "== generated archive"
"$bin" bench --workers 1,2 --json "$dir/bench-archive.json" "$dir/logs"
echo "== cardinality attack"
"$bin" bench --workers 1,2 --json "$dir/bench-attack.json" "$dir/attack.jsonl.zst"
echo "== DuckDB"
if python3 -c "import duckdb" 2>/dev/null; then
    python3 scripts/duckdb-baseline.py --threads 2 "$dir"/logs/*.zst
else
    echo "duckdb is not installed: pip install duckdb"
fi
