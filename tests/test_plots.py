"""discourse.plots: each figure shows its table's values, is labelled, and is saved the same
twice."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from discourse import corpus, plots, results, topics  # noqa: E402

import topic_data as td  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _labelled(fig):
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    assert axes
    for ax in axes:
        assert ax.get_xlabel() or ax.get_ylabel(), ax
    assert any(ax.get_title() for ax in axes) or fig._suptitle is not None
    assert any(t.get_text().startswith("Source:") for t in fig.texts)
    _all_text_inside(fig)
    return axes


def _all_text_inside(fig):
    # everything drawn (labels, tick labels, titles, legends) lies within the figure:
    # a long tick label is not cut off at the edge ("eech (n=122)" for "2020 speech").
    # The figure is laid out as a draw lays it out, with the same renderer's text extents,
    # but no pixels are drawn (Agg's drawing of the text was most of this module's time;
    # the boxes are equal to the last bit)
    fig.draw_without_rendering()
    drawn = fig.get_tightbbox(fig.canvas.get_renderer())          # inches
    page = fig.bbox_inches
    assert drawn.x0 >= page.x0 - 0.01 and drawn.x1 <= page.x1 + 0.01 \
        and drawn.y0 >= page.y0 - 0.01 and drawn.y1 <= page.y1 + 0.01, \
        (drawn.bounds, page.bounds)


def _unwrapped_source(fig):
    # the figure's free texts (its source line) as one line: the wrapping undone, a line
    # broken after a hyphen ("framing-" / "generalisation.csv") joined without a space
    text = " ".join(t.get_text() for t in fig.texts)
    return text.replace("-\n", "-").replace("\n", " ")


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, matplotlib.patches.Rectangle)]


def test_corpus_structure_bars_are_the_sentence_counts(real_sentences):
    summary = corpus.describe(real_sentences)
    fig = plots.corpus_structure(summary)
    ax = _labelled(fig)[0]
    widths = sorted(round(b.get_width()) for b in _bars(ax) if b.get_width())
    counts = sorted(summary[summary.role != "all"].sentences.tolist())
    assert widths == counts
    assert f"({results.CORPUS_SUMMARY.ref})" in " ".join(t.get_text() for t in fig.texts)


@pytest.mark.slow
def test_frame_shares_bar_heights_are_the_shares():
    shares = pd.DataFrame({"year": [2001, 2001, 2002, 2002], "frame": ["security", "economy"] * 2,
                           "n_sentences": [10, 10, 20, 20], "share": [0.5, 0.1, 0.25, 0.3],
                           "ci_low": [0.3, 0.0, 0.1, 0.1], "ci_high": [0.7, 0.4, 0.5, 0.5]})
    before = shares.copy()
    fig = plots.plot_frame_shares(shares)
    ax = _labelled(fig)[0]
    heights = [round(b.get_height(), 12) for b in _bars(ax)]
    assert heights == [0.5, 0.1, 0.25, 0.3]            # year 2001 first, frames in order
    assert ax.get_ylabel() == "share of sentences with the frame"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["security", "economy"]
    pd.testing.assert_frame_equal(shares, before)       # the input is not changed
    _legend_clear_of_the_data(fig, ax)
    # groups with long names (documents) make a wide legend and narrow axes: the title
    # is wrapped to the axes it is centred on, and stays inside the figure (a reviewer
    # found "hares by doc_id ..." cut at the left edge)
    long = shares.assign(doc_id=shares.year.map(
        {2001: "secretariat-2021-06-15-anniversary-statement",
         2002: "norov-2020-06-press-conference-address"}))
    fig = plots.plot_frame_shares(long, by="doc_id")
    ax = _labelled(fig)[0]
    assert "\n" in ax.get_title()
    _legend_clear_of_the_data(fig, ax)
    # laid out the same with a backend whose canvas is not Agg's (no get_renderer)
    from matplotlib import pyplot
    backend = matplotlib.get_backend()
    try:
        pyplot.switch_backend("svg")
        other = plots.plot_frame_shares(long, by="doc_id")
        assert type(other.canvas).__name__ == "FigureCanvasSVG"
        assert other.axes[0].get_title() == ax.get_title()
    finally:
        pyplot.switch_backend(backend)


def _legend_clear_of_the_data(fig, ax):
    # the legend lies beside the plotting area, inside the figure: no bar or interval
    # under it (a walkthrough found the legend over the intervals of small groups)
    fig.draw_without_rendering()                    # laid out as drawn, no pixels
    box = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    assert box.x0 >= ax.get_window_extent().x1
    _all_text_inside(fig)


@pytest.mark.slow
def test_frame_shares_figure_names_its_interval():
    how = "cluster bootstrap percentile (paragraphs resampled within documents; B=9, seed=1)"
    shares = pd.DataFrame({"year": [2001, 2002], "frame": ["security"] * 2,
                           "n_sentences": [10, 20], "share": [0.5, 0.25], "ci_low": [0.2, 0.1],
                           "ci_high": [0.8, 0.4], "interval": how})
    fig = plots.plot_frame_shares(shares)
    ax = _labelled(fig)[0]
    assert ax.get_title() == "Frame shares by year (95% CI: cluster bootstrap percentile)"
    assert how in " ".join(t.get_text() for t in fig.texts)
    # widened rows make a longer title: wrapped, inside the figure (a walkthrough's was cut)
    wide = shares.assign(interval=how + ", widened to the Wilson score interval where "
                         "narrower (assumes independent sentences)")
    fig = plots.plot_frame_shares(wide)
    ax = _labelled(fig)[0]
    title = ("Frame shares by year (95% CI: cluster bootstrap percentile, widened to "
             "Wilson's at the effective sample size where narrower)")
    assert ax.get_title().replace("\n", " ") == title and "\n" in ax.get_title()
    # the source line gives the table's own reason for widening (a walkthrough found a
    # fixed "(a group in one paragraph)" on a corpus of two documents a year): read from
    # the figure just checked (drawing it changes none of its texts)
    source = " ".join(t.get_text() for t in fig.texts)
    assert "(assumes independent sentences)" in source.replace("\n", " ")
    assert "a group in one paragraph" not in source
    # rows floored at their own counts and design effects are named once, without them
    # (the six year shares of the study once gave a seven-line note over the axes)
    rows = [how + f", widened to the Wilson score interval of {k}/{n} at the effective sample "
            f"size (design effect {d}, t with {df} df; Korn and Graubard 1998) where narrower"
            for k, n, d, df in ((27, 77, "2.60", 35), (36, 123, "1.90", 60))]
    source = " ".join(t.get_text() for t in
                      plots.plot_frame_shares(shares.assign(interval=rows)).texts)
    source = source.replace("\n", " ")
    assert source.count("widened to the Wilson score interval at the effective sample size "
                        "(Korn and Graubard 1998) where narrower") == 1
    assert "27/77" not in source and "design effect" not in source


@pytest.mark.slow
def test_keyness_bars_are_log_ratios(real_tokens):
    from discourse import keywords

    key = keywords.keyness(real_tokens, 2020, 2019)
    fig = plots.plot_keyness(key, n=5, target=2020, reference=2019)
    ax = _labelled(fig)[0]
    pos, neg = key[key.g2 > 0], key[key.g2 < 0]      # the table is sorted by G2
    pos, neg = pos[pos.g2 >= pos.g2.iloc[4]], neg[neg.g2 <= neg.g2.iloc[-5]]   # ties kept
    chosen = pd.concat([pos.iloc[::-1], neg.iloc[::-1]])
    assert len(chosen) > 10 and "tied at the cut" in ax.get_title()   # the real table ties
    assert [round(b.get_width(), 9) for b in _bars(ax)] == \
        [round(x, 9) for x in chosen.log_ratio]
    assert [t.get_text() for t in ax.get_yticklabels()] == chosen.term.tolist()
    assert "2020" in ax.get_xlabel() and "2019" in ax.get_xlabel()
    fig = plots.plot_logodds(key, target=2020, reference=2019)
    offsets = _labelled(fig)[0].collections[0].get_offsets()
    assert np.allclose(offsets[:, 1], key.logodds_z)
    assert np.allclose(offsets[:, 0], key.count_target + key.count_reference)
    # a labelled point names every term at it, not only those among the extremes (a
    # walkthrough found 4 of the 8 terms at 3 vs 0 named, as if they were all)
    labels = [t.get_text() for t in _labelled(fig)[0].texts]
    freq = key.count_target + key.count_reference
    for text in labels:
        first = text.split(",")[0].split(" and ")[0]
        row = key[key.term == first].iloc[0]
        there = key[(freq == row.count_target + row.count_reference)
                    & (key.logodds_z == row.logodds_z)].term.sort_values().tolist()
        assert text == (", ".join(there) if len(there) <= 5 else
                        f"{', '.join(there[:4])} and {len(there) - 4} more with the same "
                        "counts")
    assert any("more with the same counts" in t for t in labels)     # the real table ties
    # the title names the prior the table was made with (the axis said "pooled" for any)
    assert f"prior: {key.logodds_prior.iloc[0]}" in fig.axes[0].get_title()
    other = key.assign(logodds_prior="background (alpha0 = n tokens compared)")
    assert "prior: background" in plots.plot_logodds(other).axes[0].get_title()


def test_term_families_lines_are_the_rates():
    rates = pd.DataFrame({"family": ["a", "a", "b", "b"], "year": [2001, 2002] * 2,
                          "per10k": [1.0, 2.0, 3.0, 0.0]})
    ax = _labelled(plots.plot_term_families(rates))[0]
    assert [line.get_ydata().tolist() for line in ax.lines] == [[1.0, 2.0], [3.0, 0.0]]


def test_lexical_dispersion_marks_each_occurrence():
    table = pd.DataFrame({"doc_id": ["d", "d", "e"], "year": [1, 1, 2], "term": ["x", "y", "x"],
                          "relative_position": [0.1, 0.5, 0.9]})
    fig = plots.plot_lexical_dispersion(table)
    axes = _labelled(fig)
    assert [line.get_xdata().tolist() for line in axes[0].lines] == [[0.1], [0.5]]
    assert axes[1].lines[0].get_xdata().tolist() == [0.9]
    with pytest.raises(ValueError, match="is empty"):
        plots.plot_lexical_dispersion(table.iloc[:0])


@pytest.mark.slow
def test_topic_figures_show_their_tables():
    model = td.topic_terms({1: ["a", "b"], 2: ["c", "z"]})
    stored = topics.labels_for(td.topic_terms({1: ["a", "b"], 2: ["c", "d"]}),
                               {1: "Alpha", 2: "Gamma"})
    labels = topics.check_labels(stored, model)
    fig = plots.plot_topic_terms(model, labels)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["Topic 1: Alpha", "Topic 2 [stored label stale, not shown]"]
    assert [b.get_width() for b in _bars(fig.axes[0])] == [0.1, 0.1]
    ut = td.unit_topics()
    prevalence = topics.prevalence_table(ut, n_boot=20, seed=1)
    fig = plots.plot_topic_prevalence(prevalence)
    ax = _labelled(fig)[0]
    means = prevalence[prevalence.measure == "mean"]
    plotted = sorted(round(x, 12) for c in ax.containers for x in c.lines[0].get_xdata())
    assert plotted == sorted(round(x, 12) for x in means.estimate)
    # the source line says how the intervals were made, as the table does (a walkthrough
    # found only "95% bootstrap interval"): one design, or each year's where they differ
    per_year = means.drop_duplicates("year").set_index("year").interval   # one a year here
    assert per_year.nunique() == 2                  # documents of 2 and 1 blocks' length
    each = "; ".join(f"{y}: {i}" for y, i in per_year.items())
    assert f"intervals: {each}" in _unwrapped_source(fig)
    same = prevalence.assign(interval="one design")
    assert _unwrapped_source(plots.plot_topic_prevalence(same)).count("intervals: one design") == 1
    # every year's colour is legible on white (the second year was viridis' pale yellow)
    from matplotlib.colors import to_rgb

    for c in ax.containers:
        r, g, b = to_rgb(c.lines[0].get_color())
        assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.6      # viridis' end: 0.87
    flow = plots.plot_topic_flow(ut.assign(position=ut.groupby("year").cumcount() // 2 + 1,
                                           doc_id=ut.year.astype(str)))
    assert len([ax for ax in flow.axes if ax.get_images()]) == 2


@pytest.mark.slow
def test_topic_figures_mark_the_topics_not_stable_enough_to_cite():
    model = td.topic_terms({1: ["a", "b"], 2: ["c", "z"]})
    stability = pd.DataFrame({"topic": [1, 2], "citable": [True, False]})
    fig = plots.plot_topic_terms(model, stability=stability)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["Topic 1", "Topic 2 [unstable: not citable]"]
    # a topic with fewer terms of non-zero weight than listed: fewer bars, and the
    # reason it is not cited (its stability may be perfect)
    short = stability.assign(citable=False, n_top=10, n_top_terms=[10, 1])
    axes = [ax for ax in plots.plot_topic_terms(td.topic_terms({1: ["a", "b"], 2: ["thank"]}),
                                                stability=short).axes if ax.get_visible()]
    assert [ax.get_title().replace("\n", " ") for ax in axes] == \
        ["Topic 1 [unstable: not citable]", "Topic 2 [1 of 10 terms: not citable]"]
    assert [len(ax.patches) for ax in axes] == [2, 1]
    notes = " ".join(t.get_text().replace("\n", " ") for t in fig.texts)
    assert "1 of 2 topics stable enough to cite (results/topics-stability.csv" in notes
    ut = td.unit_topics()
    prevalence = topics.prevalence_table(ut, n_boot=20, seed=1)
    shown = sorted(int(t) for t in prevalence.topic.unique())
    stability = pd.DataFrame({"topic": shown, "citable": [False] * len(shown)})
    ax = _labelled(plots.plot_topic_prevalence(prevalence, stability=stability))[0]
    assert all(t.get_text().replace("\n", " ").endswith("[unstable: not citable]")
               for t in ax.get_yticklabels())
    assert all("not citable" not in t.get_text()
               for t in _labelled(plots.plot_topic_prevalence(prevalence))[0].get_yticklabels())


@pytest.mark.slow
def test_model_selection_lines_are_the_coherences():
    dtm, _ = td.block_dtm()
    sel = topics.select_model(dtm, ks=(2, 3), seed=1, n_seeds=2, n_top=4, progress=False)
    fig = plots.plot_topic_model_selection(sel)
    npmi_ax = _labelled(fig)[0]
    plotted = sorted(round(y, 12) for c in npmi_ax.containers for y in c.lines[0].get_ydata())
    assert plotted == sorted(round(y, 12) for y in sel.npmi)
    # the stability panel shows both stabilities the rule for k uses, bars within [0, 1]
    stab = fig.axes[2]
    shown = sorted(round(y, 12) for c in stab.containers for y in c.lines[0].get_ydata())
    assert sel.stability_resample.notna().all()
    assert shown == sorted(round(y, 12) for y in [*sel.stability, *sel.stability_resample])
    for c in stab.containers:
        for seg in c.lines[2][0].get_segments():
            assert 0 <= seg[:, 1].min() and seg[:, 1].max() <= 1


@pytest.mark.slow
def test_framing_figures_show_their_tables():
    validation = pd.DataFrame({"frame": ["security"] * 2, "metric": ["f1", "kappa"],
                               "value": [0.9, 0.8], "ci_low": [0.8, 0.7], "ci_high": [1, 0.9]})
    ax = _labelled(plots.plot_validation(validation))[0]
    assert ax.containers[0].lines[0].get_ydata().tolist() == [0.9, 0.8]
    # the reference lines are the project's targets, named (they were 0.85 and 0.80,
    # an older issue's, unnamed)
    targets = {line.get_label(): line.get_ydata()[0] for line in ax.lines
               if line.get_label().startswith("target")}
    assert targets == {"target: macro-F1 0.90": 0.90, "target: kappa 0.85 per frame": 0.85}
    assert set(targets) <= {t.get_text() for t in ax.get_legend().get_texts()}
    frames = ["security", "economy"]
    cooc = pd.DataFrame({"year": "all", "frame_a": np.repeat(frames, 2),
                         "frame_b": frames * 2, "n_both": [5, 1, 1, 7]})
    ax = _labelled(plots.plot_cooccurrence(cooc))[0]
    assert ax.get_images()[0].get_array().tolist() == [[5, 1], [1, 7]]
    traj = pd.DataFrame({"doc_id": "d", "year": 1, "frame": "security", "position": [1, 2],
                         "relative_position": [0.25, 0.75], "rolling_share": [0.5, 1.0],
                         "window": 3})
    ax = _labelled(plots.plot_trajectory(traj))[0]
    assert ax.lines[0].get_ydata().tolist() == [0.5, 1.0]
    # a text no longer than the window says so; frames differ by line style as well
    assert ax.get_title() == ("d (1; 2 sentences, no more than the window: each point "
                              "averages most of the text)")
    two = pd.concat([traj, traj.assign(frame="economy")])
    two = two.assign(window=2, position=[1, 3] * 2)
    ax = _labelled(plots.plot_trajectory(two))[0]
    assert ax.get_title() == "d (1)"
    assert [line.get_linestyle() for line in ax.lines] == ["-", "--"]
    roles = pd.DataFrame({"year": [2020, 2020], "role": ["speech"] * 2, "frame": frames,
                          "n_sentences": [122, 122], "share": [0.25, 0.5],
                          "ci_low": [0.1, 0.2], "ci_high": [0.6, 0.8],
                          # the study's long label ran off the edge of the axis title
                          "interval": "cluster bootstrap percentile (paragraphs resampled "
                                      "within documents; B=20000, seed=20240601), widened "
                                      "to Wilson's where narrower"})
    fig = plots.plot_roles(roles)
    ax = _labelled(fig)[0]
    assert sorted(b.get_width() for b in _bars(ax)) == [0.25, 0.5]
    _legend_clear_of_the_data(fig, ax)


@pytest.mark.slow
def test_ceiling_figure_says_who_is_compared_and_what_each_set_is():
    """The hollow markers are the two hand coders against each other, the filled ones the
    automatic coder against the adjudicated coding; each panel carries its set's
    measured_on label (a held-out set scored again says so)."""
    again = "synthetic text, never used to build or tune the lexicon, but scored again"
    c = pd.DataFrame({"set": ["dev", "dev", "held", "held"], "kind": "synthetic",
                      "used_for_development": ["yes", "yes", "no", "no"],
                      "measured_on": ["", "", again, again],
                      "frame": ["security", "economy"] * 2, "metric": "kappa",
                      "coder": [0.9, 0.8, 0.7, 0.6], "coder_low": [0.85, 0.7, 0.6, 0.5],
                      "coder_high": [0.95, 0.9, 0.8, 0.7], "two_coders": [1.0, 0.95, 0.97, 0.9],
                      "two_coders_low": [0.9, 0.9, 0.9, 0.8],
                      "two_coders_high": [1.0, 1.0, 1.0, 1.0], "gap": 0.0})
    fig = plots.plot_agreement_ceiling(c)
    dev, held = fig.axes[:2]                    # one shared y label, on the first panel
    assert dev.get_ylabel() == "kappa (95% interval)"
    assert "used to build the lexicon" in dev.get_title().replace("\n", " ")
    assert again in held.get_title().replace("\n", " ")
    two, coder = held.containers[0], held.containers[1]
    assert two.lines[0].get_ydata().tolist() == [0.97, 0.9]
    assert coder.lines[0].get_ydata().tolist() == [0.7, 0.6]
    labels = [t.get_text() for t in dev.get_legend().get_texts()]
    assert labels == ["target: kappa 0.85 per frame",
                      "two hand coders, one against the other",
                      "automatic coder against the adjudicated coding"]
    assert [line.get_ydata()[0] for line in held.lines if line.get_linestyle() == ":"] \
        == [0.85]
    assert "beside the two hand coders against each other" in \
        fig.get_suptitle().replace("\n", " ")
    source = _unwrapped_source(fig)
    assert ("95% intervals as made for each row of results/framing-generalisation.csv and "
            "results/framing-intercoder.csv (their interval column); dotted line: the "
            "project's target on text never seen, kappa 0.85 per frame") in source
    _all_text_inside(fig)                # the long title was cut at both edges
    # a measure without a target gets no line (the line was 0.85 whatever the measure)
    alpha = plots.plot_agreement_ceiling(c.assign(metric="alpha"), metric="alpha")
    assert not [line for ax in alpha.axes for line in ax.lines
                if line.get_linestyle() == ":"]
    assert "dotted line" not in _unwrapped_source(alpha)
    six = pd.concat([c.assign(set=c["set"] + str(i)) for i in range(3)], ignore_index=True)
    fig = plots.plot_agreement_ceiling(six)
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 6 and len({ax.get_position().y0 for ax in shown}) == 2  # 2 rows
    _all_text_inside(fig)


def test_probes_figure_shows_the_overview_it_is_given():
    over = pd.DataFrame({"probe": ["probe1", "probe2", "probe3"],
                         "errors_read": ["yes", "no", "yes"],
                         "first_macro_f1": [0.8, 0.9, 0.75], "coder_macro_f1": [0.85, 0.9, 0.8],
                         "coders_macro_f1": [0.97, 0.99, 0.95]})
    fig = plots.plot_probes(over)
    ax = fig.axes[0]
    shown = {line.get_label(): line for line in ax.lines}
    coders = shown["two hand coders, one against the other"]
    first = shown["automatic coder, first score (before anyone read its errors)"]
    now = shown["automatic coder now (in sample where read)"]
    assert coders.get_ydata().tolist() == [0.97, 0.99, 0.95]
    assert first.get_ydata().tolist() == [0.8, 0.9, 0.75]
    assert now.get_ydata().tolist() == [0.85, 0.9, 0.8]
    # the coder's two scores side by side, not on top of each other
    assert (first.get_xdata() < coders.get_xdata()).all()
    assert (now.get_xdata() > coders.get_xdata()).all()
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "probe1\n(read)", "probe2\n(never read)", "probe3\n(read)"]
    assert [line.get_ydata()[0] for line in ax.lines if line.get_linestyle() == "--"] == [0.9]
    assert ("Source: discourse.framing.probe_agreement (results/framing-probes.csv); first "
            "scores as recorded in docs/coding/probes.csv") in _unwrapped_source(fig)
    _all_text_inside(fig)
    assert ax.get_ylim() == (0.5, 1.02)
    low = plots.plot_probes(over.assign(first_macro_f1=[0.8, 0.4, 0.75]))
    assert low.axes[0].get_ylim()[0] == pytest.approx(0.38)     # 0.4 is shown


@pytest.mark.slow
def test_many_probes_wrap_into_rows_on_one_scale():
    """85 probes are three rows of at most PROBES_PER_ROW, in the table's order, every point
    of every series drawn once, and every row on the same scale as the first."""
    import numpy as np

    n = 85
    over = pd.DataFrame({"probe": [f"probe{i}" for i in range(n)],
                         "errors_read": ["yes"] * 40 + ["no"] * 45,
                         "first_macro_f1": np.linspace(0.6, 0.95, n),
                         "coder_macro_f1": np.linspace(0.65, 0.97, n),
                         "coders_macro_f1": np.linspace(0.9, 0.99, n)})
    fig = plots.plot_probes(over)
    assert plots.PROBES_PER_ROW == 40 and len(fig.axes) == 3
    ticks = [t.get_text().split("\n")[0] for ax in fig.axes for t in ax.get_xticklabels()]
    assert ticks == over["probe"].tolist()
    first = [y for ax in fig.axes for line in ax.lines
             if line.get_label().startswith("automatic coder, first") for y in line.get_ydata()]
    assert first == pytest.approx(over["first_macro_f1"].tolist())
    assert {ax.get_xlim() for ax in fig.axes} == {(-0.6, 39.6)}
    assert {ax.get_ylim() for ax in fig.axes} == {fig.axes[0].get_ylim()}
    assert fig.get_figwidth() == pytest.approx(0.42 * 40 + 2.0)
    assert fig.axes[0].get_legend() is not None and fig.axes[1].get_legend() is None
    _all_text_inside(fig)


def _figure():
    fig, ax = plots.new_figure()
    ax.plot([0, 1], [1, 0])
    ax.set_title("t")
    return fig


@pytest.mark.slow
def test_save_figure_is_deterministic_and_whole(tmp_path):
    first = plots.save_figure(_figure(), "x", tmp_path / "a", formats=("png", "svg", "pdf"))
    second = plots.save_figure(_figure(), results.FIG_ROLES, tmp_path / "b",
                               formats=("png", "svg", "pdf"))
    assert [p.name for p in first] == ["x.png", "x.svg", "x.pdf"]
    assert [p.name for p in second] == ["04-roles.png", "04-roles.svg", "04-roles.pdf"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.suffix
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["x.pdf", "x.png", "x.svg"]
    with pytest.raises(ValueError, match="format 'gif'"):
        plots.save_figure(_figure(), "y", tmp_path, formats=("gif",))


def test_new_figure_has_the_fixed_size(tmp_path):
    from PIL import Image

    fig = _figure()
    assert tuple(fig.get_size_inches()) == plots.FIGSIZE
    png = plots.save_figure(fig, "s", tmp_path, formats=("png",))[0]
    assert Image.open(png).size == (plots.FIGSIZE[0] * plots.DPI, plots.FIGSIZE[1] * plots.DPI)


@pytest.mark.slow
def test_save_figure_displays_the_png_it_wrote(tmp_path, monkeypatch):
    """In a kernel each figure is displayed as an image output whose bytes are the
    file's (so notebooks and their HTML show it, deterministically); elsewhere not."""
    from types import SimpleNamespace

    from IPython.display import Image

    from discourse.plots import figure

    published = []
    monkeypatch.setattr("IPython.display.display", lambda obj: published.append(obj))
    plots.save_figure(_figure(), "quiet", tmp_path)            # not in a kernel: nothing
    assert published == []
    path = plots.save_figure(_figure(), "shown", tmp_path, show=True)[0]
    (image,) = published
    assert isinstance(image, Image) and image.data == path.read_bytes()
    assert image.format == "png" and image.alt == "t"           # the title, for screen readers
    with pytest.raises(ValueError, match="show=True needs 'png'"):
        plots.save_figure(_figure(), "svg-only", tmp_path, formats=("svg",), show=True)
    # show=None asks whether the running shell is a kernel's (a terminal IPython is not)
    monkeypatch.setattr("IPython.get_ipython", lambda: SimpleNamespace(kernel=None))
    assert not figure._in_kernel()
    monkeypatch.setattr("IPython.get_ipython", lambda: SimpleNamespace(kernel=object()))
    assert figure._in_kernel()
    plots.save_figure(_figure(), "auto", tmp_path)
    assert len(published) == 2 and published[1].data == (tmp_path / "auto.png").read_bytes()
