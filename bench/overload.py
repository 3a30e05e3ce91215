#!/usr/bin/env python3
"""
Overload check of the packaged H2 service at the production heap (-Xmx160m -XX:+UseSerialGC, MALLOC_ARENA_MAX=2):
what an operator's bad day does to it, and whether it answers normally afterwards.

  1. 8 imports at once, each a year of the whole country (the generator's tidy CSV): each must land whole or be
     refused with a 503 or 4xx problem; no 500.
  2. 32 clients asking for distinct uncached rankings for a minute: only 200 and 503, no OutOfMemoryError.
  3. 200 slow uploads (200 bytes/s) with editor credentials while a plain read is timed: under 1 s.
After each step the service must answer key figures normally. Prints the figures and exits non-zero on a breach.

  python3 bench/generate.py --out /tmp/bench-data   # once: the national dataset
  ./mvnw package -DskipTests                        # the H2 build
  python3 bench/overload.py --data /tmp/bench-data
"""
import argparse
import base64
import collections
import concurrent.futures
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PORT = 18095
PASSWORD = "overload-check"
AUTH = "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
ROOT = Path(__file__).resolve().parent.parent


def get(path, timeout=120):
    began = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=timeout) as answer:
            answer.read()
            return answer.status, time.monotonic() - began
    except urllib.error.HTTPError as error:
        error.read()
        return error.code, time.monotonic() - began


def start(data_dir, log):
    env = dict(os.environ, NOEGLETAL_EDITOR_PASSWORD=PASSWORD, QUARKUS_HTTP_PORT=str(PORT),
               NOEGLETAL_DATA_DIR=str(data_dir), MALLOC_ARENA_MAX="2")
    process = subprocess.Popen(["java", "-Xmx160m", "-XX:+UseSerialGC", "-jar",
                                str(ROOT / "target/quarkus-app/quarkus-run.jar")], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    for _ in range(480):
        if process.poll() is not None:
            raise SystemExit("the service stopped at start")
        try:
            if get("/q/health/ready", timeout=1)[0] == 200:
                return process
        except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout):
            pass
        time.sleep(0.25)
    raise SystemExit("the service did not become ready")


def answers_normally(breaches, when):
    status, seconds = get("/api/v1/areas/157/key-figures?period=2018")
    ready = get("/q/health/ready")[0]
    print(f"  afterwards: key figures {status} in {seconds * 1000:.0f} ms, readiness {ready}")
    if status != 200 or ready != 200:
        breaches.append(f"the service did not answer normally after {when}")


def eight_imports(data, breaches):
    manifest = json.loads((data / "manifest.json").read_text())
    files = [data / entry["tidy"] for entry in manifest["files"]][-8:]
    size = sum(path.stat().st_size for path in files)
    began = time.monotonic()

    def one(path):
        # curl, as an analyst would: it sends Expect: 100-continue, so a refusal comes before the upload.
        started = time.monotonic()
        answer = subprocess.run(["curl", "-s", "-X", "POST", "-H", "Content-Type: text/csv", "-H",
                                 f"Authorization: {AUTH}", "--data-binary", f"@{path}", "-w",
                                 "\n%{http_code} %{content_type}",
                                 f"http://127.0.0.1:{PORT}/api/v1/imports?source=overload"],
                                capture_output=True, text=True).stdout
        text, _, last = answer.rpartition("\n")
        status, _, content_type = last.partition(" ")
        return int(status), content_type, text or "{}", time.monotonic() - started

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(one, files))
    print(f"1. 8 concurrent imports of a year each ({size / 1e6:.1f} MB) "
          f"in {time.monotonic() - began:.1f} s:")
    for path, (status, content_type, text, seconds) in zip(files, results):
        detail = json.loads(text).get("rowsRead") if status == 201 else json.loads(text).get("detail", "")[:90]
        print(f"  {path.name}: {status} in {seconds:.1f} s ({detail})")
        if status >= 500 and status != 503 or (status >= 400 and "problem+json" not in (content_type or "")):
            breaches.append(f"import {path.name} answered {status} {content_type}")
    return sorted({int(path.name[13:17]) for path, result in zip(files, results) if result[0] == 201})


def distinct_rankings(years, breaches, clients=32, seconds=60):
    groups = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/v1/target-groups").read())
    codes = [group["code"] for group in groups] + ["i-alt"]
    periods = [str(y) for y in years] + [f"{y}Q{q}" for y in years for q in range(1, 5)] \
        + [f"{y}-{m:02d}" for y in years for m in range(1, 13)]
    urls = [f"/api/v1/rankings?targetGroup={g}&period={p}&by={b}&order={o}"
            for g, p, b, o in itertools.product(codes, periods, ["share-of-population", "full-time-persons",
                                                                 "change-percent", "national-share"],
                                                ["asc", "desc"])]
    random.Random(2026).shuffle(urls)
    queue = iter(urls)
    lock = threading.Lock()
    statuses = collections.Counter()
    latencies = []
    deadline = time.monotonic() + seconds

    def client():
        while time.monotonic() < deadline:
            with lock:
                url = next(queue)
            try:
                status, took = get(url)
            except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout) as error:
                status, took = f"error {type(error).__name__}", 0
            with lock:
                statuses[status] += 1
                latencies.append(took)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    total = sum(statuses.values())
    print(f"2. {clients} clients, distinct uncached rankings for {seconds} s (of {len(urls)} distinct URLs): "
          f"{total} answers {dict(statuses)}, {statuses[200] / seconds:.1f} rankings/s, "
          f"p50 {latencies[total // 2] * 1000:.0f} ms, p99 {latencies[int(total * 0.99)] * 1000:.0f} ms")
    if set(statuses) - {200, 503}:
        breaches.append(f"rankings answered {dict(statuses)}")


def slow_uploads(breaches, uploads=200):
    body = ("area,target_group,measure,period,value\n" + "".join(
        f"101,dagpenge,full-time-persons,{2150 + i // 12}-{i % 12 + 1:02d},{i}\n" for i in range(1200))).encode()
    sockets = []
    for _ in range(uploads):
        s = socket.create_connection(("127.0.0.1", PORT))
        s.sendall((f"POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nAuthorization: {AUTH}\r\n"
                   f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:100])
        sockets.append(s)
    stop = threading.Event()

    def trickle():
        offset = 100
        while not stop.is_set() and offset < len(body):
            for s in sockets:
                try:
                    s.sendall(body[offset:offset + 1])
                except OSError:
                    pass
            offset += 1
            time.sleep(1)

    trickler = threading.Thread(target=trickle)
    trickler.start()
    time.sleep(3)
    reads = [get("/api/v1/areas/157")[1] for _ in range(10)]
    stop.set()
    trickler.join()
    for s in sockets:
        s.close()
    print(f"3. {uploads} slow uploads in progress: a plain read took {max(reads) * 1000:.0f} ms at most "
          f"(median {sorted(reads)[5] * 1000:.0f} ms) over 10 reads")
    if max(reads) > 1:
        breaches.append(f"a plain read took {max(reads):.1f} s during slow uploads")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the output folder of bench/generate.py")
    parser.add_argument("--seconds", type=int, default=60, help="how long the rankings run")
    arguments = parser.parse_args()
    breaches = []
    with tempfile.TemporaryDirectory() as work:
        work = os.environ.get("OVERLOAD_WORK", work)
        log_path = Path(work) / "service.log"
        with open(log_path, "w") as log:
            process = start(Path(work) / "data", log)
            try:
                years = eight_imports(arguments.data, breaches)
                answers_normally(breaches, "the imports")
                distinct_rankings(years or [2018], breaches, seconds=arguments.seconds)
                answers_normally(breaches, "the rankings")
                slow_uploads(breaches)
                answers_normally(breaches, "the slow uploads")
            finally:
                process.terminate()
                try:
                    process.wait(30)
                    print(f"  stopped by SIGTERM (exit {process.returncode})")
                except subprocess.TimeoutExpired:
                    breaches.append("SIGTERM did not stop the service within 30 s")
                    process.kill()
        text = log_path.read_text()
        for marker in ("OutOfMemoryError", "Database is already closed", "The database has been closed"):
            if marker in text:
                breaches.append(f"the log holds {marker}")
    print("overload check: " + ("passed" if not breaches else "FAILED: " + "; ".join(breaches)))
    sys.exit(1 if breaches else 0)


if __name__ == "__main__":
    main()
