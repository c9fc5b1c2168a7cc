#!/usr/bin/env python3
"""Regenerates nicknames-carltonnorthern.csv and name-frequencies-ons-ew.csv from the shared eval-data lookups.
Usage: python3 gen_name_tables.py /path/to/eval-data/lookups   (run from src/NhsIdentity/Resources)"""
import collections
import csv
import sys

L = sys.argv[1].rstrip("/") + "/"
CUT = 100

groups = collections.OrderedDict()
with open(L + "nicknames_carltonnorthern.csv", newline="") as f:
    r = csv.reader(f)
    next(r)
    for a, rel, b in r:
        assert rel == "has_nickname"
        groups.setdefault(a.upper(), []).append(b.upper())
with open("nicknames-carltonnorthern.csv", "w", newline="\n") as o:
    o.write("# Derived from carltonnorthern/nicknames names.csv, commit 21d75051c39cb022d145388d60c87dc30505228b,\n")
    o.write("# Copyright the carltonnorthern/nicknames contributors, licensed under the Apache License, Version 2.0\n")
    o.write('# (see THIRD-PARTY-NOTICES.md). Changes made here: names upper-cased, and the rows "name,has_nickname,nickname"\n')
    o.write("# grouped into one line per name: NAME,NICKNAME1,NICKNAME2,... (same order as the source). No row was added or removed.\n")
    for k, v in groups.items():
        o.write(k + "," + ",".join(v) + "\n")

tot = collections.Counter()
with open(L + "ons_babynames_ew_1996_2018_totals.csv") as f:
    r = csv.reader(f)
    next(r)
    for row in r:
        tot[row[0]] += int(row[2])
total = sum(tot.values())
kept = sorted(((n, c) for n, c in tot.items() if c >= CUT), key=lambda x: (-x[1], x[0]))
with open("name-frequencies-ons-ew.csv", "w", newline="\n") as o:
    o.write("# Given-name counts for England and Wales, 1996-2018, boys and girls combined: NAME,COUNT, most frequent first.\n")
    o.write("# Source: Office for National Statistics licensed under the Open Government Licence v.3.0\n")
    o.write('# (ONS "Baby names in England and Wales", as carried by the files ons_babynames_ew_1996_2018_{boys,girls}.csv; see README.md).\n')
    o.write(f"# Derived: counts summed over years and sexes; names given to fewer than {CUT} babies over the 23 years dropped\n")
    o.write(f"# ({len(tot) - len(kept)} of {len(tot)} names). The total below counts every registration, dropped names included.\n")
    o.write(f"#total={total}\n")
    for n, c in kept:
        o.write(f"{n},{c}\n")
print(len(groups), "nickname lines;", len(kept), "names kept of", len(tot), "; total", total)
