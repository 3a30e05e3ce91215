#!/usr/bin/env python3
"""The benchmark: imports the national dataset and loads the endpoints, and writes a report.

Side by side in one run, each figure the median of --repeat runs:
  - import throughput (observations/s) of the whole dataset into H2 and into PostgreSQL, beside PostgreSQL's own
    COPY of the same CSV files into a plain table of the same columns;
  - requests/s and p50/p99 latency under wrk at 1, 8 and 32 connections for key figures, the ranking of 98
    municipalities, the quarterly report, the annual appendix and a trivial JSON endpoint (/api/v1/measures);
  - resident memory of the service with the whole dataset loaded, and its start-up time.
Writes bench/results/report.md and bench/results/report.json. Needs java, python3, wrk, psql and a PostgreSQL
server (NOEGLETAL_BENCH_DB_URL, default 127.0.0.1:5432, database noegletal_bench, created when missing).
"""
import argparse
import base64
import json
import os
import platform
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
PORT = 18181
PASSWORD = "bench-editor"
PG_HOST, PG_PORT, PG_USER, PG_DB = "127.0.0.1", "5432", "postgres", "noegletal_bench"
# How the service is run: as the README recommends for production.
JVM_OPTIONS = ["-Xmx160m", "-XX:+UseSerialGC"]
SERVICE_ENVIRONMENT = {"MALLOC_ARENA_MAX": "2"}
CONNECTIONS = [1, 8, 32]
CSV_COLUMNS = "area varchar(16), target_group varchar(64), measure varchar(32), period varchar(8), " \
              "value decimal(19, 6), status varchar(16)"


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
    if manifest.exists() and json.loads(manifest.read_text())["seed"] == seed:
        return out, json.loads(manifest.read_text())
    log("generating the dataset")
    run([sys.executable, str(BENCH / "generate.py"), "--seed", str(seed), "--out", str(out),
         *(["--small"] if small else [])])
    return out, json.loads(manifest.read_text())


class Service:
    """The packaged service in a process of its own."""

    def __init__(self, app, env, jvm_options=()):
        self.app, self.env, self.jvm_options, self.process = app, env, list(jvm_options), None

    def start(self):
        env = dict(os.environ, NOEGLETAL_EDITOR_PASSWORD=PASSWORD, QUARKUS_HTTP_PORT=str(PORT),
                   **SERVICE_ENVIRONMENT, **self.env)
        self.log = open(WORK / "service.log", "a")
        began = time.monotonic()
        self.process = subprocess.Popen(["java", *JVM_OPTIONS, *self.jvm_options, "-jar",
                                         str(WORK / self.app / "quarkus-run.jar")],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        while time.monotonic() - began < 120:
            if self.process.poll() is not None:
                raise SystemExit(f"the service stopped at start; see {WORK / 'service.log'}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/q/health/ready", timeout=1) as answer:
                    if answer.status == 200:
                        return time.monotonic() - began
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise SystemExit("the service did not become ready in 120 s")

    def rss_mb(self):
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        values = {key: int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024 for key in ("VmRSS", "VmHWM")}
        return values["VmRSS"], values["VmHWM"]

    def stop(self):
        self.process.terminate()
        self.process.wait(60)
        self.log.close()


def class_data_archive():
    """
    A training run of the H2 build on the demo data, with every benchmarked endpoint asked once, that leaves the
    classes it loaded in an archive (AppCDS, as the README describes for production): later starts map them
    instead of loading them again.
    """
    archive = WORK / "app-h2.jsa"
    archive.unlink(missing_ok=True)
    data_dir = WORK / "h2-training"
    shutil.rmtree(data_dir, ignore_errors=True)
    service = Service("app-h2", {"NOEGLETAL_DATA_DIR": str(data_dir)}, [f"-XX:ArchiveClassesAtExit={archive}"])
    service.start()
    try:
        for path in endpoints({"years": [2018]}).values():
            timed_get(path)
    finally:
        service.stop()
    shutil.rmtree(data_dir, ignore_errors=True)
    return [f"-XX:SharedArchiveFile={archive}"]


def post_import(path, content_type):
    credentials = base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/v1/imports", data=path.read_bytes(),
                                     method="POST", headers={"Content-Type": content_type,
                                                             "Authorization": f"Basic {credentials}"})
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError as error:
        raise SystemExit(f"importing {path.name} failed: {error.code} {error.read()[:500]!r}")


def import_all(data, manifest, fmt):
    """Posts every file of the dataset (the bodies read beforehand) and returns observations per second."""
    key, content_type = ("tidy", "text/csv") if fmt == "tidy" else ("jobindsats", "application/json")
    files = [data / entry[key] for entry in manifest["files"]]
    for path in files:
        path.read_bytes()  # in the page cache before the clock starts
    began = time.monotonic()
    stored = sum(post_import(path, content_type)["rowsRead"] for path in files)
    seconds = time.monotonic() - began
    if stored != manifest["observations"]:
        raise SystemExit(f"{stored} observations stored of {manifest['observations']}")
    return {"observations": stored, "seconds": round(seconds, 3), "obs_per_s": round(stored / seconds)}


def reset_postgresql():
    if psql(f"select 1 from pg_database where datname = '{PG_DB}'", database="postgres") != "1":
        psql(f"create database {PG_DB}", database="postgres")
    psql("drop schema if exists public cascade; create schema public")


def copy_all(data, manifest):
    """PostgreSQL's COPY of the same tidy CSV files into a plain table with the same columns."""
    psql(f"drop table if exists copy_baseline; create table copy_baseline ({CSV_COLUMNS})")
    began = time.monotonic()
    for entry in manifest["files"]:
        psql(f"\\copy copy_baseline from '{data / entry['tidy']}' with (format csv, header true)")
    seconds = time.monotonic() - began
    copied = int(psql("select count(*) from copy_baseline"))
    psql("drop table copy_baseline")
    return {"observations": copied, "seconds": round(seconds, 3), "obs_per_s": round(copied / seconds)}


def timed_get(path):
    """Milliseconds to a whole answer of one GET."""
    began = time.monotonic()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=120) as answer:
        answer.read()
        if answer.status != 200:
            raise SystemExit(f"{path} answered {answer.status}")
    return (time.monotonic() - began) * 1000


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(path, connections, duration):
    output = subprocess.run(["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{duration}s",
                             "--latency", f"http://127.0.0.1:{PORT}{path}"],
                            check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors or "Socket errors" in output:
        raise SystemExit(f"wrk saw errors on {path}:\n{output}")
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50_ms": to_ms(re.search(r"\s50%\s+(\S+)", output).group(1)),
            "p99_ms": to_ms(re.search(r"\s99%\s+(\S+)", output).group(1))}


def median_of(runs, key):
    return round(statistics.median(run[key] for run in runs), 3)


def endpoints(manifest):
    year = manifest["years"][-1]
    return {
        "trivial JSON (/api/v1/measures)": "/api/v1/measures",
        "key figures (157, one year)": f"/api/v1/areas/157/key-figures?period={year}",
        "ranking (98 municipalities)": f"/api/v1/rankings?targetGroup=dagpenge&period={year}",
        "quarterly report": f"/api/v1/areas/157/reports/quarterly/{year}Q4",
        "annual appendix": f"/api/v1/areas/157/reports/annual?year={year}",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is reported)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--small", action="store_true", help="a small dataset, for a smoke run of the harness")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-build", action="store_true", help="reuse the builds under bench/work")
    args = parser.parse_args()
    for tool in ("java", "wrk", "psql"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed (wrk: apt-get install wrk)")
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (WORK / "service.log").unlink(missing_ok=True)
    build(args.skip_build)
    data, manifest = dataset(args.small, args.seed)
    log("training run for the class-data archive")
    archive = class_data_archive()
    log(f"{manifest['observations']} observations in {len(manifest['files'])} files")
    report = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "repeat": args.repeat,
              "wrk_seconds": args.duration, "jvm_options": JVM_OPTIONS, "h2_jvm_options": archive,
              "environment": SERVICE_ENVIRONMENT,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "java": subprocess.run(["java", "-version"], capture_output=True, text=True)
                          .stderr.splitlines()[0],
                          "postgresql": psql("show server_version", database="postgres")},
              "dataset": {key: manifest[key] for key in ("seed", "observations", "areas", "target_groups")}
              | {"years": f"{manifest['years'][0]}-{manifest['years'][-1]}", "files": len(manifest["files"])}}

    # Import into H2: a new database file for every run. The last one stays for the rest.
    runs = []
    for attempt in range(args.repeat):
        h2_dir = WORK / f"h2-{attempt}"
        shutil.rmtree(h2_dir, ignore_errors=True)
        service = Service("app-h2", {"NOEGLETAL_DATA_DIR": str(h2_dir), "NOEGLETAL_DEMO_ENABLED": "false"}, archive)
        service.start()
        try:
            runs.append(import_all(data, manifest, "tidy"))
        finally:
            service.stop()
        log(f"H2 import {attempt + 1}: {runs[-1]['obs_per_s']} obs/s")
        if attempt > 0:
            shutil.rmtree(WORK / f"h2-{attempt - 1}", ignore_errors=True)
    report["import_h2"] = {"runs": runs, "obs_per_s": median_of(runs, "obs_per_s")}
    h2_env = {"NOEGLETAL_DATA_DIR": str(WORK / f"h2-{args.repeat - 1}"), "NOEGLETAL_DEMO_ENABLED": "false"}

    # Start-up with the whole dataset, and each endpoint's first answer after it (computed, nothing kept yet).
    startups, first_answers = [], {name: [] for name in endpoints(manifest)}
    for _ in range(args.repeat):
        service = Service("app-h2", h2_env, archive)
        startups.append({"seconds": round(service.start(), 3), "rss_mb": round(service.rss_mb()[0])})
        try:
            for name, path in endpoints(manifest).items():
                first_answers[name].append(timed_get(path))
        finally:
            service.stop()
    report["startup"] = {"runs": startups, "seconds": median_of(startups, "seconds"),
                         "rss_after_start_mb": median_of(startups, "rss_mb")}
    report["first_answer_ms"] = {name: round(statistics.median(times), 1) for name, times in first_answers.items()}
    log(f"start-up {report['startup']['seconds']} s")

    # Endpoints under load, on the H2 build with the whole dataset.
    service = Service("app-h2", h2_env, archive)
    service.start()
    try:
        http = {}
        for name, path in endpoints(manifest).items():
            timed_get(path)  # computed once, as the first request after an import is
            wrk(path, 8, max(2, args.duration // 2))  # warm-up
            http[name] = {"path": path}
            for connections in CONNECTIONS:
                runs = [wrk(path, connections, args.duration) for _ in range(args.repeat)]
                figures = {"runs": runs, "rps": median_of(runs, "rps"), "p50_ms": median_of(runs, "p50_ms"),
                           "p99_ms": median_of(runs, "p99_ms")}
                http[name][str(connections)] = figures
                log(f"{name} at {connections}: {figures['rps']} req/s, p99 {figures['p99_ms']} ms")
        rss, peak = service.rss_mb()
    finally:
        service.stop()
    report["http"] = http
    report["memory"] = {"rss_mb": round(rss), "peak_rss_mb": round(peak)}

    # Import into PostgreSQL, each run into an empty schema, beside COPY of the same files.
    runs, copies = [], []
    for attempt in range(args.repeat):
        reset_postgresql()
        service = Service("app-pg", {"NOEGLETAL_DB_URL": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{PG_DB}",
                                     "NOEGLETAL_DB_USER": PG_USER})
        service.start()
        try:
            runs.append(import_all(data, manifest, "tidy"))
        finally:
            service.stop()
        copies.append(copy_all(data, manifest))
        log(f"PostgreSQL import {attempt + 1}: {runs[-1]['obs_per_s']} obs/s, COPY {copies[-1]['obs_per_s']} obs/s")
    report["import_postgresql"] = {"runs": runs, "obs_per_s": median_of(runs, "obs_per_s")}
    report["copy_postgresql"] = {"runs": copies, "obs_per_s": median_of(copies, "obs_per_s")}

    report["targets"] = targets(report)
    name = "report-small" if args.small else "report"
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"{name}.md").write_text(markdown(report))
    log(f"written {RESULTS / name}.md and {name}.json")
    print((RESULTS / f"{name}.md").read_text())


def targets(report):
    http = report["http"]
    trivial = http["trivial JSON (/api/v1/measures)"]["32"]["rps"]
    rows = [
        ("import into H2 >= 100,000 obs/s", report["import_h2"]["obs_per_s"], report["import_h2"]["obs_per_s"] >= 100_000),
        ("import into PostgreSQL >= 1/2 of COPY", round(report["import_postgresql"]["obs_per_s"]
                                                        / report["copy_postgresql"]["obs_per_s"], 3),
         report["import_postgresql"]["obs_per_s"] >= report["copy_postgresql"]["obs_per_s"] / 2),
    ]
    for name in ("key figures (157, one year)", "ranking (98 municipalities)"):
        share = round(http[name]["32"]["rps"] / trivial, 3)
        rows.append((f"{name}: >= 1/2 of trivial req/s at 32", share, share >= 0.5))
        rows.append((f"{name}: p99 < 20 ms at 32", http[name]["32"]["p99_ms"], http[name]["32"]["p99_ms"] < 20))
    for name in ("quarterly report", "annual appendix"):
        rows.append((f"{name}: p99 < 50 ms at 32", http[name]["32"]["p99_ms"], http[name]["32"]["p99_ms"] < 50))
    rows.append(("resident memory < 400 MB (after load)", report["memory"]["rss_mb"], report["memory"]["rss_mb"] < 400))
    rows.append(("start-up < 5 s", report["startup"]["seconds"], report["startup"]["seconds"] < 5))
    return [{"target": target, "measured": measured, "met": met} for target, measured, met in rows]


def markdown(report):
    lines = [f"# Benchmark report ({report['started']})", "",
             f"Dataset: {report['dataset']['observations']:,} observations ({report['dataset']['areas']} areas, "
             f"{report['dataset']['target_groups']} target groups, {report['dataset']['years']}, "
             f"{report['dataset']['files']} files, seed {report['dataset']['seed']}). Machine: "
             f"{report['machine']['cpus']} CPUs, {report['machine']['java']}, PostgreSQL "
             f"{report['machine']['postgresql']}. Service: {' '.join(report['jvm_options'])}, "
             f"the H2 build also {' '.join(report['h2_jvm_options'])} (see README), "
             f"{' '.join(k + '=' + v for k, v in report['environment'].items())}. "
             f"Every figure is the median of {report['repeat']} runs; wrk runs {report['wrk_seconds']} s.", "",
             "## Targets", "", "| target | measured | met |", "|---|---:|---|"]
    lines += [f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else 'NO'} |" for t in report["targets"]]
    lines += ["", "## Import (tidy CSV, one file per year)", "", "| into | observations/s | seconds |", "|---|---:|---:|"]
    for name, key in (("H2 (the service)", "import_h2"), ("PostgreSQL (the service)", "import_postgresql"),
                      ("PostgreSQL COPY into a plain table", "copy_postgresql")):
        lines.append(f"| {name} | {report[key]['obs_per_s']:,.0f} | "
                     f"{statistics.median(r['seconds'] for r in report[key]['runs']):.2f} |")
    lines += ["", "## Endpoints (H2 build, whole dataset loaded)", "",
              "| endpoint | connections | req/s | p50 ms | p99 ms |", "|---|---:|---:|---:|---:|"]
    for name, figures in report["http"].items():
        for connections in CONNECTIONS:
            f = figures[str(connections)]
            lines.append(f"| {name} | {connections} | {f['rps']:,.0f} | {f['p50_ms']:.2f} | {f['p99_ms']:.2f} |")
    lines += ["", "The load runs repeat one URL, so after the first request they measure answers kept by ETag "
              "(ResponseCache). The first answer after a start, computed from the database:", "",
              "| endpoint | first answer ms |", "|---|---:|"]
    lines += [f"| {name} | {ms:,.1f} |" for name, ms in report["first_answer_ms"].items()]
    lines += ["", "## Memory and start-up", "",
              f"- Resident memory after the load runs: {report['memory']['rss_mb']} MB "
              f"(peak {report['memory']['peak_rss_mb']} MB).",
              f"- Start-up to ready with the whole dataset: {report['startup']['seconds']} s "
              f"(resident {report['startup']['rss_after_start_mb']:.0f} MB just after).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
