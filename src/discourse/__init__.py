"""discourse: quantitative discourse analysis with every convention named.

The package is a sequence of small steps, each taking a tidy table and returning a
new one (see the "Architecture" section of the README): :mod:`discourse.corpus` reads
the corpus (:mod:`discourse.segmentation` splits it into sentences),
:mod:`discourse.preprocess` turns sentences into analysis terms (with
:mod:`discourse.text` and :mod:`discourse.lexicons`), the chapters analyse
(:mod:`discourse.keywords` with :mod:`discourse.keyness`, :mod:`discourse.dispersion`
and :mod:`discourse.concordance`; :mod:`discourse.topics`; :mod:`discourse.framing`),
with their statistics in :mod:`discourse.stats`; :mod:`discourse.plots` draws, and
:mod:`discourse.io` writes each table whole with its provenance under a name from
:mod:`discourse.results`.

Nothing happens at import time: no downloads, no file writes, no logging set-up.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
