"""The HTML report in headless Chromium: renders cleanly, filters, stays inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from storyline.store import Store
from storyline.views.report import write_report

from views_fixtures import IMG, SCRIPT, PageWatch, build_db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser_report")
    db = build_db(folder / "story.duckdb")
    with Store(db, read_only=True) as store:
        return write_report(store, folder / "report.html")


@pytest.fixture()
def page(browser, report):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(report.as_uri())
    page.wait_for_selector("#f-count")
    yield page, watch
    context.close()


def visible_events(page) -> set[str]:
    return set(page.eval_on_selector_all("details.event:not(.off)", "els => els.map(e => e.id)"))


def visible_marks(page) -> int:
    return page.eval_on_selector_all(
        ".mark:not(.off)", "els => els.filter(e => e.getBoundingClientRect().width > 0).length"
    )


def test_browser_report_renders_without_errors(page):
    page, watch = page
    assert page.title().startswith("storyline report")
    assert page.locator("#f-count").text_content() == "9 of 9 events"
    assert visible_marks(page) == 9
    assert page.locator("path.episode").count() == 1
    assert watch.errors == [] and watch.dialogs == [] and watch.outside == []


def test_browser_report_filters(page):
    page, watch = page
    page.select_option("#f-type", "SANCTION")
    assert visible_events(page) == {"ev_2015", "ev_2020", "ev_2023"}
    assert visible_marks(page) == 3
    page.select_option("#f-type", "")
    page.select_option("#f-story", "st_jenin")
    assert visible_events(page) == {"ev_raid", "ev_urge", "ev_protest"}
    page.select_option("#f-story", "")
    page.select_option("#f-modality", "planned")
    assert visible_events(page) == {"ev_meet"}
    page.select_option("#f-modality", "")
    page.fill("#f-actor", "blinken")
    assert visible_events(page) == {"ev_urge"}
    page.fill("#f-actor", "")
    page.fill("#f-since", "2020-01-01")
    page.fill("#f-until", "2020-12-31")
    assert visible_events(page) == {"ev_2020", "ev_meet", "ev_threat"}
    assert page.locator("#f-count").text_content() == "3 of 9 events"
    page.fill("#f-since", "2030-01-01")
    page.fill("#f-until", "")
    assert visible_events(page) == set()
    assert page.locator("#no-match").is_visible()
    page.click("#f-reset")
    # expect() polls without evaluating a string, which the report's CSP forbids.
    expect(page.locator("#f-count")).to_have_text("9 of 9 events")
    assert watch.errors == []


def test_browser_report_mark_opens_its_evidence(page):
    page, watch = page
    row = page.locator("details#ev_2020")
    assert row.get_attribute("open") is None
    page.locator('.mark[data-event="ev_2020"]').click()
    assert row.get_attribute("open") is not None
    evidence = row.locator("blockquote mark")
    assert evidence.first.text_content() == "declared an end"
    assert "Abbas ends security coordination" in row.text_content()
    assert watch.errors == []


def test_browser_report_script_article_stays_inert(page):
    page, watch = page
    page.locator('.mark[data-event="ev_2020"]').click()
    text = page.locator("body").inner_text()
    assert SCRIPT in text and IMG in text  # shown to the reader as text
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert watch.dialogs == [] and watch.errors == []


def test_browser_report_date_window_and_or_may_be(page):
    # ev_threat is dated May 2020 as a whole: on 19 May it may have been, not was.
    page, watch = page
    page.fill("#f-since", "2020-05-19")
    page.fill("#f-until", "2020-05-19")
    assert visible_events(page) == {"ev_2020"}
    page.check("#f-overlapping")
    assert visible_events(page) == {"ev_2020", "ev_threat"}
    assert watch.errors == []
