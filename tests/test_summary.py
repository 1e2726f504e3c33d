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
    text = summary.render_summary(findings)
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


def test_keyword_and_topic_findings_name_their_conventions(tmp_path):
    """The reference years behind 'rest', the correction, the permutation and dispersion
    tests, the %DIFF artefact and the log-odds prior; only topics stable under
    resampling are cited, and every prevalence difference is reported."""
    base = dict(p=0.01, total_target=100, total_reference=90, target="2022",
                reference="rest", reference_groups="2021", correction="Holm FWER",
                logodds_prior="pooled (alpha0 = n tokens compared)", n_permutations=9999,
                permutation_seed=7)
    _write(tmp_path, "keywords-keyness.csv", [
        dict(base, term="trade", count_target=9, count_reference=0, g2=8.25,
             p_adjusted=0.04, log_ratio=3.1, pct_diff_zero_reference=True, logodds_z=1.2,
             p_permutation=0.001, p_permutation_adjusted=0.02, p_dispersion=0.01,
             p_dispersion_adjusted=0.3),
        dict(base, term="terror", count_target=0, count_reference=6, g2=-7.5,
             p_adjusted=0.2, log_ratio=-3.6, pct_diff_zero_reference=False, logodds_z=-1.5,
             p_permutation=0.2, p_permutation_adjusted=0.2, p_dispersion=0.2,
             p_dispersion_adjusted=0.3)])
    stab = dict(n_runs=9, model="nmf", k=2, seed=5, n_top=10, resample_fraction=0.8,
                min_stability=0.8, min_resample_stability=0.7, sd=0.1, min=0.5,
                resample_sd=0.1, resample_min=0.4)
    _write(tmp_path, "topics-stability.csv", [
        dict(stab, topic=1, stability=0.95, stability_resample=0.75, citable=True),
        dict(stab, topic=2, stability=0.90, stability_resample=0.50, citable=False)])
    prev = dict(measure="difference", year=2022, reference=2021, n_units=10, n_reference=9,
                interval="moving block bootstrap of consecutive units within each document "
                         "(block length 2)", level=0.95, n_boot=2000, boot_seed=5)
    _write(tmp_path, "topics-prevalence-by-year.csv", [
        dict(prev, topic=1, estimate=0.1, ci_low=0.02, ci_high=0.2),
        dict(prev, topic=2, estimate=-0.1, ci_low=-0.2, ci_high=-0.02)])
    text = summary.render_summary(summary.headline_findings(tmp_path))
    assert "over-represented in 2022 relative to 2021 (the only other year)" in text
    assert "after the Holm FWER correction" in text
    assert "1 with the paragraph permutation test" in text and "9,999 permutations" in text
    assert "0 by text-dispersion keyness" in text
    assert "%DIFF of the 1 terms absent from the reference is an artefact" in text
    assert "pooled (alpha0 = n tokens compared) prior (largest |z| 1.50)" in text
    assert "topic 1 0.95 / 0.75; topic 2 0.90 / 0.50" in text
    assert "are cited: topic 1." in text
    assert "topic 1 2022 minus 2021: +0.100 (+0.020 to +0.200);" in text
    assert "topic 2 2022 minus 2021: -0.100 (-0.200 to -0.020) [not citable]" in text
    assert "moving block bootstrap" in text and "one in twenty" in text
