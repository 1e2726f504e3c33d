"""The explorer's three views as Bokeh models: key terms, sentences and frames, topics.

Each function takes the tables of :mod:`discourse.explorer.data` and returns one Bokeh
layout. Bokeh draws, hovers, selects, sorts and switches tabs; the only JavaScript of
our own is three short ``CustomJS`` callbacks that pass a selection or a filter
choice from one model to another (the text they show is prepared here, in Python).
Models that tests look for carry a ``name``.
"""

from __future__ import annotations

import html
from importlib import resources

import pandas as pd

from discourse import results as registry
from discourse.explorer.data import AGREES, DIFFERS, NOT_HAND_CODED
from discourse.framing.lexicon import FRAMES

__all__ = ["ALL", "NO_FRAME", "stylesheet", "no_data", "keyness_view", "sentences_view",
           "topics_view", "explorer_layout"]

#: The "no filter" choice of every filter, and the frame choice "sentences with no frame".
ALL, NO_FRAME = "all", "none"
_TARGET, _REFERENCE = "#b2182b", "#2166ac"     # as figure 02-keyness
_WIDTH = 1180


def stylesheet():
    """One Bokeh ``InlineStyleSheet`` with ``explorer.css`` (shared by every view)."""
    from bokeh.models import InlineStyleSheet

    css = resources.files("discourse.explorer").joinpath("explorer.css")
    return InlineStyleSheet(css=css.read_text(encoding="utf-8"))


def _div(text: str, sheet, **kwargs):
    from bokeh.models import Div

    return Div(text=text, stylesheets=[sheet], **kwargs)


def no_data(output: registry.Output, sheet, what: str):
    """A Div saying that a view has no data because ``output`` is missing."""
    return _div(f'<p class="no-data">No data for {html.escape(what)}: '
                f"<code>{output.ref}</code> was not found in the results folder "
                "(<code>make reproduce</code> writes it).</p>", sheet, name="no-data",
                width=_WIDTH)


def _source(table: pd.DataFrame, columns):
    from bokeh.models import ColumnDataSource

    return ColumnDataSource({c: table[c].tolist() for c in columns})


def _kwic_heading(term: str, lines: pd.DataFrame | None, kwic_terms: list[str]) -> str:
    t = html.escape(term)
    if lines is None:
        return (f'<p class="no-data">No KWIC lines for <b>{t}</b>: '
                f"<code>{registry.SENTENCES.ref}</code> was not found.</p>")
    if term not in kwic_terms:
        return (f'<p class="hint">KWIC lines are included for the {len(kwic_terms)} terms '
                f"of <code>{registry.FIG_KEYNESS.ref}</code> (dark points); for <b>{t}</b> run "
                f"<code>discourse kwic \"{t}\"</code>.</p>")
    mine = lines[lines["term"] == term]
    total = int(mine["total"].iloc[0]) if len(mine) else 0
    shown = f"the first {len(mine)} of {total}" if len(mine) < total else f"{total}"
    return (f"<p>Keyword in context: <b>{t}</b>, {shown} occurrence(s) of the word as "
            "printed (lemmas, variants and longer phrases included: the keyness counts are "
            "of the term alone).</p>")


def keyness_view(points: pd.DataFrame, lines: pd.DataFrame | None, kwic_terms: list[str],
                 sheet, *, target: str = "target", reference: str = "reference"):
    """Log Ratio against frequency and against range, with hover; a click lists KWIC lines.

    Parameters
    ----------
    points : pandas.DataFrame
        :func:`discourse.explorer.data.keyness_points`.
    lines : pandas.DataFrame or None
        :func:`discourse.explorer.data.kwic_lines` (``None``: no sentences table).
    kwic_terms : list of str
        The terms that have KWIC lines (drawn filled).
    sheet : bokeh.models.InlineStyleSheet
    target, reference : str
        What was compared, for the titles.
    """
    from bokeh.layouts import column, row
    from bokeh.models import (CDSView, CustomJS, DataTable, FixedTicker, GroupFilter,
                              HoverTool, StringFormatter, TableColumn)
    from bokeh.plotting import figure

    pts = points.copy()
    has = pts["term"].isin(kwic_terms)
    pts["color"] = [_TARGET if d == "target" else _REFERENCE for d in pts["direction"]]
    pts["alpha"] = [0.85 if h else 0.25 for h in has]
    pts["kwic"] = [_kwic_heading(t, lines, kwic_terms) for t in pts["term"]]
    pts["range_pct"] = pts["range"] * 100
    source = _source(pts, ["term", "log_ratio", "frequency", "range_pct", "dp",
                           "count_target", "count_reference", "per10k_target",
                           "per10k_reference", "g2", "p_adjusted", "color", "alpha",
                           "kwic"])
    tips = [("term", "@term"), ("Log Ratio", "@log_ratio{0.00}"),
            (f"count {target} / {reference}", "@count_target / @count_reference"),
            ("per 10,000", "@per10k_target{0.0} / @per10k_reference{0.0}"),
            ("G2", "@g2{0.00}"), ("p (FDR-adjusted)", "@p_adjusted{0.0000}"),
            ("paragraphs with the term", "@range_pct{0.0} %"), ("DP", "@dp")]

    def scatter(x, label, x_type, name):
        fig = figure(width=_WIDTH // 2 - 10, height=430, x_axis_type=x_type, name=name,
                     tools="tap,pan,wheel_zoom,box_zoom,reset", toolbar_location="above",
                     title=f"Log Ratio against {label.split(' (')[0]}")
        fig.toolbar.logo = None
        fig.scatter(x, "log_ratio", source=source, size=9, fill_color="color",
                    line_color="color", fill_alpha="alpha", line_alpha=0.9,
                    selection_line_color="black", selection_line_width=2,
                    nonselection_fill_alpha=0.15, nonselection_line_alpha=0.3)
        fig.add_tools(HoverTool(tooltips=tips))
        if x_type == "log":     # 1-2-5 ticks: Bokeh's own skips labels on short ranges
            top = max(10.0, float(pts[x].max()))
            fig.xaxis.ticker = FixedTicker(ticks=[m * 10 ** e for e in range(len(str(int(top))))
                                                  for m in (1, 2, 5) if m * 10 ** e <= top * 2])
        fig.xaxis.axis_label = label
        fig.yaxis.axis_label = f"Log Ratio ({target} vs {reference}; > 0: more in {target})"
        return fig

    by_freq = scatter("frequency", f"frequency (count in {target} + {reference}, log scale)",
                      "log", "keyness-frequency")
    if pts["range"].notna().any():
        by_range = scatter("range_pct", "dispersion (% of paragraphs containing the term)",
                           "linear", "keyness-range")
        by_range.y_range = by_freq.y_range
    else:
        by_range = _div('<p class="no-data">No dispersion columns in '
                        f"<code>{registry.KEYWORDS_KEYNESS.ref}</code>.</p>", sheet,
                        width=_WIDTH // 2 - 10)
    intro = ('<p class="hint">Click a point to list its keyword-in-context lines; hover '
             "for the numbers. Red: more frequent in " + html.escape(target) +
             "; blue: in " + html.escape(reference) + f". Dark points are the {len(kwic_terms)} "
             f"terms of <code>{registry.FIG_KEYNESS.ref}</code>, whose lines are included; "
             "pale points have none here. A KWIC query finds the word wherever it is "
             "printed (its lemmas, name variants, inside longer phrases), so a term can "
             "have more lines than its count, which is of the term as counted (\"member "
             "state\" is a term of its own).</p>")
    heading = _div(intro, sheet, name="kwic-heading", width=_WIDTH)
    cols = ["term", "n", "sentence_id", "year", "left", "match", "right"]
    kwic = lines if lines is not None else pd.DataFrame(columns=cols)
    kwic = kwic.assign(year=kwic["year"].astype(str))
    ksource = _source(kwic, cols)
    kfilter = GroupFilter(column_name="term", group="")
    table = DataTable(
        source=ksource, view=CDSView(filter=kfilter), name="kwic-table", width=_WIDTH,
        css_classes=["kwic-table"],
        height=300, index_position=None, reorderable=False, stylesheets=[sheet],
        columns=[TableColumn(field="left", title="left", width=380,
                             formatter=StringFormatter(text_align="right")),
                 TableColumn(field="match", title="match", width=130,
                             formatter=StringFormatter(font_style="bold",
                                                       text_align="center")),
                 TableColumn(field="right", title="right", width=380),
                 TableColumn(field="year", title="year", width=50),
                 TableColumn(field="sentence_id", title="sentence", width=240)])
    source.selected.js_on_change("indices", CustomJS(
        args=dict(points=source, filter=kfilter, heading=heading, intro=intro),
        code="const i = points.selected.indices;\n"
             "filter.group = i.length ? points.data.term[i[0]] : '';\n"
             "heading.text = i.length ? points.data.kwic[i[0]] : intro;\n"))
    title = _div(f"<p><b>Key terms: {html.escape(target)} against "
                 f"{html.escape(reference)}</b> ({len(pts)} terms of "
                 f"<code>{registry.KEYWORDS_KEYNESS.ref}</code>). Log Ratio is Hardie's "
                 "(2014) binary log of the ratio of relative frequencies; dispersion is "
                 "the share of paragraphs that contain the term (range, Gries 2008).</p>",
                 sheet, width=_WIDTH)
    return column(title, row(by_freq, by_range), heading, table, name="view-keyness")


def _detail(r) -> str:
    codes = r["frames"]
    hand = r["hand"] if r["hand"] else "not hand-coded"
    rows = [("sentence", f"<code>{html.escape(r['sentence_id'])}</code> "
                         f"({r['year']}, {html.escape(r['role'])})"),
            ("text", r["html"]), ("lexicon", html.escape(codes)), ("hand", html.escape(hand)),
            ("evidence", html.escape(r["evidence"]) or "none")]
    if r["note"]:
        rows.append(("coder's note", html.escape(r["note"])))
    return '<dl class="detail">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) \
        + "</dl>"


def sentences_view(coded: pd.DataFrame, sheet, *, hand_coded: bool):
    """Sentences with frame codes and highlighted evidence, filtered by year, role, frame
    and agreement with the hand coding; a click on a row shows the sentence in full.

    Parameters
    ----------
    coded : pandas.DataFrame
        :func:`discourse.explorer.data.coded_sentences`.
    sheet : bokeh.models.InlineStyleSheet
    hand_coded : bool
        Whether the corpus has hand codes (else the agreement filter is disabled).
    """
    from bokeh.layouts import column, row
    from bokeh.models import (BooleanFilter, CDSView, CustomJS, DataTable,
                              HTMLTemplateFormatter, Select, TableColumn)

    table = coded.assign(year=coded["year"].astype(str))
    table["detail"] = [_detail(r) for r in table.to_dict("records")]
    source = _source(table, ["sentence_id", "year", "role", "html", *FRAMES, "frames",
                             *[f"hand_{f}" for f in FRAMES], "hand", "agreement",
                             *[f"agreement_{f}" for f in FRAMES], "detail"])
    n = len(table)
    keep = BooleanFilter(booleans=[True] * n)

    def select(title, options, name, disabled=False):
        return Select(title=title, value=ALL, options=[ALL, *options], name=name,
                      width=190, disabled=disabled)

    year = select("year", sorted(table["year"].unique()), "filter-year")
    role = select("role", sorted(table["role"].unique()), "filter-role")
    frame = select("frame", [*FRAMES, NO_FRAME], "filter-frame")
    agree = select("agreement with hand coding", [AGREES, DIFFERS, NOT_HAND_CODED],
                   "filter-agreement", disabled=not hand_coded)
    count = _div(f"<p><b>{n}</b> of {n} sentences</p>", sheet, name="sentence-count",
                 width=220)
    legend = _div("<p>Matched lexicon entries: " + " ".join(
        f'<mark class="f-{f}">{f}</mark>' for f in FRAMES) + "; a reference through "
        'which a sentence takes the frames of an earlier one: <mark class="f-context">in '
        "this context</mark>. " +
        ("Agreement compares the lexicon's codes with the hand codes (all three frames, "
         "or the chosen frame). With an agreement filter, a frame selects the sentences "
         "that the lexicon <i>or</i> the hand coding gives it, so <i>differs</i> lists "
         "false positives and false negatives." if hand_coded else
         "This corpus has no hand coding (<code>annotations/frames_validation.csv</code>), "
         "so there is no agreement to filter by.") + "</p>", sheet, width=_WIDTH)
    wrap = HTMLTemplateFormatter(template='<div class="wrap"><%= value %></div>')
    grid = DataTable(
        source=source, view=CDSView(filter=keep), name="sentence-table", width=_WIDTH,
        css_classes=["sentence-table"],
        height=460, row_height=64, index_position=None, reorderable=False,
        stylesheets=[sheet],
        columns=[TableColumn(field="html", title="sentence (matched entries marked)",
                             width=640, formatter=wrap, sortable=False),
                 TableColumn(field="frames", title="lexicon", width=150, formatter=wrap),
                 TableColumn(field="hand", title="hand", width=150, formatter=wrap),
                 TableColumn(field="agreement", title="agreement", width=90),
                 TableColumn(field="year", title="year", width=50),
                 TableColumn(field="role", title="role", width=70)])
    detail = _div('<p class="hint">Click a row to read the sentence in full with its '
                  "evidence.</p>", sheet, name="sentence-detail", width=_WIDTH)
    update = CustomJS(
        args=dict(source=source, keep=keep, count=count, year=year, role=role,
                  frame=frame, agree=agree, ALL=ALL, NONE=NO_FRAME),
        code="const d = source.data, y = year.value, r = role.value, f = frame.value,\n"
             "      a = agree.value, n = d.sentence_id.length;\n"
             "const ag = (f === ALL || f === NONE) ? d.agreement : d['agreement_' + f];\n"
             "const b = new Array(n);\n"
             "let shown = 0;\n"
             "for (let k = 0; k < n; k++) {\n"
             "  b[k] = (y === ALL || d.year[k] === y) && (r === ALL || d.role[k] === r)\n"
             "    && (f === ALL || (f === NONE ? d.frames[k] === NONE : d[f][k] === 1\n"
             "                      || (a !== ALL && d['hand_' + f][k] === 1)))\n"
             "    && (a === ALL || ag[k] === a);\n"
             "  if (b[k]) shown++;\n"
             "}\n"
             "keep.booleans = b;\n"
             "source.selected.indices = [];\n"
             "count.text = `<p><b>${shown}</b> of ${n} sentences</p>`;\n")
    for widget in (year, role, frame, agree):
        widget.js_on_change("value", update)
    source.selected.js_on_change("indices", CustomJS(
        args=dict(source=source, detail=detail, hint=detail.text),
        code="const i = source.selected.indices;\n"
             "detail.text = i.length ? source.data.detail[i[0]] : hint;\n"))
    return column(legend, row(year, role, frame, agree, count), grid, detail,
                  name="view-sentences")


def _passages_html(passages: pd.DataFrame | None) -> str:
    if passages is None:
        return (f'<p class="no-data">No passages: <code>{registry.TOPICS_PASSAGES.ref}'
                "</code> was not found in the results folder.</p>")
    if not len(passages):
        return '<p class="hint">No representative passages for this topic.</p>'
    out = ["<p><b>Representative passages</b></p>"]
    for r in passages.to_dict("records"):
        out.append(f'<p class="meta">#{r["rank"]} · {html.escape(str(r["doc_id"]))} '
                   f'({r["year"]}, {html.escape(str(r["role"]))}) · topic weight '
                   f'{float(r["weight"]):.2f}</p><p class="passage">'
                   f'{html.escape(str(r["text"]))}</p>')
    return "".join(out)


def topics_view(terms: pd.DataFrame, passages: pd.DataFrame | None, sheet):
    """One tab per topic: its top terms as bars and its representative passages.

    Parameters
    ----------
    terms : pandas.DataFrame
        :func:`discourse.explorer.data.topic_terms`.
    passages : pandas.DataFrame or None
        :func:`discourse.explorer.data.topic_passages` (``None``: table missing).
    sheet : bokeh.models.InlineStyleSheet
    """
    from bokeh.layouts import column, row
    from bokeh.models import HoverTool, TabPanel, Tabs
    from bokeh.plotting import figure

    panels = []
    for topic, part in terms.groupby("topic", sort=True):
        label, status = part["label"].iloc[0], part["status"].iloc[0]
        if status == "stale":         # written for another model's topic of this number
            label = ""
        name = f"Topic {topic}" + (f": {label}" if label else "")
        if status == "stale":
            name += " (stored label stale, not shown)"
        r = part.iloc[0]
        unstable = str(r["citable"]).lower() == "false"
        short = float(r["n_top_terms"]) < float(r["n_top"])    # False when NaN
        verdict = (f"<b>only {int(r['n_top_terms'])} of its top {int(r['n_top'])} terms "
                   "have non-zero weight, not cited</b>.</p>" if short else
                   "<b>not stable enough to cite</b>.</p>" if unstable else "citable.</p>")
        stable_html = "" if str(r["citable"]) == "" else (
            f"<p>Stability across seeds {float(r['stability']):.2f} (needs "
            f"{float(r['min_stability']):.2f}), across resamples "
            f"{float(r['stability_resample']):.2f} (needs "
            f"{float(r['min_resample_stability']):.2f}): " + verdict)
        words = part["term"].tolist()
        fig = figure(y_range=words[::-1], width=420, height=60 + 26 * len(words),
                     title=name if len(name) < 60 else name[:57] + "...",
                     tools="", toolbar_location=None, name=f"topic-{topic}-terms")
        fig.hbar(y=words, right=part["weight"].tolist(), height=0.7, color="#4d4d4d")
        fig.add_tools(HoverTool(tooltips=[("term", "@y"), ("weight", "@right{0.0000}")]))
        fig.xaxis.axis_label = "weight in the topic"
        mine = None if passages is None else passages[passages["topic"] == topic]
        text = _div(f"<p><b>{html.escape(name)}</b></p>" + stable_html + _passages_html(mine),
                    sheet, width=_WIDTH - 450, name=f"topic-{topic}-passages")
        title = ("[unstable] " if unstable else "") + (
            f"{topic}. {label}" if label else f"Topic {topic}")
        panels.append(TabPanel(child=row(fig, text),
                               title=title if len(title) < 34 else title[:31] + "..."))
    meta = ""
    if len(terms):
        meta = (f" from <code>{registry.TOPICS_TERMS.ref}</code> and "
                f"<code>{registry.TOPICS_PASSAGES.ref}</code>")
    cited = terms.drop_duplicates("topic")["citable"].astype(str).str.lower()
    note = "" if (cited == "").all() else (
        f" Only topics stable across seeds and resamples "
        f"(<code>{registry.TOPICS_STABILITY.ref}</code>) are cited: "
        + ("<b>none of these is</b>, so no topic-level claim is made from them."
           if (cited != "true").all() else
           f"{int((cited == 'true').sum())} of {len(cited)}; the others are marked "
           "[unstable]."))
    intro = _div(f"<p><b>Topics</b> ({terms['topic'].nunique()} topics){meta}. Labels are "
                 "the researcher's (<code>annotations/topic_labels.csv</code>); a stale "
                 f"label, written for another model, is not shown.{note}</p>", sheet,
                 width=_WIDTH)
    return column(intro, Tabs(tabs=panels, name="topic-tabs"), name="view-topics")


def explorer_layout(keyness, sentences, topics):
    """The three views (or their no-data notes) as tabs."""
    from bokeh.models import TabPanel, Tabs

    return Tabs(name="explorer-tabs", tabs=[
        TabPanel(child=keyness, title="Key terms and KWIC"),
        TabPanel(child=sentences, title="Sentences and frames"),
        TabPanel(child=topics, title="Topics")])
