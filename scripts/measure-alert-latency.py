#!/usr/bin/env python3
"""Time from a log line being written to its alert reaching a webhook, through `leakwatch monitor`.

Starts a webhook receiver on 127.0.0.1 (it checks each request's Standard Webhooks signature), starts the daemon
on a fresh directory, writes steady background traffic stamped with the current time, and every few seconds a
burst of undeclared requests from a configured AI integration (a new one each time), which `provenance_missing`
reports when the burst's window closes. Prints the latency of each burst's first alert: median and p99.

    scripts/measure-alert-latency.py [--binary .build/release/leakwatch] [--bursts 20] [--window 10s]
    scripts/measure-alert-latency.py --window 1m --lateness 2m --bursts 5 --wait 240    # the defaults

Latency is dominated by the window: an alert comes when a later event closes the window plus the allowed
lateness. With the defaults (1m windows, 2m lateness) expect about 2.5-3.5 minutes; this script uses 10 s
windows and 2 s lateness so that a run takes minutes, and prints the expected window share next to the figures.
"""
import argparse, base64, hashlib, hmac, http.server, json, os, random, shutil, signal, socket, statistics
import subprocess, sys, tempfile, threading, time

SECRET = base64.b64encode(b"latency-measurement-secret-0123456789").decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver(http.server.BaseHTTPRequestHandler):
    arrivals = []  # (time, alert) for every firing alert
    bad_signatures = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers["content-length"]))
        now = time.time()
        signed = f"{self.headers['webhook-id']}.{self.headers['webhook-timestamp']}.".encode() + body
        expected = base64.b64encode(hmac.new(base64.b64decode(SECRET), signed, hashlib.sha256).digest()).decode()
        if ("v1," + expected) not in self.headers.get("webhook-signature", "").split(" "):
            Receiver.bad_signatures += 1
        for alert in json.loads(body)["data"]["alerts"]:
            if alert["status"] == "firing":
                Receiver.arrivals.append((now, alert))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def line(principal, now, provenance=True):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % int((now % 1) * 1000)
    extra = ',"provenance":"human"' if provenance else ""
    return (f'{{"ts":"{stamp}","method":"GET","path":"/api/v2/contacts/{random.randint(1, 99999)}",'
            f'"status":200,"bytes":900,"records":1,"principal":"{principal}","src_ip":"10.0.0.7"{extra}}}\n')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/leakwatch")
    parser.add_argument("--bursts", type=int, default=20)
    parser.add_argument("--window", default="10s")
    parser.add_argument("--lateness", default="2s")
    parser.add_argument("--wait", type=float, default=30, help="seconds to keep writing after the last burst")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="leakwatch-latency-")
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ai = [f"svc-ai-{n}" for n in range(args.bursts)]
    os.makedirs(f"{work}/in")
    with open(f"{work}/leakwatch.yml", "w") as config:
        config.write(f"""input:
  paths: ["{work}/in"]
engine:
  window: {args.window}
  allowed_lateness: {args.lateness}
detectors:
  provenance_missing:
    ai_principals: {json.dumps(ai)}
monitor:
  state_dir: {work}/state
  metrics_address: ""
sinks:
  - type: webhook
    url: http://127.0.0.1:{port}/hook
    secret_env: LW_LATENCY_SECRET
    outbox:
      directory: {work}/outbox
""")
    env = dict(os.environ, LW_LATENCY_SECRET="whsec_" + SECRET)
    daemon = subprocess.Popen([args.binary, "monitor", "--config", f"{work}/leakwatch.yml"], env=env,
                              stdout=subprocess.DEVNULL, stderr=open(f"{work}/monitor.err", "w"))
    written = {}
    try:
        with open(f"{work}/in/gateway.jsonl", "a", buffering=1) as log:
            next_burst = time.time() + 5
            burst = 0
            end = None
            while end is None or time.time() < end:
                now = time.time()
                for n in range(5):  # about 100 background lines a second, declared, from ordinary users
                    log.write(line(f"user-{random.randint(1, 40)}", now))
                if burst < args.bursts and now >= next_burst:
                    text = "".join(line(ai[burst], time.time(), provenance=False) for _ in range(45))
                    log.write(text)
                    log.flush()
                    written[ai[burst]] = time.time()
                    burst += 1
                    next_burst = now + random.uniform(3, 7)
                    if burst == args.bursts:
                        end = time.time() + args.wait
                time.sleep(0.05)
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
        server.shutdown()
    first = {}
    for arrived, alert in Receiver.arrivals:
        principal = alert["key"].get("principal")
        if alert["detector"] == "provenance_missing" and principal in written and principal not in first:
            first[principal] = arrived - written[principal]
    latencies = sorted(first.values())
    print(f"bursts {args.bursts}, alerts received for {len(latencies)}, bad signatures {Receiver.bad_signatures}")
    if latencies:
        p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))]
        print(f"line written -> alert at the webhook: median {statistics.median(latencies):.2f} s, "
              f"p99 {p99:.2f} s, min {latencies[0]:.2f} s, max {latencies[-1]:.2f} s "
              f"(window {args.window} + lateness {args.lateness}: a line waits on average half a window for its "
              f"window to end, then the lateness)")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if len(latencies) == args.bursts and Receiver.bad_signatures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
