#!/usr/bin/env python3
"""Links O*NET detailed work activities (DWAs) to ESCO skills: the file jobs.WorkActivities reads so that a learner's
ESCO-aligned credentials can reach a work activity O*NET links no skill to (docs/jobs.md, "work activities").

Input: the mapper's output for every DWA title, made with the shipped engine:
    zcat "openler-data/.../onet/text/DWA Reference.txt.gz" | tail -n +2 | cut -f6 | sort -u \
        | ./openler skills suggest --top 5 > dwa-esco.jsonl
Then: scripts/generate-dwa-esco-links.py dwa-esco.jsonl > openler-data/.../onet/derived/dwa-esco-skills.tsv

A suggestion is kept when (1) its calibrated probability is at least MIN_PROBABILITY and (2) ESCO itself lists the
skill (essential or optional) for an ESCO occupation that the ESCO-O*NET crosswalk matches to one of the O*NET
occupations whose tasks are linked to the DWA: the mapper reads the words, the occupations confirm the trade
("Weld metal components." -> "perform metal inert gas welding", not "design metal components"). At most MAX_LINKS.
"""
import csv
import gzip
import io
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

MIN_PROBABILITY = 0.3
MAX_LINKS = 3
DATA = Path(__file__).resolve().parent.parent / "openler-data/src/main/resources/org/openler/data"


def tsv(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def main(mapped):
    title_to_ids = defaultdict(set)
    for row in tsv(DATA / "onet/text/DWA Reference.txt.gz"):
        title_to_ids[row[5].strip()].add(row[4].strip())
    occupations_of_dwa = defaultdict(set)
    for row in tsv(DATA / "onet/converted-from-xlsx/Tasks to DWAs.txt.gz"):
        occupations_of_dwa[row[4].strip()].add(row[0].strip())
    esco_of_onet = defaultdict(set)
    with gzip.open(DATA / "crosswalks/esco-onet/crosswalk_esco_onet.csv.gz", "rt", encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("O*NET Id,"))
    for row in csv.DictReader(lines[header:]):
        esco_of_onet[row["O*NET Id"].strip()].add(row["ESCO or ISCO URI"].strip())
    skills_of_occupation = defaultdict(set)
    archive = DATA / "esco/ESCO dataset - v1.1.1 - classification -  - csv.zip"
    with zipfile.ZipFile(archive) as z, z.open("occupationSkillRelations.csv") as f:
        for row in csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")):
            skills_of_occupation[row["occupationUri"]].add(row["skillUri"])

    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["DWA ID", "ESCO skill URI", "ESCO preferred label", "probability"])
    kept = dwas = 0
    for line in open(mapped, encoding="utf-8"):
        row = json.loads(line)
        for dwa in sorted(title_to_ids.get(row["input"].strip(), ())):
            trade = set()
            for code in occupations_of_dwa.get(dwa, ()):
                for occupation in esco_of_onet.get(code, ()):
                    trade |= skills_of_occupation.get(occupation, set())
            links = [s for s in row["suggestions"]
                     if s.get("probability", 0) >= MIN_PROBABILITY and s["uri"] in trade][:MAX_LINKS]
            for s in links:
                out.writerow([dwa, s["uri"], s["label"], f'{s["probability"]:.4f}'])
            kept += len(links)
            dwas += 1 if links else 0
    print(f"{kept} links for {dwas} DWAs", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
