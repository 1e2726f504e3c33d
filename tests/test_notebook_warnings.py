"""discourse.notebook_warnings: the warnings a notebook's code printed, read back from
the executed notebook, and repeated by ``discourse reproduce``."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from discourse.notebook_warnings import warnings_in

ORGANISATION = ("/tmp/ipykernel_4121/2332413235.py:3: OrganisationWarning: the sentences "
                "table: no sentence names the SCO, the organisation the frame lexicon "
                "frames.yaml is written for")


def _cell(*outputs):
    return new_code_cell(outputs=list(outputs))


def test_warnings_are_the_formatted_warning_lines_of_stderr_in_order_once():
    nb = new_notebook(cells=[
        _cell(new_output("stream", name="stdout", text="p = 0.03\nx.py:1: UserWarning: "
                         "printed by the cell, not warned\n")),
        _cell(new_output("stream", name="stderr", text=ORGANISATION + "\n  codes = "
                         "framing.code_sentences(sents, lexicon)\n")),
        _cell(new_output("stream", name="stderr", text="100%|##########| 3/3\n"),
              new_output("stream", name="stderr",
                         text="/x/site-packages/discourse/framing/letter_case.py:88: "
                              "LetterCaseWarning: the text is lower-cased  \n"),
              new_output("stream", name="stderr", text=ORGANISATION + "\n")),
        _cell(new_output("error", ename="ValueError", evalue="x", traceback=[])),
    ])
    assert warnings_in(nb) == [
        "OrganisationWarning: the sentences table: no sentence names the SCO, the "
        "organisation the frame lexicon frames.yaml is written for",
        "LetterCaseWarning: the text is lower-cased"]


def test_pieces_of_a_warning_categories_ending_in_error_and_a_message_on_the_next_line():
    err = ["/t/1.py:4: ChainedAssignmentError: A value", " is set on a copy\n  df['a'][0] = 5\n",
           "/t/1.py:5: UserWarning: \nstarts on the next line\n  warnings.warn(m)\n",
           "/t/1.py:6: UserWarning: \n  warnings.warn('')\n",
           "C:\\Users\\x\\2.py:12: RuntimeWarning: ratio: 0/0\n"]
    nb = new_notebook(cells=[_cell(*(new_output("stream", name="stderr", text=t)
                                     for t in err))])
    assert warnings_in(nb) == ["ChainedAssignmentError: A value is set on a copy",
                               "UserWarning: starts on the next line", "UserWarning",
                               "RuntimeWarning: ratio: 0/0"]


def test_a_notebook_without_warnings_has_none():
    nb = new_notebook(cells=[_cell(new_output("stream", name="stderr",
                                              text="Traceback: not a warning\n")),
                             new_code_cell()])
    assert warnings_in(nb) == []


@pytest.mark.slow        # a Jupyter kernel
def test_reproduce_repeats_a_notebooks_warning(tmp_path, tiny_corpus, capsys):
    import nbformat

    from discourse import reproduce

    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    params = new_code_cell("RESULTS_DIR = None")
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[params, new_code_cell(
        "import warnings\n"
        "class OrganisationWarning(UserWarning):\n    pass\n"
        "warnings.warn('texts of another organisation', OrganisationWarning)\n"
        "warnings.warn('texts of another organisation', OrganisationWarning)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, nbdir / "01-warn.ipynb")
    line = "01-warn.ipynb warned: OrganisationWarning: texts of another organisation"
    kw = dict(corpus=tiny_corpus, results=tmp_path / "r", figures=tmp_path / "f",
              notebooks=nbdir, executed=tmp_path / "x")
    reproduce.run(**kw)
    said = capsys.readouterr()
    assert said.err.splitlines().count(line) == 1 and line not in said.out
    reproduce.run(quiet=True, **kw)
    said = capsys.readouterr()
    assert said.out == "" and said.err.splitlines() == [line]     # quiet: progress only
    # a later cell fails: the error names what the cells before warned
    nb.cells.append(new_code_cell("raise ValueError('later failure')"))
    nbformat.write(nb, nbdir / "01-warn.ipynb")
    with pytest.raises(reproduce.ReproduceError, match=r"cell 2: ValueError: later failure "
                       r"\(the notebook had warned: OrganisationWarning: texts of another "
                       r"organisation\)$"):
        reproduce.run(quiet=True, **kw)
