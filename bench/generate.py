#!/usr/bin/env python3
"""Generates a national dataset for the benchmark: deterministic for a given seed.

The country, its 5 regions and 98 municipalities (the catalogue in src/test/resources/catalogue), every
catalogue target group, monthly full-time persons and persons from 2007-01 to 2025-12, and the population
16-66. Municipal values are drawn first; a region is the sum of its municipalities, the country the sum of all
98, and a parent target group the sum of its sub-groups, so every total adds up. Municipal counts of full-time
persons below 3 are published as suppressed (as Jobindsats blanks small cells); the totals still hold them.

Writes one file per year in both import formats, and the whole history as one file of each:
  <out>/tidy/observations-YYYY.csv       the tidy CSV (area,target_group,measure,period,value,status)
  <out>/jobindsats/v2-YYYY.json           Jobindsats v2 JSON (a benefit table and a population table)
  <out>/tidy/observations-all.csv        every year in one tidy CSV file (the yearly files' lines, one header)
  <out>/jobindsats/v2-all.json            every year in one Jobindsats v2 JSON file (the two tables' rows joined)
  <out>/manifest.json                     the counts, the files and the municipality codes
--whole-only writes the two whole-history files (and completes the manifest) from the yearly files of an earlier
run with the same --seed and --small, without drawing the data again.
"""
import argparse
import csv
import json
import math
import os
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "src" / "test" / "resources" / "catalogue"

# Country-level full-time persons per month of each leaf target group, around 2015 (plausible magnitudes).
LEVELS = {
    "dagpenge": 75000, "midlertidig-arbejdsmarkedsydelse": 2500, "ny-midlertidig-kontantydelse": 600,
    "kontanthjaelp-jobparate": 22000, "kontanthjaelp-aktivitetsparate": 62000,
    "kontanthjaelp-integrationsprogram-jobparate": 1800, "kontanthjaelp-integrationsprogram-aktivitetsparate": 2600,
    "integrationsydelse-jobparate": 7000, "integrationsydelse-aktivitetsparate": 11000,
    "integrationsydelse-aabenlyst-uddannelsesparate": 900, "integrationsydelse-uddannelsesparate": 1900,
    "integrationsydelse-andre": 2800, "revalidender": 5200, "forrevalidender": 1100, "sygedagpenge": 58000,
    "foertidspension": 185000, "fleksjob": 62000, "ledighedsydelse": 15000, "ressourceforloeb": 21000,
    "uddannelseshjaelp-aabenlyst-uddannelsesparate": 9500, "uddannelseshjaelp-uddannelsesparate": 14500,
    "uddannelseshjaelp-aktivitetsparate": 21000, "jobafklaringsforloeb": 14000,
}
POPULATION_16_66 = 3_700_000
FIRST_YEAR, LAST_YEAR = 2007, 2025
SUPPRESSED_BELOW = 3


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def danish(number):
    """An integer as Jobindsats writes it in JSON text: 1.313 for 1313."""
    return f"{number:,}".replace(",", ".")


class Dataset:
    def __init__(self, seed, municipality_limit=None, years=None):
        areas = read_csv(CATALOGUE / "areas.csv")
        groups = read_csv(CATALOGUE / "target-groups.csv")
        self.rng = random.Random(seed)
        self.country = next(a for a in areas if a["type"] == "COUNTRY")
        self.regions = [a for a in areas if a["type"] == "REGION"]
        self.municipalities = [a for a in areas if a["type"] == "MUNICIPALITY"][:municipality_limit]
        self.groups = sorted(groups, key=lambda g: int(g["sort_order"]))
        self.children = {g["code"]: [c["code"] for c in self.groups if c["parent_code"] == g["code"]]
                         for g in self.groups}
        missing = [g["code"] for g in self.groups if not self.children[g["code"]] and g["code"] not in LEVELS]
        if missing:
            raise SystemExit(f"no level for the leaf target groups {missing}")
        self.years = years or list(range(FIRST_YEAR, LAST_YEAR + 1))
        # A municipality's size (its share of the country) and, per leaf group, how over- or under-represented
        # the group is there: drawn once, so series are smooth over time.
        sizes = {m["code"]: self.rng.lognormvariate(0, 0.75) for m in self.municipalities}
        total = sum(sizes.values())
        self.share = {code: size / total for code, size in sizes.items()}
        self.local = {(m["code"], g): self.rng.lognormvariate(0, 0.3)
                      for m in self.municipalities for g in LEVELS}
        self.persons_ratio = {g: 1.1 + 0.3 * self.rng.random() for g in LEVELS}
        self.phase = {g: self.rng.random() * 2 * math.pi for g in LEVELS}

    def months(self, year):
        return [(year, month) for month in range(1, 13)]

    def level(self, group, year, month):
        """The country level of a leaf group in a month: a slow cycle, a season and the group's own phase."""
        t = (year - FIRST_YEAR) + (month - 1) / 12
        cycle = 1 + 0.25 * math.sin(2 * math.pi * t / 9 + self.phase[group])
        season = 1 + 0.06 * math.cos(2 * math.pi * (month - 1) / 12)
        return LEVELS[group] * cycle * season

    def year(self, year):
        """Every observation of a year: (area code, group code or None, measure, (year, month), value, status)."""
        rows = []
        for (y, m) in self.months(year):
            full_time = {}  # (municipality, leaf group) -> value
            for municipality in self.municipalities:
                code = municipality["code"]
                for group in LEVELS:
                    noise = 1 + self.rng.gauss(0, 0.03)
                    full_time[code, group] = max(0, round(self.level(group, y, m) * self.share[code]
                                                          * self.local[code, group] * noise))
            population = {municipality["code"]: round(POPULATION_16_66 * self.share[municipality["code"]]
                                                      * (1 + 0.003 * (y - FIRST_YEAR)))
                          for municipality in self.municipalities}
            members = {self.country["code"]: [m["code"] for m in self.municipalities]}
            for region in self.regions:
                members[region["code"]] = [m["code"] for m in self.municipalities
                                           if m["parent_code"] == region["code"]]
            for municipality in self.municipalities:
                members[municipality["code"]] = [municipality["code"]]
            for area in [self.country] + self.regions + self.municipalities:
                inside = members[area["code"]]
                is_municipality = area["type"] == "MUNICIPALITY"
                for group in self.groups:
                    leaves = self.leaves(group["code"])
                    ftp = sum(full_time[code, leaf] for code in inside for leaf in leaves)
                    persons = sum(round(full_time[code, leaf] * self.persons_ratio[leaf])
                                  for code in inside for leaf in leaves)
                    suppressed = is_municipality and ftp < SUPPRESSED_BELOW
                    for measure, value in (("full-time-persons", ftp), ("persons", persons)):
                        rows.append((area["code"], group["code"], measure, (y, m), None if suppressed else value))
                rows.append((area["code"], None, "population-16-66", (y, m), sum(population[c] for c in inside)))
        return rows

    def leaves(self, group):
        children = self.children[group]
        return [group] if not children else [leaf for child in children for leaf in self.leaves(child)]


def write_tidy(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["area", "target_group", "measure", "period", "value", "status"])
        for area, group, measure, (y, m), value in rows:
            writer.writerow([area, group or "", measure, f"{y}-{m:02d}",
                             "" if value is None else value, "suppressed" if value is None else "ok"])


def write_jobindsats(path, rows, dataset):
    names = {a["code"]: a["name"] for a in [dataset.country] + dataset.regions + dataset.municipalities}
    labels = {g["code"]: g["name_da"] for g in dataset.groups}
    benefits, population = {}, []
    for area, group, measure, (y, m), value in rows:
        period = f"{y}M{m:02d}"
        cell = ".." if value is None else danish(value)
        if group is None:
            population.append([names[area], period, cell])
        else:
            benefits.setdefault((area, period, group), {})[measure] = cell
    tables = [
        {"TableID": "y01a02",
         "Variables": [{"Name": "area", "Label": "Område"}, {"Name": "period", "Label": "Periode"},
                       {"Name": "ydelse", "Label": "Ydelsesgrupper"},
                       {"Name": "y01a02_1", "Label": "Antal fuldtidspersoner"},
                       {"Name": "y01a02_2", "Label": "Antal personer"}],
         "Data": [[names[area], period, labels[group], cells["full-time-persons"], cells["persons"]]
                  for (area, period, group), cells in benefits.items()]},
        {"TableID": "befolk",
         "Variables": [{"Name": "area", "Label": "Område"}, {"Name": "period", "Label": "Periode"},
                       {"Name": "bef", "Label": "Befolkningen 16-66 år"}],
         "Data": population},
    ]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tables, f, ensure_ascii=False, separators=(",", ":"))


def write_whole(out, manifest):
    """The whole history as one file per format, joined from the yearly files (so it holds exactly their rows)."""
    tidy, jobindsats = "tidy/observations-all.csv", "jobindsats/v2-all.json"
    with open(out / tidy, "w", encoding="utf-8", newline="") as whole:
        for index, entry in enumerate(manifest["files"]):
            with open(out / entry["tidy"], encoding="utf-8", newline="") as f:
                header = f.readline()
                if index == 0:
                    whole.write(header)
                shutil.copyfileobj(f, whole)
    tables = None
    for entry in manifest["files"]:
        with open(out / entry["jobindsats"], encoding="utf-8") as f:
            year = json.load(f)
        if tables is None:
            tables = year
        else:
            for table, more in zip(tables, year):
                if table["TableID"] != more["TableID"] or table["Variables"] != more["Variables"]:
                    raise SystemExit(f"{entry['jobindsats']} does not have the tables of the first year")
                table["Data"].extend(more["Data"])
    with open(out / jobindsats, "w", encoding="utf-8") as f:
        json.dump(tables, f, ensure_ascii=False, separators=(",", ":"))
    manifest["whole"] = {"observations": manifest["observations"], "tidy": tidy, "jobindsats": jobindsats,
                         "tidy_bytes": (out / tidy).stat().st_size,
                         "jobindsats_bytes": (out / jobindsats).stat().st_size}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default=str(ROOT / "bench" / "data"))
    parser.add_argument("--small", action="store_true", help="10 municipalities and 2 years, for a smoke run")
    parser.add_argument("--whole-only", action="store_true",
                        help="only write the whole-history files from the yearly files already under --out")
    args = parser.parse_args()
    dataset = Dataset(args.seed, municipality_limit=10 if args.small else None,
                      years=[2024, 2025] if args.small else None)
    out = Path(args.out)
    if args.whole_only:
        manifest = json.loads((out / "manifest.json").read_text())
        if manifest["seed"] != args.seed or manifest["small"] != args.small:
            raise SystemExit(f"{out} holds another dataset (seed {manifest['seed']}, small {manifest['small']})")
        manifest["municipalities"] = [m["code"] for m in dataset.municipalities]
        write_whole(out, manifest)
        (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
        print(f"the whole history ({manifest['observations']} observations) in one file per format under {out}")
        return
    (out / "tidy").mkdir(parents=True, exist_ok=True)
    (out / "jobindsats").mkdir(parents=True, exist_ok=True)
    files, total = [], 0
    for year in dataset.years:
        rows = dataset.year(year)
        write_tidy(out / "tidy" / f"observations-{year}.csv", rows)
        write_jobindsats(out / "jobindsats" / f"v2-{year}.json", rows, dataset)
        files.append({"year": year, "observations": len(rows),
                      "tidy": f"tidy/observations-{year}.csv", "jobindsats": f"jobindsats/v2-{year}.json"})
        total += len(rows)
    manifest = {"seed": args.seed, "small": args.small, "observations": total,
                "areas": 1 + len(dataset.regions) + len(dataset.municipalities),
                "target_groups": len(dataset.groups), "years": dataset.years, "files": files,
                "municipalities": [m["code"] for m in dataset.municipalities]}
    write_whole(out, manifest)
    with open(out / "manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
    print(f"{total} observations in {len(files)} files per format, and in one file per format, under {out}")


if __name__ == "__main__":
    main()
