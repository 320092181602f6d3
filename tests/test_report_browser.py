"""The report in a real browser: offline, no console errors, charts drawn, note text inert."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.report_io import write_report
from tests.test_report import _insert, _load_ddl

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install -y chromium)"
    ),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    con = duckdb.connect()
    _load_ddl(con)
    _insert(con)
    return write_report(con, tmp_path_factory.mktemp("reports"), "browser-run")


@pytest.fixture(scope="module")
def loaded(report: Path):
    """Open the report once; record console errors, page errors, dialogs and requests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    seen: dict[str, list[str]] = {"errors": [], "requests": [], "dialogs": []}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.goto(report.as_uri(), wait_until="load")
        boxes = [svg.bounding_box() for svg in page.query_selector_all("figure.chart svg")]
        notes = [n.inner_text() for n in page.query_selector_all("div.note")]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    return seen, boxes, notes


def test_no_console_errors(loaded):
    seen, _, _ = loaded
    assert seen["errors"] == []


def test_no_network_request_but_the_file(loaded, report):
    seen, _, _ = loaded
    assert seen["requests"] == [report.as_uri()]


def test_every_chart_has_a_visible_box(loaded):
    _, boxes, _ = loaded
    assert len(boxes) >= 5
    assert all(b is not None and b["width"] > 0 and b["height"] > 0 for b in boxes)


def test_script_note_is_shown_as_text_and_never_runs(loaded):
    seen, _, notes = loaded
    assert any("<script>alert(1)</script>" in text for text in notes)
    assert seen["dialogs"] == []


def test_screenshot_is_saved(loaded):
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
