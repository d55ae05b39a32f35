"""deploy/: the cron line, the systemd service and timer, and the GitHub Actions workflow are real, valid files."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def test_github_workflow_parses_and_runs_daily():
    wf = yaml.safe_load((DEPLOY / "github" / "daily.yml").read_text())
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    cron = on["schedule"][0]["cron"]
    assert len(cron.split()) == 5
    assert "workflow_dispatch" in on
    steps = wf["jobs"]["daily"]["steps"]
    run = next(s for s in steps if s.get("id") == "daily")["run"]
    assert "digestgen daily --date" in run and "0|3|4) exit 0" in run
    env = wf["jobs"]["daily"]["env"]
    assert env["DIGESTGEN_TELEGRAM_TOKEN"].startswith("${{ secrets.")  # secrets only from the secret store
    assert env["DIGESTGEN_SLACK_WEBHOOK"].startswith("${{ secrets.")
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/cache/restore@") for u in uses) and any(u.startswith("actions/cache/save@") for u in uses)


def _unit(path: Path) -> configparser.ConfigParser:
    cp = configparser.ConfigParser(strict=False, interpolation=None)
    cp.optionxform = str
    cp.read_string(path.read_text())
    return cp


def test_systemd_service_and_timer():
    svc = _unit(DEPLOY / "systemd" / "digestgen-daily.service")
    assert svc["Service"]["Type"] == "oneshot"
    assert svc["Service"]["ExecStart"].endswith("digestgen daily --date today")
    assert set(svc["Service"]["SuccessExitStatus"].split()) == {"3", "4"}
    timer = _unit(DEPLOY / "systemd" / "digestgen-daily.timer")
    assert timer["Timer"]["Unit"] == "digestgen-daily.service"
    assert re.fullmatch(r"\*-\*-\* \d\d:\d\d:\d\d UTC", timer["Timer"]["OnCalendar"])
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_cron_line():
    lines = [line for line in (DEPLOY / "digestgen.cron").read_text().splitlines()
             if line.strip() and not line.startswith("#") and "=" not in line.split()[0]]
    assert len(lines) == 1
    fields = lines[0].split(None, 6)
    minute, hour, dom, month, dow, user, command = fields
    assert minute.isdigit() and hour.isdigit() and (dom, month, dow) == ("*", "*", "*") and user == "digestgen"
    assert "digestgen daily --date today" in command
