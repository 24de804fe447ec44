#!/usr/bin/env bash
# Scores LeakWatch on the Numenta Anomaly Benchmark with the validated scorer in ../shared/tools/nab.
#
#   scripts/nab/score-nab.sh [OUT_DIR]      (default out/nab; needs ../shared next to the project)
#
# Steps: NAB series -> one merged NDJSON stream in time order (to_ndjson.py), values in milli-units; replay it
# through the release build with scripts/nab/nab.yml; firing alerts on endpoint keys -> NAB alerts; score them under
# the three NAB profiles. Every series starts cold and the detector never sees labels.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${LEAKWATCH_SHARED:-$root/../shared}"
out="${1:-$root/out/nab}"
mkdir -p "$out"
swift build -c release --product leakwatch --package-path "$root" >&2
python3 "$shared/tools/nab/to_ndjson.py" --nab "$shared/datasets/nab" --merged "$out/nab-raw.ndjson" >&2
python3 "$root/scripts/nab/milli_units.py" < "$out/nab-raw.ndjson" > "$out/nab.ndjson"
"$root/.build/release/leakwatch" replay --config "$root/scripts/nab/nab.yml" "$out/nab.ndjson" \
    > "$out/leakwatch-alerts.jsonl" 2> "$out/replay-summary.txt"
python3 "$root/scripts/nab/nab_alerts.py" < "$out/leakwatch-alerts.jsonl" > "$out/nab-alerts.ndjson"
echo "alerts: $(wc -l < "$out/nab-alerts.ndjson")" >&2
python3 "$shared/tools/nab/nab_score.py" --nab "$shared/datasets/nab" --alerts "$out/nab-alerts.ndjson" "${@:2}"
