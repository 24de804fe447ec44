#!/usr/bin/env python3
"""The replay's counting work done by DuckDB, for comparison with `leakwatch bench` on the same files.

    pip install duckdb
    scripts/duckdb-baseline.py [--threads 2] FILE.jsonl.zst...

Reads JSON lines (zstd, gzip or plain) with read_json, templates each path the way LeakWatch's defaults do
(query string dropped; numeric ids, UUIDs and long hex segments replaced), and counts requests, bytes and records
per method + endpoint template and minute. Prints seconds, raw MB/s and events/s. The raw size is measured with
`zstd -dc`/`gzip -dc` beforehand (outside the timing).
"""
import argparse
import gzip
import subprocess
import time

import duckdb

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("files", nargs="+")
args = parser.parse_args()

def raw_size(path):
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic == b"\x28\xb5\x2f\xfd":
        out = subprocess.run(["zstd", "-dc", path], stdout=subprocess.PIPE, check=True).stdout
        return len(out)
    if magic[:2] == b"\x1f\x8b":
        with gzip.open(path, "rb") as handle:
            return len(handle.read())
    with open(path, "rb") as handle:
        return len(handle.read())

raw = sum(raw_size(path) for path in args.files)
connection = duckdb.connect()
connection.execute(f"SET threads = {args.threads}")
files = "[" + ",".join("'" + path.replace("'", "''") + "'" for path in args.files) + "]"
query = f"""
WITH events AS (
    SELECT method,
           regexp_replace(
               regexp_replace(
                   regexp_replace(
                       regexp_replace(split_part(path, '?', 1),
                           '/[0-9]+(/|$)', '/{{id}}\\1', 'g'),
                       '/[0-9a-fA-F]{{8}}-[0-9a-fA-F]{{4}}-[0-9a-fA-F]{{4}}-[0-9a-fA-F]{{4}}-[0-9a-fA-F]{{12}}(/|$)', '/{{uuid}}\\1', 'g'),
                   '/[0-9a-fA-F]{{16,}}(/|$)', '/{{hex}}\\1', 'g'),
               '/[0-9]+(/|$)', '/{{id}}\\1', 'g') AS endpoint,
           date_trunc('minute', CAST(ts AS TIMESTAMP)) AS minute,
           bytes, records
    FROM read_json({files}, format = 'newline_delimited',
                   columns = {{ts: 'VARCHAR', method: 'VARCHAR', path: 'VARCHAR', bytes: 'BIGINT', records: 'BIGINT'}},
                   ignore_errors = true)
)
SELECT method, endpoint, minute, count(*) AS requests, sum(bytes) AS bytes, sum(records) AS records
FROM events GROUP BY ALL
"""
started = time.monotonic()
groups = connection.execute(f"SELECT count(*), sum(requests) FROM ({query})").fetchone()
seconds = time.monotonic() - started
print(f"duckdb {duckdb.__version__}, {args.threads} threads: {seconds:.2f} s, {raw / 1e6 / seconds:.1f} MB/s raw, "
      f"{groups[1] / seconds:.0f} events/s ({groups[1]} events, {groups[0]} endpoint x minute groups, {raw} bytes raw)")
