"""The built wheel, installed into a fresh venv, writes the sample day from a folder that is not the checkout."""

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from digestgen.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]


# No PYTHONPATH: the checkout's src/ must not stand in for the installed wheel.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DIGESTGEN_PROMPTS", "DIGESTGEN_CONFIG")}


def sh(*cmd, **kw):
    kw.setdefault("env", CLEAN_ENV)
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw)
    assert proc.returncode == 0, f"{cmd}: {proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return proc


@pytest.mark.slow
def test_wheel_installs_and_runs_the_sample_day_offline(tmp_path):
    # Built from a clean copy: no build/ or egg-info left over from an earlier build can fill in what the
    # package configuration forgets (symlinks, such as prompt_files -> prompts/, are kept as links).
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "out", "cache", ".pytest_cache", ".hypothesis"))
    # a template in a subfolder of prompts/ (as a feature's own prompts would be) is packaged too
    (src / "prompts" / "sub").mkdir()
    (src / "prompts" / "sub" / "extra.md.j2").write_text("extra {{ x }}")
    wheels = tmp_path / "wheels"
    sh(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, src)
    (wheel,) = wheels.glob("digestgen-*.whl")

    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", "--without-pip", venv)
    py = venv / "bin" / "python"
    sh(sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-deps", "--no-index", wheel)
    # The dependencies come from this interpreter's site-packages, added after the wheel as a plain path: its
    # .pth files (an editable install of the checkout) are not run, so only the wheel can provide digestgen.
    site = Path(sh(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "cache", work / "cache")
    env = {**CLEAN_ENV, "DIGESTGEN_HOME": str(tmp_path / "home")}
    where = sh(py, "-c", "import digestgen; print(digestgen.__file__)", cwd=work, env=env).stdout.strip()
    assert Path(where).is_relative_to(venv), where

    extra = sh(py, "-c", "from digestgen.prompts import render; print(render('sub/extra.md.j2', x=1))",
               cwd=work, env=env).stdout.strip()
    assert extra == "extra 1"

    proc = subprocess.run([venv / "bin" / "digestgen", "run", "--offline", "--date", "2025-02-28"], cwd=work,
                          env=env, capture_output=True, text=True, timeout=300)
    # exit 3: the day is written, and the paper without an abstract is marked NEEDS ATTENTION (not a clean day)
    assert proc.returncode == 3, proc.stderr
    out = work / "out" / "digests" / "2025" / "02" / "28.md"
    assert proc.stdout.strip().endswith("out/digests/2025/02/28.md")
    parsed = parse_file(out)
    assert len(parsed.rows) == 15 and all(not r.defects for r in parsed.rows)
    # the offline engine rendered its rows through the packaged prose template
    assert sum(r.summary.startswith("NEEDS ATTENTION") for r in parsed.rows) == 1
    assert (out.with_suffix(".json")).exists()
