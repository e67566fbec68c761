"""Issue 14 item 4: `storyline show EVENT` says why its mentions are one
event (the strongest pair scores and what pushed them) and which storyline
and series of recurring episodes the event joined."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storyline.cli import cli
from storyline.link import link
from storyline.models import ArticleAnalysis
from storyline.store import Store

from test_link_coref import A2015, A2020, A2023, B2020, episodes


def _db(tmp_path):
    articles, mentions = [A2015, A2020, B2020, A2023], episodes()
    result = link(articles, mentions, [])
    path = tmp_path / "explain.duckdb"
    with Store(path) as store:
        store.write_analyses(
            [ArticleAnalysis(a, (), tuple(m for m in mentions if m.article_id == a.id)) for a in articles]
        )
        store.replace_links(result)
    return str(path), result


def test_link_explain_show_lists_pair_scores_features_and_episodes(tmp_path):
    db, result = _db(tmp_path)
    merged = next(e for e in result.events if len(e.mention_ids) == 2)
    out = CliRunner().invoke(cli, ["show", merged.id, "--db", db])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    why = lines.index("  why one event:")
    first, second = merged.links[0].first, merged.links[0].second
    pair_line = lines[why + 1]
    assert f"{first} ~ {second}" in pair_line
    assert pair_line.strip().startswith(f"{merged.links[0].score:.2f}")
    assert merged.links[0].reasons[0][0] in pair_line
    storyline_line = next(line for line in lines if line.startswith("  storyline: "))
    assert merged.storyline in storyline_line
    episode_line = next(line for line in lines if line.startswith("  episodes:  "))
    assert "2015 -> 2020-05-19 -> 2023-01-26" in episode_line


def test_link_explain_show_json_is_additive(tmp_path):
    db, result = _db(tmp_path)
    single = next(e for e in result.events if len(e.mention_ids) == 1)
    detail = json.loads(CliRunner().invoke(cli, ["show", single.id, "--db", db, "--format", "json"]).stdout)
    # the event contract's fields are all there, the explanation beside them
    assert {"id", "type", "date", "actors", "mentions", "storyline"} <= detail.keys()
    assert detail["why_merged"] == []
    assert detail["storyline_detail"]["id"] == single.storyline
    dates = [e["date"] for e in detail["storyline_detail"]["episodes"][0]]
    assert dates == ["2015", "2020-05-19", "2023-01-26"]
    text = CliRunner().invoke(cli, ["show", single.id, "--db", db]).stdout
    assert "    one mention" in text
