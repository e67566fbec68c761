"""The local web app through Starlette's test client (no sockets)."""

from __future__ import annotations


import pytest

pytest.importorskip("httpx", reason="the web tests need httpx: pip install 'storyline[test]'")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.errors import NotFoundError  # noqa: E402
from storyline.views.web import create_app  # noqa: E402

from views_fixtures import IMG, SCRIPT, build_db  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("web") / "story.duckdb")
    with TestClient(create_app(str(db))) as c:
        yield c


def test_views_web_home_names_storyline(client):
    r = client.get("/")
    assert r.status_code == 200
    assert '<h1><a href="/" class="home">storyline</a></h1>' in r.text
    assert "Security coordination with Israel" in r.text


def test_views_web_sends_security_headers(client):
    for path in ("/", "/api/events", "/report", "/nope"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "http" not in policy
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_views_web_api_events_search_and_pagination(client):
    body = client.get("/api/events", params={"limit": 4}).json()
    assert body["total"] == 9 and len(body["items"]) == 4 and body["offset"] == 0
    assert body["next"] and "offset=4" in body["next"]
    seen = [e["id"] for e in body["items"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        seen += [e["id"] for e in body["items"]]
    assert len(seen) == len(set(seen)) == 9
    found = client.get("/api/events", params={"q": "security coordination"}).json()
    assert {e["id"] for e in found["items"]} == {"ev_2015", "ev_2020", "ev_2023"}
    # Words are matched in evidence sentences too, case-insensitively.
    assert [e["id"] for e in client.get("/api/events", params={"q": "TUESDAY"}).json()["items"]] == ["ev_2020"]
    # LIKE wildcards are searched for literally.
    assert client.get("/api/events", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/events", params={"q": "x' OR 1=1 --"}).json()["total"] == 0
    filtered = client.get("/api/events", params={"type": "sanction", "since": "2020"}).json()
    assert {e["id"] for e in filtered["items"]} == {"ev_2020", "ev_2023"}


def test_views_web_api_contract_shapes(client):
    event = client.get("/api/events/ev_2020").json()
    assert event["type"] == "SANCTION" and event["sources"] == 2 and len(event["mentions"]) == 2
    statements = client.get("/api/statements", params={"speaker": "netanyahu"}).json()
    assert statements["total"] == 1 and statements["items"][0]["speaker"]["name"] == "Benjamin Netanyahu"
    stories = client.get("/api/storylines").json()
    coordination = next(s for s in stories["items"] if s["id"] == "st_coordination")
    assert coordination["episodes"] == [["ev_2015", "ev_2020", "ev_2023"]]
    articles = client.get("/api/articles", params={"q": "Jenin"}).json()
    assert articles["total"] == 1
    one = client.get(f"/api/articles/{articles['items'][0]['id']}").json()
    assert "Jenin camp" in one["text"]


def test_views_web_clear_404s(client):
    for path in ("/api/events/ev_missing", "/api/articles/ar_missing", "/api/storylines/st_missing"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.json()["error"] == "not found" and "missing" in r.json()["detail"]
    r = client.get("/events/ev_missing")
    assert r.status_code == 404 and "no event with id ev_missing" in r.text
    assert client.get("/api/nothing-here").status_code == 404


def test_views_web_bad_input_is_400(client):
    assert client.get("/api/events", params={"since": "May 2020"}).status_code == 400
    assert client.get("/api/events", params={"limit": 0}).status_code == 400
    assert client.get("/api/events", params={"limit": 100000}).status_code == 400


def test_views_web_static_files_only_from_its_folder(client):
    assert client.get("/static/report.css").status_code == 200
    for path in (
        "/static/../web.py",
        "/static/%2e%2e/web.py",
        "/static/..%2fweb.py",
        "/static/%2e%2e/%2e%2e/store.py",
        "/static//etc/passwd",
    ):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "import" not in r.text and "root:" not in r.text


def test_views_web_escapes_article_text(client):
    hostile = client.get("/api/articles", params={"q": "hostile"}).json()["items"][0]["id"]
    for path in (
        f"/articles/{hostile}",
        "/events/ev_2020",
        "/statements",
        "/articles",
        "/events?q=blog",
        "/storylines",
        "/report",
    ):
        html = client.get(path).text
        assert SCRIPT not in html and IMG not in html, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/articles/{hostile}").text


def test_views_web_pages_answer(client):
    for path in (
        "/events",
        "/events?q=abbas&limit=2",
        "/events/ev_2015",
        "/statements?q=calm",
        "/storylines",
        "/articles",
        "/report",
    ):
        assert client.get(path).status_code == 200, path
    assert "Mahmoud Abbas" in client.get("/events/ev_2020").text


def test_views_web_missing_database_fails_early(tmp_path):
    with pytest.raises(NotFoundError):
        create_app(str(tmp_path / "none.duckdb"))


def test_views_web_serve_binds_loopback_by_default():
    from storyline.cli.report import _is_loopback, serve_command

    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0")


def test_views_web_type_filter_offers_the_plover_types(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.views.web import create_app

    from views_fixtures import build_db

    client = TestClient(create_app(str(build_db(tmp_path / "s.duckdb"))))
    html = client.get("/events?type=sanction").text
    assert '<select name="type"><option value="">all</option><option>AGREE</option>' in html
    assert "<option selected>SANCTION</option>" in html


def test_views_web_bad_parameters_answer_400_like_other_misuse(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.views.web import create_app

    from views_fixtures import build_db

    client = TestClient(create_app(str(build_db(tmp_path / "s.duckdb"))))
    api = client.get("/api/events?limit=0")
    assert api.status_code == 400
    assert api.json() == {"error": "bad request", "detail": "limit: Input should be greater than or equal to 1"}
    page = client.get("/events?offset=x")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "offset: Input should be a valid integer" in page.text
