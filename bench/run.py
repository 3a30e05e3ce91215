#!/usr/bin/env python3
"""The benchmark: imports the national dataset and loads the endpoints as users do, and writes one report.

One command, python3 bench/run.py, measures the packaged service on H2 and on PostgreSQL, each figure the median of
--repeat runs, beside what the machine allows:

  - Import throughput (observations/s) of the national history (1.4 M observations, 2007-2025) into an empty
    database, in four forms: tidy CSV and Jobindsats v2 JSON, each as 19 yearly files and as the whole history in
    one file (one request); with the peak resident memory (VmHWM) of the service in each run. Beside it,
    PostgreSQL's own COPY of the same tidy CSV files (the yearly ones and the one file) into a plain table. An
    import the service refuses (413 body too large, 400 too many observations) is reported as "refused: ...", one
    that fails (a 5xx, the connection lost) as "failed: ...".
  - Cache hits: requests/s and p50/p99 latency under wrk at 1, 8 and 32 connections of one URL each of key figures,
    the ranking of 98 municipalities, the quarterly report, the annual appendix and a trivial JSON endpoint
    (/api/v1/measures, the limit).
  - Cache misses: the same at 1, 8 and 32 connections for mixes of URLs that walk the 98 municipalities, the
    target groups, the periods (months, quarters, years) and the parameters of each endpoint family (key figures,
    rankings, quarterly report, annual appendix, and the endpoints of any table on Jobindsats' y60a02, imported
    from src/main/resources/demo), in a shuffled order so that few requests repeat; before every run a small
    import changes one value, so that every answer kept from before is stale. Answers are counted by status:
    503 (the service shedding load) apart from other non-2xx; the service's log is searched for OutOfMemoryError.
    A sample of every mix is checked to answer 200 first (anything else is a harness error in the report).
    Before the loads (hits and misses), a warm-up of --warm-up seconds (60) over all the mixes, unmeasured. Every
    load run also gives the service's CPU per answer (its threads' but the JIT compilers', over the run).
  - First answers after an import: a small import changes one value, then one GET of an endpoint, of a URL not
    asked before, is timed; for each endpoint, --repeat times.
  - Start-up time and resident memory with the national dataset loaded.
Writes bench/results/report.md and bench/results/report.json (--small: report-small.*; --class-data-archive:
report-class-data-archive.*), with a table of the targets of the issue (measured, limit, met) for H2 and
PostgreSQL.

On two cores it takes some 52 minutes; --repeat, --duration, --databases and --small (a small dataset, for a smoke
run of the harness) shorten it.
Needs java, python3, wrk (apt-get install wrk), psql and a PostgreSQL server on 127.0.0.1:5432 (user postgres);
the database is NOEGLETAL_BENCH_DB (default noegletal_bench, created when missing, its schema public emptied), the
service's port NOEGLETAL_BENCH_PORT (default 18181).
"""
import argparse
import base64
import concurrent.futures
import http.client
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
RESULTS = BENCH / "results"
PORT = int(os.environ.get("NOEGLETAL_BENCH_PORT", "18181"))
PASSWORD = "bench-editor"
AUTHORIZATION = "Basic " + base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", "5432", "postgres"
PG_DB = os.environ.get("NOEGLETAL_BENCH_DB", "noegletal_bench")
# How the service is run: as the README recommends for production.
JVM_OPTIONS = ["-Xmx160m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000"]
SERVICE_ENVIRONMENT = {"MALLOC_ARENA_MAX": "2"}
CONNECTIONS = [1, 8, 32]
CSV_COLUMNS = "area varchar(16), target_group varchar(64), measure varchar(32), period varchar(8), " \
              "value decimal(19, 6), status varchar(16)"
TABLE = "y60a02"
TABLE_FILE = ROOT / "src" / "main" / "resources" / "demo" / "jobindsats-v3-y60a02-kontanthjaelp-2021M08-2026M07.json"
DATABASES = {"h2": "H2", "postgresql": "PostgreSQL"}
# The import forms, in the order they run in each attempt: the tidy CSV of yearly files last, so that the last
# attempt's database holds it for the load runs.
IMPORTS = {
    "jobindsats-yearly": ("Jobindsats v2 JSON, one file per year", "jobindsats", "application/json", False),
    "tidy-whole": ("tidy CSV, the whole history as one file", "tidy", "text/csv", True),
    "jobindsats-whole": ("Jobindsats v2 JSON, the whole history as one file", "jobindsats", "application/json", True),
    "tidy-yearly": ("tidy CSV, one file per year", "tidy", "text/csv", False),
}
TRIVIAL = "trivial JSON (/api/v1/measures)"
FAMILIES = ["key figures", "rankings", "quarterly report", "annual appendix", "table endpoints"]
FIRST_ANSWERS = {  # endpoint: the most milliseconds its first answer after an import may take (None: no target)
    "ranking (98 municipalities)": 100, "key figures": 50, "quarterly report": 100, "annual appendix": 100,
    "table key figures": None, "table ranking": None, "table comparison": None,
}
RANK_BY = ["share-of-population", "full-time-persons", "change-percent", "national-share"]
ORDERS = ["asc", "desc"]
MEMORY_LIMIT_MB = 400


def log(message):
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, cwd=ROOT, **kwargs)


def psql(sql, database=PG_DB):
    return run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", database, "-v", "ON_ERROR_STOP=1",
                "-qtA", "-c", sql], capture_output=True, text=True).stdout.strip()


def build(skip):
    """Packages the PostgreSQL build, then the default (H2) build, and keeps a copy of each."""
    for name, extra in (("app-pg", ["-Ppostgresql"]), ("app-h2", [])):
        target = WORK / name
        if skip and (target / "quarkus-run.jar").exists():
            continue
        log(f"building {name}")
        run(["./mvnw", "-B", "-q", "package", "-DskipTests", *extra])
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "target" / "quarkus-app", target)


def dataset(small, seed):
    out = WORK / ("data-small" if small else "data")
    manifest = out / "manifest.json"
    flags = ["--seed", str(seed), "--out", str(out), *(["--small"] if small else [])]
    if not (manifest.exists() and json.loads(manifest.read_text())["seed"] == seed):
        log("generating the dataset")
        run([sys.executable, str(BENCH / "generate.py"), *flags])
    elif "whole" not in json.loads(manifest.read_text()):
        log("writing the whole history as one file per format")
        run([sys.executable, str(BENCH / "generate.py"), "--whole-only", *flags])
    return out, json.loads(manifest.read_text())


class Service:
    """The packaged service in a process of its own, with a log of its own under bench/work/logs."""

    def __init__(self, app, label, env, jvm_options=()):
        self.app, self.label, self.env, self.jvm_options, self.process = app, label, env, list(jvm_options), None
        self.log_path = WORK / "logs" / f"{label}.log"

    def start(self):
        env = dict(os.environ, NOEGLETAL_EDITOR_PASSWORD=PASSWORD, QUARKUS_HTTP_PORT=str(PORT),
                   **SERVICE_ENVIRONMENT, **self.env)
        self.log = open(self.log_path, "a")
        began = time.monotonic()
        self.process = subprocess.Popen(["java", *JVM_OPTIONS, *self.jvm_options, "-jar",
                                         str(WORK / self.app / "quarkus-run.jar")],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        while time.monotonic() - began < 180:
            if self.process.poll() is not None:
                raise SystemExit(f"the service stopped at start; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/q/health/ready", timeout=1) as answer:
                    if answer.status == 200:
                        return time.monotonic() - began
            except (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        self.stop()
        raise SystemExit(f"the service did not become ready in 180 s; see {self.log_path}")

    def rss_mb(self):
        """Resident memory now (VmRSS) and its peak over the process's life (VmHWM), in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        values = {key: int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024 for key in ("VmRSS", "VmHWM")}
        return round(values["VmRSS"]), round(values["VmHWM"])

    def cpu_seconds(self):
        """CPU time the process has used (user and system, all threads)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def cpu_split(self):
        """
        CPU seconds the process has used: by its threads but the JIT compilers', and by the compilers (C1, C2), which
        still compile minutes into a load and take a share that has nothing to do with the answers measured. The
        process's own count includes threads that have ended (a pool's idle threads end, and a sum over the threads
        alive at the end of a run would lose their time); the compilers' threads are read one by one.
        """
        tick = os.sysconf("SC_CLK_TCK")
        compilers = 0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                stat = (task / "stat").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue  # a thread that ended meanwhile
            if "CompilerThre" in stat[stat.index("(") + 1:stat.rindex(")")]:
                fields = stat.rsplit(")", 1)[1].split()
                compilers += int(fields[11]) + int(fields[12])
        return self.cpu_seconds() - compilers / tick, compilers / tick

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def h2_env(data_dir):
    return {"NOEGLETAL_DATA_DIR": str(data_dir), "NOEGLETAL_DEMO_ENABLED": "false"}


def pg_env():
    return {"NOEGLETAL_DB_URL": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{PG_DB}", "NOEGLETAL_DB_USER": PG_USER}


# --- HTTP ------------------------------------------------------------------------------------------------------

def get(path, timeout=300):
    """One GET: its status, milliseconds to the whole answer, and the answer."""
    began = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=timeout) as answer:
            body = answer.read()
            return answer.status, (time.monotonic() - began) * 1000, body
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, (time.monotonic() - began) * 1000, body


def get_json(path):
    status, _, body = get(path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}: {body[:300]!r}")
    return json.loads(body)


def post(query, body, content_type, timeout=1800):
    """
    POSTs an import (bytes or a file) and returns (status, answer, seconds). Written by hand rather than with
    urllib, so that a body the service refuses before reading it (a 413, after which it closes the connection)
    gives its answer instead of a broken pipe.
    """
    size = body.stat().st_size if isinstance(body, Path) else len(body)
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    began = time.monotonic()
    failure = None
    try:
        connection.putrequest("POST", f"/api/v1/imports{query}", skip_accept_encoding=True)
        for name, value in (("Content-Type", content_type), ("Authorization", AUTHORIZATION),
                            ("Content-Length", str(size)), ("Accept", "application/json")):
            connection.putheader(name, value)
        connection.endheaders()
        try:
            if isinstance(body, Path):
                with open(body, "rb") as f:
                    while chunk := f.read(1 << 20):
                        connection.sock.sendall(chunk)
            else:
                connection.sock.sendall(body)
        except OSError as error:
            failure = error  # the service may have answered and closed: read its answer below
        try:
            answer = connection.getresponse()
            text = answer.read()
            return answer.status, text, time.monotonic() - began
        except (OSError, http.client.HTTPException) as error:
            return None, f"the connection closed while sending the body ({failure or error})", \
                time.monotonic() - began
    finally:
        connection.close()


def problem_detail(status, text):
    if status is None:
        return text
    try:
        answer = json.loads(text)
        return f"{status} {answer.get('detail') or answer.get('title') or ''}".strip()
    except (ValueError, AttributeError):
        return f"{status} {text[:200]!r}"


def settle(service, limit=120):
    """
    Waits until the service is idle: wrk stops waiting at the end of a run, but the service goes on with the
    requests it had (computing them, or waiting its turn before a 503), and its metrics do not show that work.
    Idle is less than 5 % of a core over a second of the process's CPU time (all its threads, GC and JIT too).
    """
    began = time.monotonic()
    last = service.cpu_seconds()
    while time.monotonic() - began < limit:
        time.sleep(1)
        now = service.cpu_seconds()
        if now - last < 0.05:
            return round(time.monotonic() - began, 1)
        last = now
    return round(time.monotonic() - began, 1)


def server_statuses():
    """Requests the service has answered by status, from its metrics."""
    counts = {}
    status, _, body = get("/q/metrics", timeout=30)
    if status != 200:
        return counts
    for labels, value in re.findall(rb"^http_server_requests_seconds_count\{([^}]*)\} ([\d.E+]+)", body, re.M):
        code = re.search(rb'status="(\d+)"', labels)
        if code:
            counts[code.group(1).decode()] = counts.get(code.group(1).decode(), 0) + int(float(value))
    return counts


# --- Imports ---------------------------------------------------------------------------------------------------

def import_files(files, content_type, expected, query=""):
    """Posts the files one after another (read beforehand); observations/s, or why they were not stored."""
    for path in files:
        path.read_bytes()  # in the page cache before the clock starts
    began = time.monotonic()
    stored = 0
    for path in files:
        status, text, _ = post(query, path, content_type)
        if status != 201:
            outcome = "refused" if status is not None and 400 <= status < 500 else "failed"
            return {"not_stored": f"{outcome}: {path.name}: {problem_detail(status, text)}"}
        stored += json.loads(text)["rowsRead"]
    seconds = time.monotonic() - began
    if expected is not None and stored != expected:
        return {"not_stored": f"failed: {stored} observations read of {expected}"}
    return {"observations": stored, "seconds": round(seconds, 3), "obs_per_s": round(stored / seconds)}


def import_form(data, manifest, form):
    label, key, content_type, whole = IMPORTS[form]
    files = [data / manifest["whole"][key]] if whole else [data / entry[key] for entry in manifest["files"]]
    return import_files(files, content_type, manifest["observations"])


def timed_import(database, form, data, manifest, archive, attempt):
    """One import of a form into an empty database, by a service started for it; with its peak memory."""
    if database == "h2":
        data_dir = WORK / "h2-import"
        shutil.rmtree(data_dir, ignore_errors=True)
        service = Service("app-h2", f"h2-import-{form}-{attempt}", h2_env(data_dir), archive)
    else:
        reset_postgresql()
        service = Service("app-pg", f"pg-import-{form}-{attempt}", pg_env(), archive)
    service.start()
    try:
        result = import_form(data, manifest, form)
        result["rss_mb"], result["peak_rss_mb"] = service.rss_mb()
    finally:
        service.stop()
    return result


def summarize_imports(runs):
    done = [r for r in runs if "not_stored" not in r]
    summary = {"runs": runs}
    not_stored = [r["not_stored"] for r in runs if "not_stored" in r]
    if not_stored:
        summary["not_stored"] = not_stored[0]
    if done:
        summary |= {"obs_per_s": median_of(done, "obs_per_s"), "seconds": median_of(done, "seconds")}
    summary["peak_rss_mb"] = median_of(runs, "peak_rss_mb")
    return summary


def reset_postgresql():
    if psql(f"select 1 from pg_database where datname = '{PG_DB}'", database="postgres") != "1":
        psql(f"create database {PG_DB}", database="postgres")
    psql("drop schema if exists public cascade; create schema public")


def copy_files(files):
    """PostgreSQL's COPY of tidy CSV files into a plain table with the same columns."""
    psql(f"drop table if exists copy_baseline; create table copy_baseline ({CSV_COLUMNS})")
    began = time.monotonic()
    for path in files:
        psql(f"\\copy copy_baseline from '{path}' with (format csv, header true)")
    seconds = time.monotonic() - began
    copied = int(psql("select count(*) from copy_baseline"))
    psql("drop table copy_baseline")
    return {"observations": copied, "seconds": round(seconds, 3), "obs_per_s": round(copied / seconds)}


def import_table(service_label):
    """Jobindsats' y60a02 (all 98 municipalities, 60 months) as the v3 API serves it, for the table endpoints."""
    status, text, seconds = post(f"?table={TABLE}&source=bench", TABLE_FILE, "application/json")
    if status != 201:
        raise SystemExit(f"importing {TABLE_FILE.name} into {service_label} failed: {problem_detail(status, text)}")
    return {"observations": json.loads(text)["rowsRead"], "seconds": round(seconds, 3)}


class Touch:
    """A small import that changes one value of the målgruppe table: a new revision, so kept answers are stale."""

    def __init__(self, data, manifest):
        municipalities = set(manifest["municipalities"])
        with open(data / manifest["files"][-1]["tidy"], encoding="utf-8") as f:
            header = f.readline().strip().split(",")
            for line in f:
                row = dict(zip(header, line.strip().split(",")))
                if row["area"] in municipalities and row["measure"] == "full-time-persons" and row["value"]:
                    break
        self.row, self.value, self.count = row, float(row["value"]), 0

    def __call__(self):
        self.count += 1
        row = self.row
        body = ("area,target_group,measure,period,value,status\n"
                f"{row['area']},{row['target_group']},{row['measure']},{row['period']},{self.value + self.count:g},ok\n")
        status, text, _ = post("?source=bench-touch", body.encode(), "text/csv", timeout=300)
        if status != 201:
            raise SystemExit(f"the small import failed: {problem_detail(status, text)}")
        if json.loads(text)["updated"] != 1:
            raise SystemExit(f"the small import changed no value: {text[:300]!r}")


# --- URLs ------------------------------------------------------------------------------------------------------

def sample_product(rng, dimensions, count, form, exclude=frozenset()):
    """Up to count distinct combinations of the dimensions' values, drawn at random, as paths."""
    total = math.prod(len(d) for d in dimensions)
    paths = []
    for index in rng.sample(range(total), min(total, count + len(exclude))):
        combination = []
        for values in reversed(dimensions):
            index, rest = divmod(index, len(values))
            combination.append(values[rest])
        path = form(*reversed(combination))
        if path not in exclude:
            paths.append(path)
    return paths[:count]


def flatten(groups):
    return [code for g in groups for code in [g["code"], *flatten(g.get("children") or [])]]


def url_plan(manifest, seed, size, repeat):
    """
    The mixes of the cache-miss runs (one shuffled list per endpoint family) and, apart from them, the URLs of the
    first answers after an import (--repeat of each endpoint, none in a mix). Read from the running service: its
    target groups and municipalities, and the periods and measures of y60a02.
    """
    rng = random.Random(seed)
    municipalities = [a["code"] for a in get_json("/api/v1/areas?type=MUNICIPALITY")]
    ours = [code for code in municipalities if code in set(manifest["municipalities"])]
    groups = flatten(get_json("/api/v1/target-groups"))
    years = [str(y) for y in manifest["years"]]
    quarters = [f"{y}Q{q}" for y in manifest["years"] for q in range(1, 5)]
    months = [f"{y}-{m:02d}" for y in manifest["years"] for m in range(1, 13)]
    periods = months + quarters + years
    table = get_json(f"/api/v1/tables/{TABLE}")
    measures = [m["code"] for m in table["measures"]]
    first, latest = (table["periods"]["month"][k] for k in ("first", "latest"))
    table_months = [f"{y}-{m:02d}" for y in range(int(first[:4]), int(latest[:4]) + 1) for m in range(1, 13)
                    if first <= f"{y}-{m:02d}" <= latest]
    table_quarters = sorted({f"{m[:4]}Q{(int(m[5:]) - 1) // 3 + 1}" for m in table_months})
    table_periods = table_months + table_quarters + sorted({m[:4] for m in table_months})

    def key_figures(area, period, group):
        return f"/api/v1/areas/{area}/key-figures?period={period}" + (f"&targetGroup={group}" if group else "")

    def ranking(group, period, by, order):
        return f"/api/v1/rankings?targetGroup={group}&period={period}&by={by}&order={order}"

    def quarterly(area, quarter):
        return f"/api/v1/areas/{area}/reports/quarterly/{quarter}"

    def annual(area, year, count):
        return f"/api/v1/areas/{area}/reports/annual?year={year}&years={count}"

    def table_figures(area, period, measure):
        return f"/api/v1/areas/{area}/tables/{TABLE}/key-figures?period={period}&measure={measure}"

    def table_ranking(period, measure, order):
        return f"/api/v1/tables/{TABLE}/ranking?period={period}&measure={measure}&order={order}"

    def table_comparison(area, period, measure):
        return f"/api/v1/areas/{area}/tables/{TABLE}/comparison?period={period}&measure={measure}"

    # The first answers: a year's figures of all target groups, as a municipality's page shows them.
    later_years = years[1:] or years
    first_answers = {
        "ranking (98 municipalities)": [["i-alt", *groups], later_years, RANK_BY[:1], ORDERS[:1], ranking],
        "key figures": [ours, later_years, [None], key_figures],
        "quarterly report": [ours, quarters[4:] or quarters, quarterly],
        "annual appendix": [ours, later_years, [3], annual],
        "table key figures": [municipalities, table_months, measures, table_figures],
        "table ranking": [table_months, measures, ORDERS[:1], table_ranking],
        "table comparison": [municipalities, table_months, measures, table_comparison],
    }
    asked = frozenset(hit_endpoints(manifest).values())
    held_out = {name: sample_product(rng, spec[:-1], repeat, spec[-1], asked) for name, spec in first_answers.items()}
    exclude = frozenset(path for paths in held_out.values() for path in paths)
    third = max(1, size // 3)
    mixes = {
        "key figures": sample_product(rng, [ours, periods, [None, "i-alt", *groups]], size, key_figures, exclude),
        "rankings": sample_product(rng, [["i-alt", *groups], periods, RANK_BY, ORDERS], size, ranking, exclude),
        "quarterly report": sample_product(rng, [ours, quarters], size, quarterly, exclude),
        "annual appendix": sample_product(rng, [ours, years, [1, 2, 3, 4, 5]], size, annual, exclude),
        "table endpoints": sample_product(rng, [municipalities, table_periods, measures], third, table_figures,
                                          exclude)
        + sample_product(rng, [table_periods, measures, ORDERS], third, table_ranking, exclude)
        + sample_product(rng, [municipalities, table_periods, measures], third, table_comparison, exclude),
    }
    for paths in mixes.values():
        rng.shuffle(paths)
    return mixes, held_out


def verify(mixes, count, seed):
    """
    GETs a sample of every mix, two at a time (the service computes two at once); a 503 (busy) is asked again
    after a pause, and a URL that does not answer 200 then is a harness error.
    """
    rng = random.Random(seed)
    sample = [(family, path) for family, paths in mixes.items() for path in rng.sample(paths, min(count, len(paths)))]
    errors, busy = [], []

    def check(item):
        for attempt in range(5):
            status, _, body = get(item[1])
            if status != 503:
                break
            busy.append(item[1])
            time.sleep(2 + attempt * 2)
        return status, body

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for (family, path), (status, body) in zip(sample, pool.map(check, sample)):
            if status != 200:
                errors.append(f"{family}: {path} answered {status}: {body[:200].decode(errors='replace')}")
    return len(sample), errors, len(busy)


# --- Load ------------------------------------------------------------------------------------------------------

def to_ms(microseconds):
    return round(microseconds / 1000, 3)


def distinct_paths(listed, starts, sent):
    """How many different paths the threads of a run asked, each walking on from its start (wrapping)."""
    seen = bytearray(listed)
    for start, count in zip(starts, sent):
        if count >= listed:
            return listed
        end = start + count
        seen[start:min(end, listed)] = b"\x01" * (min(end, listed) - start)
        if end > listed:
            seen[:end - listed] = b"\x01" * (end - listed)
    return seen.count(1)


def wrk(paths_file, connections, duration, start=0):
    threads = min(connections, 2)
    output = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
                             "--timeout", "30s", "-s", str(BENCH / "mix.lua"), f"http://127.0.0.1:{PORT}", "--",
                             str(paths_file), str(threads), str(start)],
                            check=True, capture_output=True, text=True).stdout
    line = next((line for line in output.splitlines() if line.startswith("mix.lua ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no figures:\n{output}")
    figures = json.loads(line[len("mix.lua "):])
    seconds = figures["duration_us"] / 1e6
    statuses = {int(status): count for status, count in figures["statuses"].items()}
    answered = sum(count for status, count in statuses.items() if 200 <= status < 400)
    errors = {kind: count for kind, count in figures["errors"].items() if kind != "status" and count}
    sent = sum(figures["sent"])
    asked = distinct_paths(figures["paths"], figures["starts"], figures["sent"])
    latency = figures["latency_us"]
    completed = figures["completed"]
    return {"rps": round(completed / seconds, 1), "ok_rps": round(answered / seconds, 1), "seconds": seconds,
            "p50_ms": to_ms(latency["50"]) if completed else None,
            "p99_ms": to_ms(latency["99"]) if completed else None,
            "statuses": {str(status): count for status, count in sorted(statuses.items())},
            "socket_errors": errors, "requests": completed, "paths": figures["paths"],
            "repeated_share": max(0.0, round(1 - asked / sent, 3)) if sent else 0.0}


def measured_wrk(service, paths_file, connections, duration, start=0):
    """
    A wrk run with the service's CPU per answer: what its threads but the JIT compilers used over the run, divided by
    the answers (2xx and 3xx). Unlike answers per second it does not depend on what else the machine's cores run
    (wrk among them), so runs of other days and machines compare better by it.
    """
    service_before, compilers_before = service.cpu_split()
    figures = wrk(paths_file, connections, duration, start)
    service_after, compilers_after = service.cpu_split()
    answered = figures["ok_rps"] * figures["seconds"]
    figures["cpu_ms_per_answer"] = round((service_after - service_before) * 1000 / answered, 3) if answered else None
    figures["compiler_cpu_s"] = round(compilers_after - compilers_before, 2)
    return figures


def median_of(runs, key):
    values = [run[key] for run in runs if run.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def summarize_load(runs):
    statuses, errors = {}, {}
    for run in runs:
        for status, count in run["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
        for kind, count in run["socket_errors"].items():
            errors[kind] = errors.get(kind, 0) + count
    return {"runs": runs, "rps": median_of(runs, "rps"), "ok_rps": median_of(runs, "ok_rps"),
            "p50_ms": median_of(runs, "p50_ms"), "p99_ms": median_of(runs, "p99_ms"),
            "repeated_share": median_of(runs, "repeated_share"),
            "cpu_ms_per_answer": median_of(runs, "cpu_ms_per_answer"),
            "compiler_cpu_s": median_of(runs, "compiler_cpu_s"), "statuses": statuses, "socket_errors": errors}


def hit_endpoints(manifest):
    year = manifest["years"][-1]
    area = "157" if "157" in manifest["municipalities"] else manifest["municipalities"][0]
    return {
        TRIVIAL: "/api/v1/measures",
        f"key figures ({area}, one year)": f"/api/v1/areas/{area}/key-figures?period={year}",
        "ranking (98 municipalities)": f"/api/v1/rankings?targetGroup=dagpenge&period={year}",
        "quarterly report": f"/api/v1/areas/{area}/reports/quarterly/{year}Q4",
        "annual appendix": f"/api/v1/areas/{area}/reports/annual?year={year}",
    }


def cache_hits(database, service, manifest, args):
    """Each endpoint's one URL, asked once (computed) and then under load: answers kept by ETag."""
    hits = {}
    for index, (name, path) in enumerate(hit_endpoints(manifest).items()):
        status, _, body = get(path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {body[:300]!r}")
        paths_file = WORK / "urls" / f"{database}-hit-{index}.txt"
        paths_file.write_text(path + "\n")
        wrk(paths_file, 8, max(2, args.duration // 3))  # warm-up
        hits[name] = {"path": path}
        for connections in CONNECTIONS:
            figures = summarize_load([measured_wrk(service, paths_file, connections, args.duration)
                                      for _ in range(args.repeat)])
            hits[name][str(connections)] = figures
            log(f"{DATABASES[database]} hit {name} at {connections}: {figures['rps']} req/s, p99 {figures['p99_ms']} ms")
    return hits


def warm_up(database, service, mixes, args, rng):
    """
    All the mixes' URLs together in a shuffled order at 32 connections, unmeasured, before anything is measured under
    load: the JVM compiles the code the figures run (on two cores that takes a minute of load, and the first runs
    of a mix answered at a tenth of their later rate), so the runs measure the service as it runs, not its first
    minute. The first minute after a start is in the start-up and first-answer figures.
    """
    if args.warm_up <= 0:
        return None
    paths = [path for family in FAMILIES for path in mixes[family]]
    rng.shuffle(paths)
    paths_file = WORK / "urls" / f"{database}-warm-up.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    figures = wrk(paths_file, CONNECTIONS[-1], args.warm_up)
    settle(service)
    log(f"{DATABASES[database]} warm-up of {args.warm_up} s: {figures['ok_rps']} answered/s")
    return {"seconds": args.warm_up, "ok_rps": figures["ok_rps"], "statuses": figures["statuses"]}


def cache_misses(database, service, mixes, touch, args, rng):
    misses = {}
    for family in FAMILIES:
        paths_file = WORK / "urls" / f"{database}-mix-{FAMILIES.index(family)}.txt"
        paths_file.write_text("\n".join(mixes[family]) + "\n")
        misses[family] = {"urls": len(mixes[family]), "example": mixes[family][0]}
        for connections in CONNECTIONS:
            runs = []
            for _ in range(args.repeat):
                touch()
                runs.append(measured_wrk(service, paths_file, connections, args.duration,
                                         rng.randrange(len(mixes[family]))))
                runs[-1]["settled_s"] = settle(service)
            figures = summarize_load(runs)
            misses[family][str(connections)] = figures
            log(f"{DATABASES[database]} miss {family} at {connections}: {figures['ok_rps']} answered/s, p99 "
                f"{figures['p99_ms']} ms, statuses {figures['statuses']}")
    return misses


def first_answers(held_out, touch, harness_errors, database):
    """For each endpoint and repeat: a small import, then one GET of a URL not asked before, timed."""
    answers = {}
    for name, paths in held_out.items():
        runs = []
        for path in paths:
            touch()
            status, ms, body = get(path)
            if status != 200:
                harness_errors.append(f"{DATABASES[database]} first answer {path} answered {status}: "
                                      f"{body[:200].decode(errors='replace')}")
            runs.append({"path": path, "status": status, "ms": round(ms, 1)})
        answers[name] = {"runs": runs, "ms": median_of(runs, "ms")}
        log(f"{DATABASES[database]} first answer {name}: {answers[name]['ms']} ms")
    return answers


def log_findings(database):
    """
    OutOfMemoryError, ERROR and WARN lines in the logs of the services of one database, and the ERROR and WARN
    messages by how often they came (the logger and the message's start; the class-data archive's own warnings of
    the training run left out).
    """
    oom, errors, warnings, first, messages = 0, 0, 0, [], {}
    prefix = "h2-" if database == "h2" else "pg-"
    for path in sorted((WORK / "logs").glob(f"{prefix}*.log")):
        for line in path.read_text(errors="replace").splitlines():
            if "OutOfMemoryError" in line:
                oom += 1
            level = re.match(r"\S+ \S+ (ERROR|WARN) +\[([^]]*)\] \([^)]*\) (.*)", line)
            if level:
                if level.group(1) == "ERROR":
                    errors += 1
                    if len(first) < 10:
                        first.append(f"{path.name}: {line[:300]}")
                else:
                    warnings += 1
                key = f"{level.group(1)} [{level.group(2)}] {level.group(3)[:160]}"
                messages[key] = messages.get(key, 0) + 1
            elif "OutOfMemoryError" in line and len(first) < 10:
                first.append(f"{path.name}: {line[:300]}")
    common = sorted(messages.items(), key=lambda item: -item[1])[:8]
    return {"out_of_memory_lines": oom, "error_lines": errors, "warn_lines": warnings, "first_error_lines": first,
            "common_messages": [{"count": count, "message": message} for message, count in common]}


# --- The run of one database -----------------------------------------------------------------------------------

def class_data_archive(database, manifest):
    """
    A training run of the build with a few imports and every benchmarked endpoint asked once, that leaves the
    classes it loaded in an archive (AppCDS; --class-data-archive, see the README): later starts map them
    instead of loading them again. H2 trains on the demo data, PostgreSQL on y60a02 and Gentofte's sample.
    """
    app = "app-h2" if database == "h2" else "app-pg"
    archive = WORK / f"{app}.jsa"
    archive.unlink(missing_ok=True)
    if database == "h2":
        data_dir = WORK / "h2-training"
        shutil.rmtree(data_dir, ignore_errors=True)
        env = {"NOEGLETAL_DATA_DIR": str(data_dir)}
    else:
        reset_postgresql()
        env = pg_env()
    service = Service(app, f"{'h2' if database == 'h2' else 'pg'}-training", env,
                      [f"-XX:ArchiveClassesAtExit={archive}"])
    service.start()
    try:
        if database == "postgresql":
            import_table("the training run")
            post("?source=training", ROOT / "samples" / "gentofte-kontanthjaelp-2025.csv", "text/csv")
        year = 2018 if database == "h2" else 2025
        for path in [*hit_endpoints({"years": [year], "municipalities": ["157"]}).values(),
                     f"/api/v1/areas/157/tables/{TABLE}/key-figures?period=latest",
                     f"/api/v1/tables/{TABLE}/ranking?period=latest",
                     f"/api/v1/areas/157/tables/{TABLE}/comparison?period=latest"]:
            get(path)
    finally:
        service.stop()
    if database == "h2":
        shutil.rmtree(WORK / "h2-training", ignore_errors=True)
    return [f"-XX:SharedArchiveFile={archive}"]


def measure_database(database, data, manifest, args, harness_errors):
    name, short = DATABASES[database], ("h2" if database == "h2" else "pg")
    app = f"app-{short}"
    archive = []
    if args.class_data_archive:
        log(f"{name}: training run for the class-data archive")
        archive = class_data_archive(database, manifest)
    result = {"jvm_options": archive}

    # Imports, each into an empty database; the last one (the yearly tidy CSV files) stays for the rest.
    runs = {form: [] for form in IMPORTS}
    copies = {"yearly": [], "whole": []}
    for attempt in range(args.repeat):
        for form in IMPORTS:
            if database == "postgresql" and form == "tidy-yearly":
                copies["yearly"].append(copy_files([data / entry["tidy"] for entry in manifest["files"]]))
                copies["whole"].append(copy_files([data / manifest["whole"]["tidy"]]))
                log(f"PostgreSQL COPY: {copies['yearly'][-1]['obs_per_s']} obs/s (yearly files), "
                    f"{copies['whole'][-1]['obs_per_s']} obs/s (one file)")
            runs[form].append(timed_import(database, form, data, manifest, archive, attempt))
            outcome = runs[form][-1].get("not_stored") or f"{runs[form][-1]['obs_per_s']} obs/s"
            log(f"{name} import {attempt + 1} {IMPORTS[form][0]}: {outcome}, peak {runs[form][-1]['peak_rss_mb']} MB")
        if "not_stored" in runs["tidy-yearly"][-1]:
            raise SystemExit(f"{name} did not store the yearly tidy files: {runs['tidy-yearly'][-1]['not_stored']}")
    result["imports"] = {form: summarize_imports(form_runs) for form, form_runs in runs.items()}
    if database == "postgresql":
        result["copy"] = {kind: {"runs": kind_runs, "obs_per_s": median_of(kind_runs, "obs_per_s"),
                                 "seconds": median_of(kind_runs, "seconds")} for kind, kind_runs in copies.items()}
    if database == "h2":
        shutil.rmtree(WORK / "h2-loaded", ignore_errors=True)
        (WORK / "h2-import").rename(WORK / "h2-loaded")
    env = h2_env(WORK / "h2-loaded") if database == "h2" else pg_env()

    # y60a02 beside the national dataset, for the table endpoints.
    service = Service(app, f"{short}-table", env, archive)
    service.start()
    try:
        result["table_import"] = import_table(name)
    finally:
        service.stop()

    # Start-up with the whole dataset.
    startups = []
    for attempt in range(args.repeat):
        service = Service(app, f"{short}-startup-{attempt}", env, archive)
        seconds = service.start()
        startups.append({"seconds": round(seconds, 3), "rss_mb": service.rss_mb()[0]})
        service.stop()
    result["startup"] = {"runs": startups, "seconds": median_of(startups, "seconds"),
                         "rss_after_start_mb": median_of(startups, "rss_mb")}
    log(f"{name} start-up {result['startup']['seconds']} s")

    # Under load, one service with the whole dataset and y60a02.
    (WORK / "urls").mkdir(exist_ok=True)
    service = Service(app, f"{short}-load", env, archive)
    service.start()
    try:
        before = server_statuses()
        touch = Touch(data, manifest)
        mixes, held_out = url_plan(manifest, args.seed + (0 if database == "h2" else 1), args.mix_urls,
                                   args.repeat)
        checked, errors, busy = verify(mixes, args.verify, args.seed)
        harness_errors += [f"{name} {error}" for error in errors]
        result["verified"] = {"urls": checked, "not_200": len(errors), "busy_503_asked_again": busy}
        log(f"{name}: {checked} URLs of the mixes checked, {len(errors)} did not answer 200 "
            f"({busy} answers 503 asked again)")
        result["warm_up"] = warm_up(database, service, mixes, args, random.Random(args.seed))
        result["hits"] = cache_hits(database, service, manifest, args)
        settle(service)
        result["first_answer_ms"] = first_answers(held_out, touch, harness_errors, database)
        settle(service)
        result["misses"] = cache_misses(database, service, mixes, touch, args, random.Random(args.seed))
        rss, peak = service.rss_mb()
        result["memory"] = {"rss_mb": rss, "peak_rss_mb": peak}
        after = server_statuses()
        result["server_statuses"] = {status: count - before.get(status, 0) for status, count in after.items()
                                     if count != before.get(status, 0)}
    finally:
        service.stop()
    result["log"] = log_findings(database)
    return result


# --- Main ------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is reported)")
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--small", action="store_true", help="a small dataset, for a smoke run of the harness")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-build", action="store_true", help="reuse the builds under bench/work")
    parser.add_argument("--databases", default="h2,postgresql", help="h2, postgresql or both (comma-separated)")
    parser.add_argument("--mix-urls", type=int, default=100_000, help="URLs in each cache-miss mix (at most)")
    parser.add_argument("--verify", type=int, default=60, help="URLs of each mix checked to answer 200 first")
    parser.add_argument("--warm-up", type=int, default=60,
                        help="seconds of load over all the mixes, unmeasured, before the load runs (0: none)")
    parser.add_argument("--class-data-archive", action="store_true",
                        help="start the service from a class-data archive (AppCDS) of a training run: it starts "
                             "about a second faster, and (measured on H2) imports and computes slower")
    args = parser.parse_args()
    databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    if not databases or any(d not in DATABASES for d in databases):
        raise SystemExit(f"--databases takes {', '.join(DATABASES)}")
    for tool in ("java", "wrk", "psql"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (wrk: apt-get install wrk)")
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(WORK / "logs", ignore_errors=True)
    (WORK / "logs").mkdir()
    build(args.skip_build)
    data, manifest = dataset(args.small, args.seed)
    log(f"{manifest['observations']} observations in {len(manifest['files'])} yearly files and in one file per format")
    report = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "repeat": args.repeat,
              "class_data_archive": args.class_data_archive,
              "wrk_seconds": args.duration, "warm_up_seconds": args.warm_up,
              "jvm_options": JVM_OPTIONS, "environment": SERVICE_ENVIRONMENT,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "java": subprocess.run(["java", "-version"], capture_output=True, text=True)
                          .stderr.splitlines()[0],
                          "postgresql": psql("show server_version", database="postgres")},
              "dataset": {key: manifest[key] for key in ("seed", "observations", "areas", "target_groups")}
              | {"years": f"{manifest['years'][0]}-{manifest['years'][-1]}", "files": len(manifest["files"]),
                 "municipalities": len(manifest["municipalities"]),
                 "one_file_mb": {key: round(manifest["whole"][f"{key}_bytes"] / 1e6, 1)
                                 for key in ("tidy", "jobindsats")}},
              "databases": {}}
    harness_errors = []
    for database in databases:
        report["databases"][database] = measure_database(database, data, manifest, args, harness_errors)
    report["harness_errors"] = harness_errors
    report["targets"] = targets(report)
    name = ("report-small" if args.small else "report") + ("-class-data-archive" if args.class_data_archive else "")
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"{name}.md").write_text(markdown(report))
    log(f"written {RESULTS / name}.md and {name}.json")
    print((RESULTS / f"{name}.md").read_text())


# --- The report ------------------------------------------------------------------------------------------------

def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def targets(report):
    """
    Every target of the issue with, per database, what was measured, the limit and whether it is met. A cell is
    None where a target does not apply to a database, and a measured figure may be text (an import not stored).
    """
    rows = []

    def row(target, cells):
        rows.append({"target": target, **{database: cells.get(database) for database in DATABASES}})

    dbs = report["databases"]

    def each(fn):
        return {database: fn(database, figures) for database, figures in dbs.items()}

    def import_cell(figures, form, limit, limit_text):
        summary = figures["imports"][form]
        if "not_stored" in summary:
            return {"measured": summary["not_stored"], "limit": limit_text, "met": False}
        return {"measured": f"{fmt(summary['obs_per_s'])} obs/s", "limit": limit_text,
                "met": limit is not None and summary["obs_per_s"] >= limit}

    for form, files in (("tidy-yearly", "yearly"), ("tidy-whole", "whole")):
        def cell(database, figures, form=form, files=files):
            if database == "h2":
                return import_cell(figures, form, 150_000, ">= 150,000 obs/s")
            copy = figures["copy"][files]["obs_per_s"]
            return import_cell(figures, form, copy / 2, f">= 0.5 x COPY = {fmt(copy / 2)} obs/s")
        row(f"import, {IMPORTS[form][0]}", each(cell))

    for form in ("tidy-whole", "jobindsats-whole"):
        def memory(database, figures, form=form):
            summary = figures["imports"][form]
            peak = summary["peak_rss_mb"]
            if "not_stored" in summary:
                return {"measured": f"{summary['not_stored']} (peak {fmt(peak)} MB)",
                        "limit": f"< {MEMORY_LIMIT_MB} MB", "met": False}
            return {"measured": f"{fmt(peak)} MB", "limit": f"< {MEMORY_LIMIT_MB} MB", "met": peak < MEMORY_LIMIT_MB}
        row(f"peak resident memory (VmHWM) importing {IMPORTS[form][0]}", each(memory))

    for json_form, tidy_form in (("jobindsats-yearly", "tidy-yearly"), ("jobindsats-whole", "tidy-whole")):
        def ratio(database, figures, json_form=json_form, tidy_form=tidy_form):
            j, t = figures["imports"][json_form], figures["imports"][tidy_form]
            if "not_stored" in j or "not_stored" in t:
                return {"measured": j.get("not_stored") or t.get("not_stored"), "limit": ">= 0.5",
                        "met": False}
            share = j["obs_per_s"] / t["obs_per_s"]
            return {"measured": f"{share:.2f} ({fmt(j['obs_per_s'])} / {fmt(t['obs_per_s'])} obs/s)",
                    "limit": ">= 0.5", "met": share >= 0.5}
        row(f"import of Jobindsats JSON / tidy CSV, {'yearly files' if 'yearly' in json_form else 'one file'}",
            each(ratio))

    for name, limit in FIRST_ANSWERS.items():
        if limit is not None:
            row(f"first answer after an import: {name}",
                each(lambda database, figures, name=name, limit=limit: {
                    "measured": f"{fmt(figures['first_answer_ms'][name]['ms'], 1)} ms", "limit": f"<= {limit} ms",
                    "met": figures["first_answer_ms"][name]["ms"] is not None
                    and figures["first_answer_ms"][name]["ms"] <= limit}))

    for family in FAMILIES:
        def share(database, figures, family=family):
            trivial = figures["hits"][TRIVIAL]["32"]["rps"]
            answered = figures["misses"][family]["32"]["ok_rps"]
            return {"measured": f"{fmt(answered)} answered/s ({answered / trivial:.3f} x trivial)",
                    "limit": f">= 0.25 x {fmt(trivial)} = {fmt(trivial / 4)}", "met": answered >= trivial / 4}

        def p99(database, figures, family=family):
            value = figures["misses"][family]["32"]["p99_ms"]
            return {"measured": f"{fmt(value, 2)} ms", "limit": "<= 50 ms", "met": value is not None and value <= 50}
        row(f"cache misses, {family}, 32 connections: answered/s", each(share))
        row(f"cache misses, {family}, 32 connections: p99", each(p99))

    for prefix, share_limit, p99_limit in (("key figures", 0.5, 20), ("ranking", 0.5, 20),
                                           ("quarterly report", None, 50), ("annual appendix", None, 50)):
        def hit(database, figures, key, prefix=prefix, share_limit=share_limit, p99_limit=p99_limit):
            name = next(n for n in figures["hits"] if n.startswith(prefix))
            trivial = figures["hits"][TRIVIAL]["32"]["rps"]
            value = figures["hits"][name]["32"]
            if key == "share":
                return {"measured": f"{fmt(value['rps'])} req/s ({value['rps'] / trivial:.3f} x trivial)",
                        "limit": f">= 0.5 x {fmt(trivial)} = {fmt(trivial / 2)}", "met": value["rps"] >= trivial / 2}
            return {"measured": f"{fmt(value['p99_ms'], 2)} ms", "limit": f"< {p99_limit} ms",
                    "met": value["p99_ms"] is not None and value["p99_ms"] < p99_limit}
        if share_limit:
            row(f"cache hits, {prefix}, 32 connections: req/s", each(lambda d, f, hit=hit: hit(d, f, "share")))
        row(f"cache hits, {prefix}, 32 connections: p99", each(lambda d, f, hit=hit: hit(d, f, "p99")))

    row("start-up with the national dataset", each(lambda d, f: {
        "measured": f"{f['startup']['seconds']:.2f} s", "limit": "< 5 s", "met": f["startup"]["seconds"] < 5}))
    row("resident memory with the national dataset loaded (after the load runs)", each(lambda d, f: {
        "measured": f"{f['memory']['rss_mb']} MB", "limit": f"< {MEMORY_LIMIT_MB} MB",
        "met": f["memory"]["rss_mb"] < MEMORY_LIMIT_MB}))

    def server_errors(database, figures):
        counts = reliability(figures)
        return {"measured": f"{counts['other_5xx']} (503: {counts['503']})", "limit": "0 (503 allowed)",
                "met": counts["other_5xx"] == 0}
    row("cache-miss runs: 5xx answers other than 503", each(server_errors))
    row("OutOfMemoryError in the service's log", each(lambda d, f: {
        "measured": str(f["log"]["out_of_memory_lines"]), "limit": "0", "met": f["log"]["out_of_memory_lines"] == 0}))
    return rows


def reliability(figures):
    """The answers of the cache-miss runs by kind: 503, other 5xx, other non-2xx (4xx), socket errors."""
    counts = {"503": 0, "other_5xx": 0, "other_non_2xx": 0, "socket_errors": 0, "by_status": {}}
    for family in FAMILIES:
        for connections in CONNECTIONS:
            figures_at = figures["misses"][family][str(connections)]
            for status, count in figures_at["statuses"].items():
                code = int(status)
                if code == 503:
                    counts["503"] += count
                elif code >= 500:
                    counts["other_5xx"] += count
                elif not 200 <= code < 400:
                    counts["other_non_2xx"] += count
                if not 200 <= code < 400:
                    counts["by_status"][status] = counts["by_status"].get(status, 0) + count
            counts["socket_errors"] += sum(figures_at["socket_errors"].values())
    return counts


CPU_PER_ANSWER = ("CPU ms per answer: the CPU time the service's threads used over a run (the JIT compilers' left "
                  "out), divided by its answers; it moves less than answers per second with what else the machine "
                  "runs, so it compares runs of other days better.")


def markdown(report):
    dbs = report["databases"]
    names = [DATABASES[d] for d in dbs]
    dataset = report["dataset"]
    variant = " with a class-data archive (AppCDS), `--class-data-archive`" if report.get("class_data_archive") else ""
    lines = [f"# Benchmark report{variant} ({report['started']})", "",
             f"Dataset: {dataset['observations']:,} observations ({dataset['areas']} areas, "
             f"{dataset['municipalities']} municipalities, {dataset['target_groups']} target groups, "
             f"{dataset['years']}, monthly; {dataset['files']} yearly files, or one file of "
             f"{dataset['one_file_mb']['tidy']} MB as tidy CSV and {dataset['one_file_mb']['jobindsats']} MB as "
             f"Jobindsats v2 JSON; seed {dataset['seed']}), and Jobindsats' table {TABLE} for the table endpoints. "
             f"Machine: {report['machine']['cpus']} CPUs, {report['machine']['java']}, PostgreSQL "
             f"{report['machine']['postgresql']}. Service: {' '.join(report['jvm_options'])}, "
             f"{' '.join(k + '=' + v for k, v in report['environment'].items())}"
             + (", with a class-data archive (AppCDS) of a training run of each build (--class-data-archive)"
                if report.get("class_data_archive") else ", without a class-data archive (see README)")
             + f". Every figure is the median of "
             f"{report['repeat']} runs; wrk runs {report['wrk_seconds']} s"
             + (f", after a warm-up of {report['warm_up_seconds']} s over all the cache-miss mixes (unmeasured) on "
                "each database's loaded service" if report.get("warm_up_seconds") else "") + ".", "",
             *([f"CPU per answer: withdrawn from this report, {report['cpu_ms_per_answer_withdrawn']}.", ""]
               if report.get("cpu_ms_per_answer_withdrawn") else []),
             "## Targets", ""]
    header = "| target |" + "".join(f" {n}: measured | limit | met |" for n in names)
    lines += [header, "|---|" + "---:|---|---|" * len(names)]
    for t in report["targets"]:
        cells = ""
        for database in dbs:
            cell = t.get(database)
            cells += (" — | — | — |" if cell is None else
                      f" {cell['measured']} | {cell['limit']} | {'yes' if cell['met'] else 'NO'} |")
        lines.append(f"| {t['target']} |{cells}")

    lines += ["", "## Import", "",
              "Each run into an empty database, by a service started for it; peak is the service's resident memory "
              "at its highest (VmHWM) over the run, start included.", "",
              "| form | into | observations/s | seconds | peak MB |", "|---|---|---:|---:|---:|"]
    for form, (label, *_rest) in IMPORTS.items():
        for database, figures in dbs.items():
            summary = figures["imports"][form]
            if "not_stored" in summary:
                lines.append(f"| {label} | {DATABASES[database]} | {summary['not_stored']} | | "
                             f"{fmt(summary['peak_rss_mb'])} |")
            else:
                lines.append(f"| {label} | {DATABASES[database]} | {fmt(summary['obs_per_s'])} | "
                             f"{summary['seconds']:.2f} | {fmt(summary['peak_rss_mb'])} |")
    if "postgresql" in dbs:
        for kind, label in (("yearly", IMPORTS["tidy-yearly"][0]), ("whole", IMPORTS["tidy-whole"][0])):
            copy = dbs["postgresql"]["copy"][kind]
            lines.append(f"| {label} | PostgreSQL COPY into a plain table | {fmt(copy['obs_per_s'])} | "
                         f"{copy['seconds']:.2f} | |")

    for database, figures in dbs.items():
        lines += ["", f"## Cache hits ({DATABASES[database]}, national dataset loaded)", "",
                  "One URL per endpoint, asked once before (so its answer is kept by ETag), then under load. wrk "
                  "counts every answer by status with a Lua script (bench/mix.lua), which costs the client some "
                  "throughput; the trivial endpoint, the limit, is measured the same way. " + CPU_PER_ANSWER, "",
                  "| endpoint | connections | req/s | p50 ms | p99 ms | CPU ms per answer |",
                  "|---|---:|---:|---:|---:|---:|"]
        for name, hit in figures["hits"].items():
            for connections in CONNECTIONS:
                f = hit[str(connections)]
                lines.append(f"| {name} | {connections} | {fmt(f['rps'])} | {fmt(f['p50_ms'], 2)} | "
                             f"{fmt(f['p99_ms'], 2)} | {fmt(f.get('cpu_ms_per_answer'), 3)} |")

    for database, figures in dbs.items():
        lines += ["", f"## Cache misses ({DATABASES[database]}, national dataset loaded)", "",
                  "Each endpoint family's mix of URLs in a shuffled order, every run after a small import that makes "
                  "kept answers stale. Answered/s counts 2xx and 3xx; the latency is over the answers that came "
                  "within the run, 503s included (n/a: none came; a request still unanswered when a run ends is in "
                  "no percentile); 503 and other non-2xx are summed over the runs. Repeated: the share of a run's "
                  "requests that asked a URL the run had asked before (the list wrapped). The trivial endpoint "
                  "(cache hits) is the limit beside them. " + CPU_PER_ANSWER, "",
                  "| mix | URLs | connections | answered/s | x trivial | p50 ms | p99 ms | CPU ms per answer | 503 | "
                  "other non-2xx | socket errors | repeated |", "|---|" + "---:|" * 11]
        for family in FAMILIES:
            mix = figures["misses"][family]
            for connections in CONNECTIONS:
                f = mix[str(connections)]
                trivial = figures["hits"][TRIVIAL][str(connections)]["rps"]
                other = {s: c for s, c in f["statuses"].items() if s != "503" and not 200 <= int(s) < 400}
                lines.append(f"| {family} | {mix['urls']:,} | {connections} | {fmt(f['ok_rps'])} | "
                             f"{f['ok_rps'] / trivial:.3f} | {fmt(f['p50_ms'], 2)} | {fmt(f['p99_ms'], 2)} | "
                             f"{fmt(f.get('cpu_ms_per_answer'), 3)} | {f['statuses'].get('503', 0)} | "
                             f"{', '.join(f'{s}: {c}' for s, c in other.items()) or 0} | "
                             f"{', '.join(f'{k}: {c}' for k, c in f['socket_errors'].items()) or 0} | "
                             f"{f['repeated_share'] * 100:.0f} % |")
        for connections in CONNECTIONS:
            f = figures["hits"][TRIVIAL][str(connections)]
            lines.append(f"| {TRIVIAL} (limit) | 1 | {connections} | {fmt(f['rps'])} | 1.000 | "
                         f"{fmt(f['p50_ms'], 2)} | {fmt(f['p99_ms'], 2)} | {fmt(f.get('cpu_ms_per_answer'), 3)} | "
                         f"{f['statuses'].get('503', 0)} | | | |")
        lines += ["", "Examples: " + "; ".join(f"{family} `{figures['misses'][family]['example']}`"
                                               for family in FAMILIES) + "."]

    lines += ["", "## First answers after an import", "",
              "A small import changes one value (a new revision: every kept answer is stale), then one GET of a URL "
              "not asked before is timed; for each endpoint and run.", "",
              "| endpoint | limit |" + "".join(f" {n} ms |" for n in names), "|---|---:|" + "---:|" * len(names)]
    for name, limit in FIRST_ANSWERS.items():
        lines.append(f"| {name} | {'<= ' + str(limit) + ' ms' if limit else ''} |"
                     + "".join(f" {fmt(figures['first_answer_ms'][name]['ms'], 1)} |" for figures in dbs.values()))
    lines += ["", "Examples: " + "; ".join(f"`{runs['runs'][0]['path']}`"
                                           for runs in next(iter(dbs.values()))["first_answer_ms"].values()) + "."]

    lines += ["", "## Memory and start-up", ""]
    for database, figures in dbs.items():
        lines += [f"- {DATABASES[database]}: resident memory after the load runs {figures['memory']['rss_mb']} MB "
                  f"(peak {figures['memory']['peak_rss_mb']} MB); start-up to ready with the national dataset "
                  f"{figures['startup']['seconds']:.2f} s (resident {fmt(figures['startup']['rss_after_start_mb'])} "
                  f"MB just after)."]

    lines += ["", "## Reliability", "",
              "Answers of the cache-miss runs by kind (summed over all runs) and wrk's socket errors; what the "
              "service itself counted over the whole load phase (its metrics: all requests, the checks, hits, "
              "first answers and small imports included, and answers that came after wrk stopped waiting at the "
              "end of a run); and its log over the whole run of each database (imports included).", ""]
    for database, figures in dbs.items():
        counts = reliability(figures)
        server = ", ".join(f"{s}: {c:,}" for s, c in sorted(figures["server_statuses"].items()))
        lines += [f"- {DATABASES[database]}: 503 {counts['503']:,}; other 5xx {counts['other_5xx']:,}; other non-2xx "
                  f"{counts['other_non_2xx']:,} ({', '.join(f'{s}: {c}' for s, c in counts['by_status'].items()) or 'none'}); "
                  f"socket errors {counts['socket_errors']:,}. Service-counted answers by status: {server}. Log: "
                  f"{figures['log']['out_of_memory_lines']} OutOfMemoryError lines, {figures['log']['error_lines']} "
                  f"ERROR lines, {figures['log']['warn_lines']} WARN lines."
                  + (" The most frequent:" if figures["log"]["common_messages"] else "")]
        lines += [f"  - {m['count']:,} x `{m['message']}`" for m in figures["log"]["common_messages"][:5]]
        if figures["log"]["first_error_lines"]:
            lines += ["  - First ERROR or OutOfMemoryError lines:"]
            lines += [f"    - `{line}`" for line in figures["log"]["first_error_lines"][:5]]

    lines += ["", "## Harness", "",
              "; ".join(f"{DATABASES[d]}: {f['verified']['urls']} URLs of the mixes checked before loading, "
                        f"{f['verified']['not_200']} not 200 ({f['verified']['busy_503_asked_again']} answers 503 "
                        f"asked again)" for d, f in dbs.items()) + "."]
    if report["harness_errors"]:
        lines += ["", "Harness errors (a URL of the benchmark that did not answer 200):", ""]
        lines += [f"- {error}" for error in report["harness_errors"][:50]]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
