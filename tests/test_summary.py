"""results/summary.md: every number comes from a result table, with its source."""

from __future__ import annotations

import pandas as pd

from discourse import summary


def _write(root, name, rows):
    pd.DataFrame(rows).to_csv(root / name, index=False)


def test_findings_quote_the_tables(tmp_path):
    _write(tmp_path, "framing-shares-by-year.csv", [
        dict(year=2021, frame="security", n_sentences=40, n_frame=10, share=0.25,
             ci_low=0.1419, ci_high=0.4019, n_words=800, per_1000_words=12.5),
        dict(year=2022, frame="security", n_sentences=50, n_frame=5, share=0.10,
             ci_low=0.0435, ci_high=0.2136, n_words=900, per_1000_words=5.6)])
    _write(tmp_path, "framing-differences.csv", [
        dict(frame="security", reference=2021, target=2022, share_reference=0.25,
             share_target=0.10, difference=-0.15, ci_low=-0.31, ci_high=0.004,
             test="Fisher exact, two-sided", odds_ratio=0.33, p_value=0.0862)])
    _write(tmp_path, "keywords-keyness.csv", [
        dict(term="trade", count_target=9, count_reference=1, g2=8.25, p_adjusted=0.04,
             log_ratio=3.1, target="2022", reference="2021"),
        dict(term="terror", count_target=0, count_reference=6, g2=-7.5, p_adjusted=0.2,
             log_ratio=-3.6, target="2022", reference="2021")])
    findings = summary.headline_findings(tmp_path)
    text = summary.render_summary(findings, results=tmp_path)
    assert ("25.0% of sentences in 2021 (10 of 40; 95% Wilson CI 14.2% to 40.2%)" in text)
    assert "Difference 2022 minus 2021: -15.0 percentage points" in text
    assert "(95% Newcombe CI -31.0 to +0.4; Fisher exact, two-sided p = 0.086)" in text
    assert "*trade* (9 vs 1; G2 +8.2, Log Ratio +3.10, adjusted p = 0.040)" in text
    assert "*terror* (0 vs 6; G2 -7.5" in text
    assert "1 of 2 terms tested remain significant" in text
    assert "[results/framing-shares-by-year.csv, results/framing-differences.csv" in text
    # sections without tables say so instead of inventing numbers
    topics = findings[findings.section == "Topics"].finding.tolist()
    assert topics == ["No table for this section was found in results/."]
    path = summary.write_summary(tmp_path)
    assert path.read_text() == text


def test_the_header_names_the_folder_it_is_written_into(tmp_path):
    """A summary written into another folder cites that folder and the command that
    regenerates it, not the repository's results/ and make reproduce."""
    from discourse import paths

    findings = summary.headline_findings(tmp_path)
    other = tmp_path / "study-results"
    other.mkdir()
    header = summary.write_summary(other).read_text().split("\n\n")[1]
    assert "from the tables in this folder (`study-results/`)" in header
    assert "regenerate with `discourse reproduce` with the same `--corpus`, `--results`" in header
    assert "`manifest.json` in this folder" in header
    assert "make reproduce" not in header and "`results/`" not in header
    own = summary.render_summary(findings, results=paths.repo_root() / "results")
    assert own == summary.render_summary(findings)
    assert "from the tables in `results/`; regenerate with `make reproduce`" in own
    assert "are in `results/manifest.json`" in own
