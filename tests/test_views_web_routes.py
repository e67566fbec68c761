"""Every route docs/cli.md lists answers, and the docs, the app and ``/api``
list the same routes: the table in the docs is parsed, so it cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("httpx", reason="the web tests need httpx: pip install 'storyline[test]'")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.views.web import api_routes, create_app  # noqa: E402

from views_fixtures import build_db  # noqa: E402

CLI_DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def documented_routes() -> list[str]:
    text = CLI_DOCS.read_text(encoding="utf-8")
    serve = re.search(r"^## storyline serve\s*$(.*?)(?=^## |\Z)", text, re.M | re.S).group(1)
    return re.findall(r"^\| `(/[^`]*)` \|", serve, re.M)


def bare(route: str) -> str:
    return re.sub(r"\{\w+\}", "{id}", route.split("?")[0])


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(str(build_db(tmp_path_factory.mktemp("routes") / "story.duckdb")))


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as c:
        yield c


def test_views_web_docs_list_routes():
    routes = documented_routes()
    assert "/api/statements/{id}" in routes and "/" in routes and len(routes) >= 15


def test_views_web_every_documented_route_answers(client):
    for route in documented_routes():
        path = bare(route)
        if "{id}" in path:
            # A real id of that kind, from the API's list of it.
            listing = "/api" + path.split("/{id}")[0].removeprefix("/api")
            items = client.get(listing).json()["items"]
            assert items, f"{listing} lists nothing to open"
            path = path.replace("{id}", items[0]["id"])
        r = client.get(path)
        assert r.status_code == 200, f"{route} (GET {path}) answered {r.status_code}: {r.text[:200]}"
        if path.startswith("/api"):
            assert r.headers["content-type"].startswith("application/json"), path


def test_views_web_every_route_of_the_app_is_documented(app):
    served = {
        bare(r.path)
        for r in app.routes
        if "GET" in (getattr(r, "methods", None) or ()) and r.path != "/api/openapi.json"
    }
    documented = {bare(r) for r in documented_routes()}
    assert served == documented, (
        f"served but not in docs/cli.md: {sorted(served - documented)}; "
        f"documented but not served: {sorted(documented - served)}"
    )


def test_views_web_api_index_lists_every_documented_api_route(app, client):
    listed = client.get("/api").json()["routes"]
    assert listed == api_routes(app)
    documented = [r for r in documented_routes() if r.startswith("/api/")]
    # With their query parameters too: a filter the docs name is one the API takes.
    assert sorted(listed) == sorted(documented)


def test_views_web_api_statement_by_id(client):
    first = client.get("/api/statements", params={"speaker": "netanyahu"}).json()["items"][0]
    one = client.get(f"/api/statements/{first['id']}").json()
    assert one["id"] == first["id"] and one["speaker"]["name"] == "Benjamin Netanyahu"
    assert one["words"] == first["words"] and one["article_title"]
    missing = client.get("/api/statements/sm_missing")
    assert missing.status_code == 404 and "sm_missing" in missing.json()["detail"]
