"""The web app served by uvicorn on 127.0.0.1 and an ephemeral port, in Chromium."""

from __future__ import annotations

import json
import socket
import threading
import urllib.request

import pytest

uvicorn = pytest.importorskip("uvicorn")

from storyline.views.web import create_app  # noqa: E402

from views_fixtures import IMG, SCRIPT, PageWatch, build_db  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real server on a port the OS picks; always stopped, even when a test fails."""
    db = build_db(tmp_path_factory.mktemp("browser_web") / "story.duckdb")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        # Wait for startup by polling the flag uvicorn sets, not by sleeping a fixed time.
        for _ in range(2000):
            if srv.started or not thread.is_alive():
                break
            thread.join(0.01)
        assert srv.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(30)
        sock.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page, allowed_origin=server)
    yield page, watch
    context.close()


def get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_browser_web_api_answers(server):
    status, body = get_json(f"{server}/api/events?q=coordination&limit=2")
    assert status == 200 and body["total"] == 3 and len(body["items"]) == 2 and body["next"]
    status, body = get_json(server + body["next"])
    assert status == 200 and len(body["items"]) == 1
    for path in ("/api/statements", "/api/storylines", "/api/articles"):
        status, body = get_json(server + path)
        assert status == 200 and body["total"] > 0, path
    status, body = get_json(f"{server}/api/events/ev_nope")
    assert status == 404 and "ev_nope" in body["detail"]


def test_browser_web_pages_render_without_errors(page, server):
    page, watch = page
    page.goto(server + "/")
    assert "storyline" in page.locator("h1").text_content()
    page.fill("input[name=q]", "Jenin")
    page.click("button[type=submit]")
    page.wait_for_url("**/events?q=Jenin")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 2  # the raid and the protest
    page.click("text=Israeli forces raid the Jenin camp")
    page.wait_for_url("**/events/ev_raid")
    assert page.locator("blockquote mark").first.text_content() == "raided"
    for path in ("/storylines", "/statements", "/articles"):
        page.goto(server + path)
        assert page.locator("h2").first.is_visible(), path
    assert watch.errors == [] and watch.dialogs == [] and watch.outside == []


def test_browser_web_report_page_runs_its_filters(page, server):
    page, watch = page
    page.goto(server + "/report")
    page.select_option("#f-type", "ASSAULT")
    assert page.locator("#f-count").text_content() == "1 of 9 events"
    # The header CSP allows the report's own inline script by hash: no violations.
    assert watch.errors == [] and watch.outside == []


def test_browser_web_script_article_stays_inert(page, server):
    page, watch = page
    _, body = get_json(f"{server}/api/articles?q=hostile")
    page.goto(f"{server}/articles/{body['items'][0]['id']}")
    text = page.locator("body").inner_text()
    assert SCRIPT in text and IMG in text
    assert page.locator("main img").count() == 0 and page.locator("script").count() == 0
    page.goto(server + "/statements")
    assert IMG in page.locator("body").inner_text()
    assert watch.dialogs == [] and watch.errors == []
