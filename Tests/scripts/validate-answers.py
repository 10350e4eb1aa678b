#!/usr/bin/env python3
"""Validates answer values (one JSON object per line) against the contract's JSON Schema.
Usage: validate-answers.py SCHEMA FILE. Exits 1 on the first invalid answer."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
count = 0
for number, line in enumerate(open(sys.argv[2]), 1):
    if not line.strip():
        continue
    errors = sorted(validator.iter_errors(json.loads(line)), key=str)
    if errors:
        print(f"answer {number} is invalid: {errors[0].message}\n{line}")
        sys.exit(1)
    count += 1
print(f"{count} answers valid against {sys.argv[1]}")
