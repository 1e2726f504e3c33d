"""Code sentences for three frames (security, economy, multilateralism) and validate.

The construct is the project's framing codebook (``shared/framing-codebook.md``); the
lexicon that implements it is data, ``corpus/lexicons/frames.yaml``, where every entry
quotes the codebook clause it implements. The package reads and applies it, one step
per module:

======================================  ================================================
:mod:`discourse.framing.lexicon`        read, validate and compile the lexicon file
:mod:`discourse.framing.matcher`        find every entry in a tokenised sentence (trie)
:mod:`discourse.framing.rules`          the codebook's rules: longest match, names,
                                        lists, money, citations
:mod:`discourse.framing.coder`          code sentences in context, with evidence
:mod:`discourse.framing.inputs`         the input contract of ``discourse frames``
:mod:`discourse.framing.validation`     agreement with hand coding, disagreements,
                                        supervised comparison, hand-coded sets
:mod:`discourse.framing.shares`         frame shares, differences, sensitivity,
                                        co-occurrence, roles, trajectory
======================================  ================================================

Every public name of those modules is available here, as before the split
(``framing.code_sentences``, ``framing.frame_shares`` ...).

Conventions (name them when citing numbers):

* **Unit**: one sentence; each frame is coded 1/0 independently.
* **Tokens**: a single regular expression (:data:`TOKEN_PATTERN`) that splits like
  :func:`discourse.text.tokenize` on word tokens (hyphenated words and numbers stay
  whole, "'s" splits off) but is about 15 times faster; ``tokenizer="nltk"`` uses
  :func:`discourse.text.tokenize` itself. Words are matched on their lemma
  (:func:`discourse.text.lemma`) or their lower-cased form, British and American
  spellings made one by ``spelling.csv``; upper-case entries (``UN``, ``WHO``) match
  only the upper-case token; parts of hyphenated tokens are tried as well
  ("SCO-ASEAN" contains "ASEAN").
* **Longest match**: an entry lying inside a longer matching entry of any section is
  dropped (reported as *blocked*): "UN Security Council" (a name, multilateralism)
  blocks "security"; "sustainable development" blocks "development".
* **Rules** (all in the lexicon file): external organisation ``names`` count for
  multilateralism; ``lists`` of ministries do not carry frames; ``money`` serving a
  security matter is not economy; ``citations`` of a source are not multilateralism;
  ``context`` references inherit the frames of the nearest preceding sentence of the
  same paragraph that has a frame.
* **Agreement**: precision, recall, F1 (positive class 1), Cohen's (1960) kappa and
  Krippendorff's (2004) alpha (nominal, two coders, no missing values), each with a
  percentile bootstrap 95% CI over sentences (Efron and Tibshirani 1993).
* **Shares**: share of sentences with the frame, Wilson (1927) score 95% CI; the
  difference of two shares (target minus reference) with Newcombe's (1998) hybrid
  score interval (his method 10) and Fisher's exact test (two-sided, conditional).

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
Psychological Measurement* 20(1), 37-46.
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*, 2nd ed.
Sage. (alpha, ch. 11.)
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from discourse.framing.coder import SentenceCode, code_sentences, explain, iter_codes, tokens
from discourse.framing.inputs import FramingInputError, code_file, read_input
from discourse.framing.lexicon import FRAMES, LEXICON_FILE, Lexicon, LexiconError, load_lexicon
from discourse.framing.shares import (add_word_counts, cooccurrence, frame_differences,
                                      frame_shares,
                                      frames_by_role, newcombe_interval, sensitivity,
                                      trajectory, wilson_interval, word_counts)
from discourse.framing.validation import (binary_agreement, confusion, disagreements,
                                          load_validation, supervised_comparison,
                                          validate, validate_annotation_sets,
                                          validate_annotations)
from discourse.text import TOKEN_PATTERN

__all__ = [
    "FRAMES",
    "LEXICON_FILE",
    "TOKEN_PATTERN",
    "LexiconError",
    "FramingInputError",
    "Lexicon",
    "SentenceCode",
    "load_lexicon",
    "tokens",
    "explain",
    "iter_codes",
    "code_sentences",
    "read_input",
    "code_file",
    "binary_agreement",
    "validate",
    "confusion",
    "disagreements",
    "supervised_comparison",
    "wilson_interval",
    "newcombe_interval",
    "word_counts",
    "add_word_counts",
    "frame_shares",
    "frame_differences",
    "sensitivity",
    "cooccurrence",
    "frames_by_role",
    "trajectory",
    "load_validation",
    "validate_annotations",
    "validate_annotation_sets",
]
