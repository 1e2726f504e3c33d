"""discourse: quantitative discourse analysis with every convention named.

The package is a sequence of small steps, each taking a tidy table and returning a
new one (see ``../shared/STYLE.md`` in the project): :mod:`discourse.corpus` reads
the corpus and segments it into sentences, :mod:`discourse.preprocess` tokenises,
:mod:`discourse.keywords`, :mod:`discourse.topics` and :mod:`discourse.framing`
analyse, :mod:`discourse.plots` draws and :mod:`discourse.io` writes results whole.

Nothing happens at import time: no downloads, no file writes, no logging set-up.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
