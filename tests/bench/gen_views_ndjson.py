#!/usr/bin/env python3
"""Writes a synthetic Bulk Data export for the view benchmark (tools/bench.sh, benchmark 7):
Patient.1.ndjson and Observation.<n>.ndjson shaped like Synthea's output, about SIZE MiB in all
(default 1100), deterministic. Usage: gen_views_ndjson.py FOLDER [SIZE_MIB]"""
import json
import os
import random
import sys

folder = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 1100) * 1024 * 1024
os.makedirs(folder, exist_ok=True)
rnd = random.Random(22)
FAMILY = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"]
GIVEN = ["Anna", "Mette", "Peter", "Jens", "Søren", "Kirsten", "Lars", "Hanne", "Ole", "Ida"]
CITY = ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens"]
VITALS = [("8302-2", "Body Height", "cm", 140, 200), ("29463-7", "Body Weight", "kg", 40, 120),
          ("8867-4", "Heart rate", "/min", 50, 110), ("2339-0", "Glucose", "mg/dL", 60, 180)]


def patient(i):
    pid = "p%07d" % i
    return pid, {
        "resourceType": "Patient", "id": pid,
        "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
        "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Generated</div>"},
        "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                       "valueCode": rnd.choice("MF")}],
        "identifier": [{"system": "https://github.com/synthetichealth/synthea", "value": "id-%d" % i},
                       {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                        "system": "http://hospital.example.org", "value": "MR-%d" % i}],
        "name": [{"use": "official", "family": rnd.choice(FAMILY),
                  "given": [rnd.choice(GIVEN), rnd.choice(GIVEN)], "prefix": ["Hr."]}],
        "telecom": [{"system": "phone", "value": "+45 %08d" % rnd.randrange(10**8), "use": "home"}],
        "gender": rnd.choice(["male", "female"]),
        "birthDate": "%04d-%02d-%02d" % (rnd.randrange(1930, 2020), rnd.randrange(1, 13), rnd.randrange(1, 29)),
        "address": [{"line": ["Vestergade %d" % rnd.randrange(1, 200)], "city": rnd.choice(CITY),
                     "postalCode": "%04d" % rnd.randrange(1000, 9999), "country": "DK"}],
        "maritalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M"}]},
        "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "da"}]}}],
    }


def observation(i, pid):
    code, display, unit, lo, hi = rnd.choice(VITALS)
    day = "2020-%02d-%02dT%02d:%02d:00+01:00" % (rnd.randrange(1, 13), rnd.randrange(1, 29), rnd.randrange(24), rnd.randrange(60))
    o = {"resourceType": "Observation", "id": "o%09d" % i,
         "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-vital-signs"]},
         "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                   "code": "vital-signs", "display": "Vital signs"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": code, "display": display}], "text": display},
         "subject": {"reference": "Patient/" + pid},
         "encounter": {"reference": "Encounter/e%08d" % rnd.randrange(10**8)},
         "effectiveDateTime": day, "issued": day.replace("+01:00", ".000+01:00"),
         "valueQuantity": {"value": round(rnd.uniform(lo, hi), 1), "unit": unit,
                           "system": "http://unitsofmeasure.org", "code": unit}}
    return o


written = 0
patients = []
with open(os.path.join(folder, "Patient.1.ndjson"), "w", encoding="utf-8") as f:
    for i in range(max(1, target // 4 // 1400)):
        pid, p = patient(i)
        patients.append(pid)
        line = json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n"
        f.write(line)
        written += len(line.encode("utf-8"))
n, i = 1, 0
while written < target:
    with open(os.path.join(folder, "Observation.%d.ndjson" % n), "w", encoding="utf-8") as f:
        size = 0
        while size < 256 * 1024 * 1024 and written < target:
            line = json.dumps(observation(i, rnd.choice(patients)), separators=(",", ":")) + "\n"
            f.write(line)
            size += len(line)
            written += len(line)
            i += 1
    n += 1
