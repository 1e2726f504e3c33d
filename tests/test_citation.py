"""CITATION.cff and CITATION.bib: a valid citation of the software, the methods the
README asks readers to cite as references, and a BibTeX entry with a real key."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import REPO

#: (first author's family name, year) of every method the README asks readers to cite.
METHODS = {("Dunning", 1993), ("Hardie", 2014), ("Monroe", 2008), ("Gries", 2008),
           ("Greene", 2014), ("Kiss", 2006), ("Rogan", 1978), ("Lijffijt", 2016),
           ("Egbert", 2019), ("Angelopoulos", 2023)}


def _cff() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_has_the_required_fields_and_the_package_version():
    cff = _cff()
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version", "date-released", "license"} <= set(cff)
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert cff["version"] == version
    if "repository-code" in cff:                    # once the repository is published
        assert re.fullmatch(r"https://\S+", cff["repository-code"])


def test_every_method_the_readme_asks_to_cite_is_a_reference():
    refs = _cff()["references"]
    cited = {(r["authors"][0]["family-names"], r["year"]) for r in refs}
    assert METHODS <= cited
    for r in refs:
        assert r["type"] in {"article", "blog", "conference-paper", "book"}, r["title"]
        assert r["title"] and r["authors"] and r["year"], r
        if r["type"] == "article":
            assert {"journal", "volume", "start", "end"} <= set(r), r["title"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for family, year in METHODS - {("Rogan", 1978), ("Lijffijt", 2016), ("Egbert", 2019),
                                   ("Angelopoulos", 2023)}:
        assert re.search(rf"{family}[^()]*\({year}\)|{family}.{{0,60}}{year}", readme), family


def test_bibtex_entry_has_a_real_key_and_agrees_with_the_cff():
    bib = (REPO / "CITATION.bib").read_text(encoding="utf-8")
    key = re.search(r"@software\{([^,\s]+),", bib).group(1)
    assert key == "discourse2026" and "YourReferenceHere" not in bib
    cff = _cff()
    fields = dict(re.findall(r"^\s*(\w+)\s*=\s*\{+(.*?)\}+,?$", bib, flags=re.M))
    assert fields["title"] == cff["title"]
    assert fields["version"] == cff["version"]
    assert fields["year"] == str(cff["date-released"])[:4]
    assert fields["author"] == cff["authors"][0]["name"]
    assert "CITATION.bib" in cff["message"] and key in cff["message"]
