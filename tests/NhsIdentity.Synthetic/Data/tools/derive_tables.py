#!/usr/bin/env python3
"""Derives the generator's small tables from the shared eval-data lookups.

Usage (from tests/NhsIdentity.Synthetic/Data): python3 tools/derive_tables.py <eval-data>/lookups
Deterministic: same inputs, same outputs. See ../README.md for sources and licences.
"""
import csv
import random
import sys
from pathlib import Path

lookups = Path(sys.argv[1])
here = Path(__file__).resolve().parent.parent

# Given names by sex, 1996-2018 totals: the 400 most frequent per sex, with counts.
rows = {"M": [], "F": []}
with open(lookups / "ons_babynames_ew_1996_2018_totals.csv", newline="") as f:
    for r in csv.DictReader(f):
        name = r["name"].strip()
        if not name.isalpha():
            continue
        rows[r["sex"]].append((name, int(r["count_1996_2018"])))
with open(here / "given-names-ew-1996-2018.csv", "w", newline="\n") as out:
    out.write("sex,name,count\n")
    for sex in ("M", "F"):
        for name, count in sorted(rows[sex], key=lambda t: (-t[1], t[0]))[:400]:
            out.write(f"{sex},{name},{count}\n")

# Historic top-100 names per decade, 1904-1994 (ranks only), unchanged apart from trimming.
with open(lookups / "ons_babynames_ew_top100_1904_1994.csv", newline="") as f, \
        open(here / "given-names-ew-top100-1904-1994.csv", "w", newline="\n") as out:
    out.write("year,sex,name,rank\n")
    for r in csv.DictReader(f):
        out.write(f"{r['year']},{r['sex']},{r['name'].strip().upper()},{r['ranking']}\n")

# Surnames: the 1,500 most frequent, with the published relative frequency.
with open(lookups / "surnames_uk_sdglinkage.csv", newline="") as f:
    surnames = [(r["surname"].strip(), float(r["freq"])) for r in csv.DictReader(f)]
surnames = [s for s in surnames if s[0].replace("'", "").isalpha()]
surnames.sort(key=lambda t: (-t[1], t[0]))
with open(here / "surnames-uk.csv", "w", newline="\n") as out:
    out.write("surname,freq\n")
    for name, freq in surnames[:1500]:
        out.write(f"{name},{freq:.5f}\n")

# NHS body suffixes dropped from primary care trust names so they read as an area ("Swansea Bay", "Bolton").
SUFFIXES = [" University Health Board", " Teaching Health Board", " Community Health and Social Care Partnership",
            " Health and Social Care Partnership", " Community Health and Care Partnership",
            " Community Health Partnership", " National Health Service", " Teaching", " County", " City", " District"]


def area_name(pct):
    area = pct.strip().replace(",", "")
    for suffix in SUFFIXES:
        if area.endswith(suffix) and area != "County Durham":
            area = area[: -len(suffix)]
    return area


# Postcodes: a fixed-seed pick of 500 with their primary care trust's area (the town line).
with open(lookups / "uk_postcodes_sample_gb.csv", newline="") as f:
    postcodes = list(csv.DictReader(f))
random.seed(20261124)
picked = sorted(random.sample(range(len(postcodes)), 500))
with open(here / "postcodes-gb.csv", "w", newline="\n") as out:
    out.write("postcode,area\n")
    for i in picked:
        r = postcodes[i]
        out.write(f"{r['postcode'].strip()},{area_name(r['primary_care_trust'])}\n")
