"""Settings: precedence (environment > TOML file > defaults) and one clear line for every config mistake."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from digestgen.config import ENV, ConfigError, Settings, current

ROOT = Path(__file__).resolve().parents[1]


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_defaults_without_file_or_environment(tmp_path):
    s = Settings.load(environ={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert s.cache_dir == Path("cache") and s.out_dir == Path("out/digests")
    assert s.hf_url == "https://huggingface.co/api"
    assert s.arxiv_url == "https://export.arxiv.org/api/query"
    assert (s.min_words, s.max_words) == (60, 250)
    assert s.prompts_dir is None and s.prices_file is None
    assert s.state_dir() == tmp_path / "xdg" / "digestgen"
    assert s.store_path() == tmp_path / "xdg" / "digestgen" / "llm.sqlite"
    assert s.tiktoken_cache() == tmp_path / "xdg" / "digestgen" / "tiktoken"
    assert s.default_engine() == "extractive"


def test_toml_overrides_defaults_and_environment_overrides_toml(tmp_path):
    cfg = write(tmp_path / "c.toml", 'cache_dir = "from-toml"\nout_dir = "toml-out"\nmodel = "m-toml"\n'
                                     'min_words = 40\nhf_url = "http://toml/api"\n')
    env = {"DIGESTGEN_CONFIG": str(cfg), "DIGESTGEN_CACHE": "from-env", "DIGESTGEN_MIN_WORDS": "50",
           "DIGESTGEN_HOME": str(tmp_path / "h")}
    s = Settings.load(environ=env)
    assert s.cache_dir == Path("from-env")      # environment beats the file
    assert s.min_words == 50                    # ... for numbers too, converted
    assert s.out_dir == Path("toml-out")        # the file beats the default
    assert s.model == "m-toml" and s.hf_url == "http://toml/api"
    assert s.max_words == 250                   # neither: the default
    # an explicit path beats DIGESTGEN_CONFIG
    other = write(tmp_path / "o.toml", 'out_dir = "other"\n')
    assert Settings.load(other, environ=env).out_dir == Path("other")


def test_empty_environment_variable_does_not_override(tmp_path):
    cfg = write(tmp_path / "c.toml", 'model = "m-toml"\n')
    s = Settings.load(environ={"DIGESTGEN_CONFIG": str(cfg), "DIGESTGEN_MODEL": ""})
    assert s.model == "m-toml"


def test_archive_is_a_path_list(tmp_path):
    s = Settings.load(environ={"DIGESTGEN_ARCHIVE": f"a{os.pathsep}b/c"})
    assert s.archive_dirs == [Path("a"), Path("b/c")]


def test_every_env_variable_names_a_field():
    assert set(ENV) <= set(Settings.model_fields)


@pytest.mark.parametrize("text, expected", [
    ('colour = "blue"\n', "unknown key 'colour'"),
    ('cache_dir = "x\n', "is not valid TOML"),
    ('min_words = "many"\n', "bad setting min_words (environment variable DIGESTGEN_MIN_WORDS"),
    ('min_words = 300\n', "word limits must satisfy"),
])
def test_bad_config_file_is_one_config_error(tmp_path, text, expected):
    cfg = write(tmp_path / "c.toml", text)
    with pytest.raises(ConfigError) as exc:
        Settings.load(environ={"DIGESTGEN_CONFIG": str(cfg)})
    assert expected in str(exc.value)
    assert "\n" not in str(exc.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file .*nope.toml not found"):
        Settings.load(environ={"DIGESTGEN_CONFIG": str(tmp_path / "nope.toml")})


def test_home_that_is_a_file(tmp_path):
    home = write(tmp_path / "home", "not a folder")
    with pytest.raises(ConfigError, match="is a file, not a folder"):
        Settings.load(environ={"DIGESTGEN_HOME": str(home)})


def test_current_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGESTGEN_MAX_WORDS", "200")
    assert current().max_words == 200
    monkeypatch.setenv("DIGESTGEN_MAX_WORDS", "180")
    assert current().max_words == 180


def _cli(*args, env):
    return subprocess.run([sys.executable, "-m", "digestgen.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=60)


@pytest.mark.parametrize("case", ["unknown_key", "malformed", "missing", "home_is_file"])
def test_cli_config_mistakes_are_one_line(tmp_path, case):
    env = {}
    if case == "unknown_key":
        env["DIGESTGEN_CONFIG"] = str(write(tmp_path / "c.toml", 'engin = "extractive"\n'))
        expected = "unknown key 'engin'"
    elif case == "malformed":
        env["DIGESTGEN_CONFIG"] = str(write(tmp_path / "c.toml", "[[[\n"))
        expected = "is not valid TOML"
    elif case == "missing":
        env["DIGESTGEN_CONFIG"] = str(tmp_path / "absent.toml")
        expected = "not found"
    else:
        env["DIGESTGEN_HOME"] = str(write(tmp_path / "home", ""))
        expected = "is a file, not a folder"
    proc = _cli("run", "--date", "2025-02-28", "--offline", "--out", str(tmp_path / "x.md"), env=env)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], proc.stderr
    assert not (tmp_path / "x.md").exists()


def test_validate_uses_the_settings_limits(tmp_path):
    import json

    words = " ".join(["word"] * 30) + " with 3 numbers."   # 34 words
    md = tmp_path / "d.md"
    md.write_text("\n\n## Papers for 2025-01-01\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n"
                  "| T (Read more on [arXiv](https://arxiv.org/abs/2501.00001) or "
                  "[HuggingFace](https://huggingface.co/papers/2501.00001))| A | " + words + " |\n")

    def length_findings(*args, env):
        proc = _cli("validate", str(md), "--json", *args, env=env)
        return json.loads(proc.stdout)["counts"].get("length", 0)

    limits = {"DIGESTGEN_MIN_WORDS": "20", "DIGESTGEN_MAX_WORDS": "40"}
    assert length_findings(env={}) == 1                          # too short for the default 60
    assert length_findings(env=limits) == 0                      # fine for the configured 20-40
    assert length_findings("--min-words", "35", env=limits) == 1  # the option still wins
