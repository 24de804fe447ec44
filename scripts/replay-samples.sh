#!/usr/bin/env bash
# Replays the bundled sample logs and scores the alerts against their labelled incidents.
# Installs libzstd-dev when it is missing (Debian/Ubuntu, as root or with sudo), then builds in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f /usr/include/zstd.h ]; then
    echo "installing libzstd-dev ..." >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libzstd-dev zlib1g-dev pkg-config
fi

swift build -c release --product leakwatch >&2
exec .build/release/leakwatch replay --labels sample-logs/labels.json "$@" sample-logs/logs
