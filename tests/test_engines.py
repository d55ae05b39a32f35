"""The engine registry and interface: entry-point plugins, settings by declared options, ignored options."""

import asyncio
import sys
import textwrap

import pytest

from digestgen.config import Settings
from digestgen.engines import available, build_engine, get_engine
from digestgen.pipeline import estimate, summarize_all
from digestgen.types import Paper

PLUGIN = '''
from digestgen.engines.base import Engine, EngineOptions
from digestgen.types import Summary


class TinyOptions(EngineOptions):
    model: str = "none"
    greeting: str = "hi"


class TinyEngine(Engine):
    name = "tiny"
    Options = TinyOptions

    def summarize(self, paper, feedback=None):
        o = self.options
        return Summary(one_line=f"{o.greeting} from {o.model}: {paper.title}.", objective="The main research "
                       "objective is x.", methodology="The key methodology is y.", results="Primary results show 1.",
                       implication="For AI practitioners, z.")
'''


@pytest.fixture
def plugin_path(tmp_path, monkeypatch):
    """A tiny installed distribution: a module plus a dist-info declaring a `digestgen.engines` entry point."""
    site = tmp_path / "site"
    (site / "tiny_engine_plugin.py").parent.mkdir(parents=True)
    (site / "tiny_engine_plugin.py").write_text(textwrap.dedent(PLUGIN))
    info = site / "tiny_engine_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tiny-engine-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[digestgen.engines]\ntiny = tiny_engine_plugin:TinyEngine\n")
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("tiny_engine_plugin", None)


def test_an_entry_point_engine_is_found_and_runs(plugin_path):
    assert "tiny" in available()
    eng = get_engine("tiny", greeting="hello")
    rows = asyncio.run(summarize_all([Paper(arxiv_id="2501.00001", title="T", abstract="A.")], eng))
    assert rows[0].summary.startswith("hello from none: T.")
    assert rows[0].engine == "tiny"


def test_any_engine_gets_the_llm_settings_its_options_declare(plugin_path):
    settings = Settings(model="my-model", openai_base_url="http://127.0.0.1:1/v1", openai_api_key="k")
    eng = build_engine(settings, "tiny")
    assert eng.options.model == "my-model"  # declared: given; base_url and api_key: not declared, not given
    assert "base_url" not in type(eng.options).model_fields


def test_options_an_engine_does_not_declare_are_ignored_with_one_warning(plugin_path):
    warnings = []
    eng = build_engine(Settings(), "extractive", warn=warnings.append, concurrency=4, max_cost=0.5, model=None)
    assert eng.name == "extractive"
    assert warnings == ["the extractive engine ignores --concurrency, --max-cost"]
    warnings.clear()
    build_engine(Settings(), "tiny", warn=warnings.append, greeting="yo")
    assert warnings == []


def test_the_interface_defaults_mean_no_llm(plugin_path):
    eng = get_engine("tiny")
    assert eng.totals() is None and eng.estimate(Paper(arxiv_id="2501.00001", title="T", abstract="A.")) is None
    assert estimate([Paper(arxiv_id="2501.00001", title="T", abstract="A.")], eng) == []


def test_unknown_engine_is_a_usage_error():
    from digestgen.errors import UsageError

    with pytest.raises(UsageError, match="unknown engine 'nope'; available: ") as exc:
        get_engine("nope")
    assert {"extractive", "openai"} <= set(str(exc.value).split("available: ")[1].split(", "))


def test_the_llm_timeout_setting_reaches_the_llm_engine(tmp_path):
    settings = Settings(openai_base_url="http://127.0.0.1:1/v1", model="m", llm_timeout=240.0, home=tmp_path)
    eng = build_engine(settings, "openai")
    assert eng.llm.options.timeout == 240.0 and eng.llm.options.store == tmp_path / "llm.sqlite"
    assert build_engine(settings, "openai", timeout=5.0).llm.options.timeout == 5.0  # --timeout wins
