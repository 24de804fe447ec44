#!/usr/bin/env bash
# Measures replay throughput and peak RSS on a generated archive next to `zstd -dc` on the same files.
#   scripts/measure-throughput.sh [DIR] [DAYS] [RATE]
# Defaults: /tmp/leakwatch-archive, 3 days at 8 access events/s (about 900 MB raw, 100 MB zstd).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/leakwatch-archive}
days=${2:-3}
rate=${3:-8}

swift build -c release --product leakwatch >&2
bin=.build/release/leakwatch
[ -f "$dir/labels.json" ] || "$bin" generate --out "$dir" --days "$days" --seed 99 --rate "$rate" --warmup-days 1

raw=$(zstd -dc "$dir"/logs/*.zst | wc -c)
start=$(date +%s.%N)
zstd -dc "$dir"/logs/*.zst >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v raw="$raw" \
    'BEGIN { printf "zstd -dc: %.2f s, %.1f MB/s raw (%d bytes)\n", e - s, raw / 1e6 / (e - s), raw }'

for workers in 1 2; do
    /usr/bin/time -f "  peak RSS %M KB" "$bin" replay --quiet --workers "$workers" "$dir/logs" 2>&1 \
        | grep -E "workers|speed|stages|peak RSS"
done
