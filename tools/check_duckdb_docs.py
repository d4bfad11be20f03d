#!/usr/bin/env python3
"""Runs every ```sql block of docs/cohort.md in DuckDB, in a folder holding
cohorts/*.csv and cohorts/*.json, and prints each result's row count.

    tools/check_duckdb_docs.py docs/cohort.md WORKDIR

Exit 0 when every statement runs, 1 when one fails, 3 when the duckdb
Python package is missing (the caller skips).
"""
import os
import re
import sys

try:
    import duckdb
except ImportError:
    sys.exit(3)

doc, work = sys.argv[1], sys.argv[2]
blocks = re.findall(r"```sql\n(.*?)```", open(doc, encoding="utf-8").read(), re.S)
os.chdir(work)
con = duckdb.connect()
for block in blocks:
    for stmt in (s for s in block.split(";") if s.strip()):
        try:
            rows = con.execute(stmt).fetchall()
        except Exception as e:  # noqa: BLE001 - any failure is the finding
            print(f"FAILED: {e}\n{stmt}")
            sys.exit(1)
        print(f"{len(rows)} rows")
print(f"duckdb {duckdb.__version__}: {len(blocks)} blocks ran")
