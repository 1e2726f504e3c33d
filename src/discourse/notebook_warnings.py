"""The warnings a notebook's code issued, read back from the executed notebook.

A warning raised in a notebook's kernel (the frame coder's ``OrganisationWarning`` on
texts that do not name the organisation the lexicon is written for, its
``LetterCaseWarning`` on lower-cased text ...) is printed to the kernel's standard
error, which the executed notebook keeps as a ``stderr`` stream output of the cell; a
run of ``discourse reproduce`` in a terminal would not show it. :func:`warnings_in`
reads those lines back, so that the run can repeat them where its user reads
(:func:`discourse.reproduce.run`).

A line is a warning where it has the form :func:`warnings.formatwarning` gives it,
``FILE:LINE: CATEGORY: MESSAGE`` with a category whose name ends in ``Warning`` or
``Error`` (pandas' ``ChainedAssignmentError`` is a warning); the source line Python
prints under it, and anything else a cell writes to standard error, is not. A cell's
standard error is read as one text (a kernel may send one warning in several pieces),
and a message that starts on the next line is read from there.
"""

from __future__ import annotations

import re

__all__ = ["warnings_in"]

#: ``FILE:LINE: CATEGORY: MESSAGE``, as ``warnings.formatwarning`` writes a warning.
_WARNING = re.compile(r"^.*?:\d+: ([A-Za-z_]\w*(?:Warning|Error)):(.*)$")


def warnings_in(nb) -> list[str]:
    """The distinct warnings in a notebook's ``stderr`` outputs, in order of appearance.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook.

    Returns
    -------
    list of str
        ``"CATEGORY: MESSAGE"`` for each distinct warning (the first line of its
        message), in the order the cells printed them.

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> err = new_output("stream", name="stderr", text=(
    ...     "/tmp/ipykernel_7/1.py:3: UserWarning: few texts\\n  codes = f(x)\\n"
    ...     "/tmp/ipykernel_7/1.py:3: UserWarning: few texts\\n  codes = f(x)\\n"))
    >>> warnings_in(new_notebook(cells=[new_code_cell(outputs=[err])]))
    ['UserWarning: few texts']
    """
    found: dict[str, None] = {}
    for cell in nb.cells:
        lines = "".join(str(out.get("text", "")) for out in cell.get("outputs", ())
                        if out.get("output_type") == "stream"
                        and out.get("name") == "stderr").splitlines()
        for i, line in enumerate(lines):
            m = _WARNING.match(line)
            if m:
                after = lines[i + 1] if i + 1 < len(lines) else ""
                # (the source line formatwarning prints under a warning is indented)
                message = m.group(2).strip() or ("" if after.startswith("  ") else after)
                found.setdefault(f"{m.group(1)}: {message.strip()}" if message.strip()
                                 else m.group(1))
    return list(found)
