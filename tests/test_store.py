"""The SQLite store: migrations are safe under concurrent first opens, and a version-1 database upgrades."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from digestgen.store import MIGRATIONS, Store, _statements

ROOT = Path(__file__).resolve().parents[1]

OPEN_AT_ONCE = """
import sys, time
from digestgen.store import Store
start = float(sys.argv[2])
while time.time() < start:   # every process opens the fresh database at the same moment
    pass
s = Store(sys.argv[1])
print(s.version)
"""


def test_several_processes_opening_a_fresh_database_migrate_it_once(tmp_path):
    # RACE_SRC: another source tree to run the processes on (to see the old migration code fail this test)
    env = {"PYTHONPATH": os.environ.get("RACE_SRC", str(ROOT / "src"))}

    import time

    for attempt in range(2):
        db = tmp_path / f"race{attempt}" / "llm.sqlite"
        start = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", OPEN_AT_ONCE, str(db), str(start)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env={**os.environ, **env}) for _ in range(6)]
        results = [p.communicate(timeout=60) for p in procs]
        errors = [err for (_, err), p in zip(results, procs) if p.returncode != 0]
        assert not errors, errors[0]
        assert {out.strip() for out, _ in results} == {str(len(MIGRATIONS))}
        with sqlite3.connect(db) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"responses", "calls", "batches", "papers", "digests", "digest_rows", "row_versions"} <= tables


def test_version_1_database_upgrades_and_keeps_its_data(tmp_path):
    path = tmp_path / "llm.sqlite"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])          # exactly the version-1 schema, as the first release created it
    old.execute("PRAGMA user_version=1")
    old.execute("INSERT INTO responses VALUES ('k1', 'gpt-4o-mini', '{}', ?, 12, 34, '2025-02-28T00:00:00')",
                (json.dumps({"choices": []}),))
    old.execute("INSERT INTO calls (ts, run, model, cache_hit, outcome) VALUES ('t', 'r1', 'm', 0, 'ok')")
    old.commit()
    old.close()

    store = Store(path)
    assert store.version == len(MIGRATIONS)
    assert store.get_response("k1") == {"response": {"choices": []}, "tokens_in": 12, "tokens_out": 34}
    assert store.run_totals("r1")["calls"] == 1
    store.save_batch("b1", "r2", "file-1", "validating", ["k1"])        # a version-2 table
    assert [b["id"] for b in store.open_batches()] == ["b1"]
    assert store.query("SELECT COUNT(*) FROM digests") == [(0,)]        # a version-3 table
    store.close()
    assert Store(path).version == len(MIGRATIONS)                      # opening again changes nothing


def test_a_failed_migration_leaves_the_database_at_its_version(tmp_path, monkeypatch):
    path = tmp_path / "llm.sqlite"
    import digestgen.store as store_mod

    monkeypatch.setattr(store_mod, "MIGRATIONS", [MIGRATIONS[0], "CREATE TABLE x (a);\nTHIS IS NOT SQL;"])
    try:
        Store(path)
    except sqlite3.OperationalError:
        pass
    else:
        raise AssertionError("the broken migration should raise")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name='x'").fetchall()


def test_statements_split_scripts_on_complete_statements():
    script = "CREATE TABLE a (x TEXT DEFAULT ';');\n  CREATE INDEX ai ON a(x);\n\n"
    assert _statements(script) == ["CREATE TABLE a (x TEXT DEFAULT ';');", "CREATE INDEX ai ON a(x);"]
