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
:mod:`discourse.framing.agreement`      intervals for agreement that never collapse;
                                        inter-coder reliability
:mod:`discourse.framing.validation`     agreement with hand coding, disagreements,
                                        supervised comparison, hand-coded sets
:mod:`discourse.framing.shares`         frame shares, differences, sensitivity,
                                        co-occurrence, roles, trajectory
:mod:`discourse.framing.correction`     shares corrected for coder error (Rogan-Gladen,
                                        prediction-powered), Se and Sp by year
:mod:`discourse.framing.sampling`       a blind coding sheet and its lock
:mod:`discourse.framing.sheets`         validation on coded sheets (``discourse
                                        validate``)
======================================  ================================================

Every public name of those modules is available here, as before the split
(``framing.code_sentences``, ``framing.frame_shares`` ...).

In brief (each module's docstring gives the convention in full, with its references,
to be named when citing numbers): the unit is one sentence, each frame coded 1/0;
words are matched on their lemma or lower-cased form, British and American spellings
made one by ``spelling.csv``; an entry inside a longer match is dropped (longest match);
the codebook's rules live in the lexicon file; a sentence referring back ("in this
context") inherits the frames of the paragraph's last framed sentence; agreement with
hand coding is precision, recall (Wilson intervals), F1, Cohen's kappa and
Krippendorff's alpha (paragraph-cluster bootstrap intervals with Jeffreys
pseudo-counts); shares and year differences have cluster bootstrap intervals
(paragraphs resampled within documents), with Wilson, Newcombe and Fisher beside them
as assuming independent sentences.
"""

from discourse.framing.agreement import intercoder_disagreements, intercoder_reliability
from discourse.framing.coder import SentenceCode, code_sentences, explain, iter_codes, tokens
from discourse.framing.correction import (coder_accuracy, corrected_shares,
                                          prediction_powered_shares, rogan_gladen)
from discourse.framing.sampling import draw_sample, sample_sheet
from discourse.framing.sheets import SheetError, fill_sheet, read_sheet, validate_sheet
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
    "intercoder_reliability",
    "intercoder_disagreements",
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
    "rogan_gladen",
    "coder_accuracy",
    "corrected_shares",
    "prediction_powered_shares",
    "SheetError",
    "sample_sheet",
    "draw_sample",
    "read_sheet",
    "fill_sheet",
    "validate_sheet",
    "load_validation",
    "validate_annotations",
    "validate_annotation_sets",
]
