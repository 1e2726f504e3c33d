"""The explorer in a real browser: headless Chromium, every request but the file blocked.

Built from the end-to-end run's results (``pipeline_run``), opened from disk; checks
that the three views render, that clicking a term lists its KWIC lines, that a filter
narrows the sentences, that no request leaves the page and that the console shows no
error. Needs Debian's ``chromium`` and the ``playwright`` package of requirements.txt;
skipped with a message without them, except under CI (``CI`` set), where ``.ci/run``
installs both and a skip would hide a broken set-up.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import time

import pytest

INSTALL = ("install Chromium with `apt-get update && apt-get install -y chromium` (Debian) "
           "and the Python package playwright with `make env` (it is in requirements.txt)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the Python package playwright is not installed"
    if shutil.which("chromium") is None:
        return "Chromium is not installed (no `chromium` on PATH)"
    return None


#: Why the browser test cannot run here (None: it can). Checked at collection, so that a
#: machine without a browser skips before the end-to-end run is made for nothing.
MISSING = _missing()
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(MISSING is not None and not os.environ.get("CI"),
                                 reason=f"{MISSING}: {INSTALL}")]


@pytest.fixture(scope="module")
def browser():
    if MISSING is not None:         # only under CI, where .ci/run should have installed it
        pytest.fail(f"{MISSING}: {INSTALL} (.ci/run should have done this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def built(pipeline_run, tmp_path_factory):
    from discourse import explorer

    target = tmp_path_factory.mktemp("explorer") / "explorer.html"
    explorer.write_explorer(target, results=pipeline_run["out"] / "results",
                            corpus=pipeline_run["corpus"])
    return target, pipeline_run["out"] / "results"


@pytest.fixture
def opened(browser, built):
    """The page, loaded with every request but the file aborted and recorded."""
    url = built[0].as_uri()
    requests, errors = [], []
    page = browser.new_page(viewport={"width": 1300, "height": 1400})

    def route(r):
        requests.append(r.request.url)
        if r.request.url == url:
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.goto(url)
    page.wait_for_function("() => window.Bokeh !== undefined && Bokeh.documents.length > 0 "
                           "&& Bokeh.documents[0].is_idle", timeout=60_000)
    yield page, requests, errors, url
    page.close()


def _model_text(page, name: str) -> str:
    return page.evaluate("(n) => Bokeh.documents[0].get_model_by_name(n).text", name)


def _click_point(page, figure: str, term: str) -> None:
    """A real mouse click on the point of ``term`` (its pixel from the figure's scales)."""
    x, y = page.evaluate("""([name, term]) => {
        const fig = Bokeh.documents[0].get_model_by_name(name);
        const view = Bokeh.index.find_one(fig);
        const src = fig.renderers[0].data_source;
        const i = src.data.term.indexOf(term);
        const box = view.el.getBoundingClientRect();
        return [box.left + view.frame.x_scale.compute(src.data.frequency[i]),
                box.top + view.frame.y_scale.compute(src.data.log_ratio[i])];
    }""", [figure, term])
    page.mouse.click(x, y)


def _visible_rows(page, table: str) -> list[str]:
    return [r.inner_text() for r in page.locator(f".{table} .slick-row").all()]


def _rows_when(page, table: str, ok, timeout: float = 10.0) -> list[str]:
    """The table's visible rows once ``ok(rows)`` holds (the grid redraws after a filter
    changes, not at once), or as they are after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    rows = _visible_rows(page, table)
    while not ok(rows) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        rows = _visible_rows(page, table)
    return rows


def _count_is(page, text: str) -> str:
    """The sentence count once it reads ``text`` (or as it is after 10 s)."""
    from playwright.sync_api import TimeoutError as Timeout

    try:
        page.wait_for_function("(t) => Bokeh.documents[0].get_model_by_name("
                               "'sentence-count').text === t", arg=text, timeout=10_000)
    except Timeout:             # the assertion that follows shows what it reads
        pass
    return _model_text(page, "sentence-count")


def test_views_render_click_lists_kwic_filters_narrow_offline(opened, built):
    from discourse import results as registry
    from discourse.concordance import kwic
    from discourse.explorer import data
    from discourse.io import read_table

    page, requests, errors, url = opened
    results = built[1]
    keyness = read_table(registry.KEYWORDS_KEYNESS.path(results))
    sentences = read_table(registry.SENTENCES.path(results), dtype={"sentence_id": str})
    codes = read_table(registry.FRAMING_CODES.path(results), dtype={"sentence_id": str})

    # view 1: both scatters are drawn, every term a point; the KWIC table is empty
    for name in ("keyness-frequency", "keyness-range"):
        width, points = page.evaluate("""(n) => {
            const fig = Bokeh.documents[0].get_model_by_name(n);
            const view = Bokeh.index.find_one(fig);
            return [view.el.getBoundingClientRect().width,
                    fig.renderers[0].data_source.get_length()]}""", name)
        assert width > 300 and points == len(keyness)
    assert page.locator(".bk-Figure canvas").first.is_visible()
    assert _visible_rows(page, "kwic-table") == []

    # a click on the most key term lists its KWIC lines, as concordance.kwic finds them
    term = data.key_terms(keyness, n=1)[0]
    expected = kwic(sentences, term)
    _click_point(page, "keyness-frequency", term)
    page.wait_for_function("(t) => Bokeh.documents[0].get_model_by_name('kwic-heading')"
                           ".text.includes(t)", arg=f"<b>{term}</b>")
    assert f"{len(expected)} occurrence(s)" in _model_text(page, "kwic-heading")
    page.locator(".kwic-table .slick-row").first.wait_for()
    rows = _visible_rows(page, "kwic-table")
    assert 0 < len(rows) <= len(expected)
    first = expected.iloc[0]
    assert all(x in rows[0] for x in (first.left, first.match, first.right,
                                      first.sentence_id))
    assert all(any(m in r for m in set(expected.match)) for r in rows)   # "held" for "hold"

    # view 2: sentences; the year filter, then the frame filter, narrow them
    page.locator(".bk-tab", has_text="Sentences and frames").click()
    n = len(sentences)
    page.locator(".sentence-table .slick-row").first.wait_for()
    assert _model_text(page, "sentence-count") == f"<p><b>{n}</b> of {n} sentences</p>"
    assert len(_visible_rows(page, "sentence-table")) > 3
    year = str(sentences["year"].max())      # not the year of the grid's first rows

    def of_year(rows):
        return bool(rows) and all(f"\n{year}\n" in r for r in rows)

    assert not of_year(_visible_rows(page, "sentence-table"))     # before the filter
    page.locator("select").nth(0).select_option(year)
    in_year = int((sentences["year"].astype(str) == year).sum())
    assert 0 < in_year < n
    count = f"<p><b>{in_year}</b> of {n} sentences</p>"
    assert _count_is(page, count) == count
    assert of_year(_rows_when(page, "sentence-table", of_year))
    page.locator("select").nth(2).select_option("security")
    both = sentences.merge(codes, on="sentence_id")
    secure = int(((both["year"].astype(str) == year) & (both["security"] == 1)).sum())
    assert 0 < secure < in_year
    count = f"<p><b>{secure}</b> of {n} sentences</p>"
    assert _count_is(page, count) == count

    def coded(rows):
        return bool(rows) and all("security" in r for r in rows)

    assert coded(_rows_when(page, "sentence-table", coded))
    assert page.locator("mark.f-security").count() > 0       # matched entries highlighted
    # all years, economy, lexicon and hand differ: the rows of framing-disagreements
    page.locator("select").nth(0).select_option("all")
    page.locator("select").nth(2).select_option("economy")
    page.locator("select").nth(3).select_option("differs")
    wrong = read_table(registry.FRAMING_DISAGREEMENTS.path(results))
    k = int((wrong.frame == "economy").sum())
    assert 0 < k < n
    count = f"<p><b>{k}</b> of {n} sentences</p>"
    assert _count_is(page, count) == count

    # view 3: topics, with the top term and a representative passage of topic 1
    page.locator(".bk-tab", has_text="Topics").first.click()
    terms = read_table(registry.TOPICS_TERMS.path(results))
    passages = read_table(registry.TOPICS_PASSAGES.path(results))
    top = terms[(terms.topic == 1) & (terms["rank"] == 1)]["term"].iloc[0]
    passage = passages[passages.topic == 1].sort_values("rank")["text"].iloc[0]
    page.get_by_text(passage[:60]).first.wait_for()    # drawn (a timeout fails the test)
    assert top in page.evaluate("() => Bokeh.documents[0].get_model_by_name("
                                "'topic-1-terms').y_range.factors")

    # offline and clean: the file itself is the only request, and no error was logged
    assert requests == [url]
    assert errors == []
