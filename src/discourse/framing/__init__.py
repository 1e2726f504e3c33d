"""Code sentences for three frames (security, economy, multilateralism) and validate.

The construct is the project's framing codebook, version 2 (``docs/codebook.md``); the
lexicon that implements it is data, ``corpus/lexicons/frames.yaml`` (with the SCO's
membership by date in ``states.csv``), where every entry quotes the codebook clause or
decision rule it implements. The package reads and applies it, one step per module:

======================================  ================================================
:mod:`discourse.framing.sections`       the sections of the lexicon file, validated
:mod:`discourse.framing.lexicon`        read and compile the lexicon
:mod:`discourse.framing.trie`           the trie its entries are matched with
:mod:`discourse.framing.states`         states and their SCO membership by date
:mod:`discourse.framing.matcher`        find every entry in a tokenised sentence (trie)
:mod:`discourse.framing.blocking`       the spans a rule blocks (lists, names, ...)
:mod:`discourse.framing.rules`          the codebook's rules on one sentence
:mod:`discourse.framing.stream`         the reading loop: sentences in context
                                        (paragraph and document), with evidence
:mod:`discourse.framing.coder`          code sentences, a table or one sentence
:mod:`discourse.framing.pool`           the same coding in worker processes
:mod:`discourse.framing.inputs`         the input contract of ``discourse frames``
:mod:`discourse.framing.letter_case`    a warning for text in one letter case
:mod:`discourse.framing.organisation`   a warning for texts of another organisation
:mod:`discourse.framing.case_effect`    what coding text in one letter case costs
:mod:`discourse.framing.agreement`      intervals for agreement that never collapse;
                                        inter-coder reliability
:mod:`discourse.framing.validation`     agreement with hand coding, disagreements,
                                        hand-coded files
:mod:`discourse.framing.evaluation`     what each accuracy figure was measured on;
                                        two coders' agreement, the ceiling
:mod:`discourse.framing.probes`         the coder on invented texts of genres new to
                                        the lexicon, beside two hand coders
:mod:`discourse.framing.instruments`    the lexicon against learned coders, on data
                                        left out; transfer between texts
:mod:`discourse.framing.suggest`        words near a frame that the lexicon lacks
:mod:`discourse.framing.shares`         frame shares, differences, sensitivity,
                                        co-occurrence, roles, trajectory
:mod:`discourse.framing.correction`     shares corrected for coder error (Rogan-Gladen,
                                        prediction-powered: the latter in
                                        :mod:`discourse.framing.prediction_powered`),
                                        Se and Sp by year
:mod:`discourse.framing.sampling`       a blind coding sheet and its lock
:mod:`discourse.framing.sheets`         validation on coded sheets (``discourse
                                        validate``)
======================================  ================================================

Every public name of those modules is available here (``framing.code_sentences``,
``framing.frame_shares`` ...).

In brief (each module's docstring gives the convention in full, with its references,
to be named when citing numbers): the unit is one sentence, each frame coded 1/0;
words are matched on their lemma or lower-cased form, British and American spellings
made one by ``spelling.csv``; an entry inside a longer match is dropped (longest match);
the codebook's rules live in the lexicon file; a sentence referring back ("in this
context") inherits the frames of the paragraph's last framed sentence, and a reference
to a document's event ("the sides", "the exercise") the frames of its title and lead;
agreement with hand coding is precision, recall, F1, Cohen's kappa and Krippendorff's
alpha (cluster bootstrap intervals with Jeffreys pseudo-counts, texts resampled in a set
of ten or more, else paragraphs within each text, no narrower
than an analytic interval: for precision and recall Wilson's at the effective sample
size, :mod:`discourse.clustered_ci`); shares, year differences and co-occurrence have
cluster bootstrap intervals (blocks of consecutive paragraphs resampled within
documents: adjacent paragraphs share their frames) no narrower than
Wilson's interval at the effective sample size (shares, co-occurrence) or Newcombe's
from those (differences), with Wilson, Newcombe and Fisher for independent sentences
beside them.
"""

from discourse.framing.agreement import intercoder_disagreements, intercoder_reliability
from discourse.framing.case_effect import letter_case_effect
from discourse.framing.coder import SentenceCode, code_sentences, explain, iter_codes, tokens
from discourse.framing.cooccurrence import cooccurrence
from discourse.framing.correction import (coder_accuracy, corrected_shares,
                                          prediction_powered_shares, rogan_gladen)
from discourse.framing.evaluation import (ceiling, code_registered, code_set, coder_pairs,
                                          generalisation, intercoder, lexicon_developed_on,
                                          load_set, load_sets)
from discourse.framing.inputs import FramingInputError, code_file, read_input
from discourse.framing.instruments import instrument_comparison, transfer
from discourse.framing.letter_case import LetterCaseWarning, single_case, warn_if_single_case
from discourse.framing.organisation import OrganisationWarning, warn_if_other_organisation
from discourse.framing.lexicon import FRAMES, LEXICON_FILE, Lexicon, LexiconError, load_lexicon
from discourse.framing.probes import load_probe, load_probes, probe_agreement, probe_overview
from discourse.framing.sampling import draw_sample, sample_sheet
from discourse.framing.shares import (add_word_counts, frame_differences, frame_shares,
                                      frames_by_role, newcombe_interval, sensitivity,
                                      trajectory, wilson_interval, word_counts)
from discourse.framing.sheets import SheetError, fill_sheet, read_sheet, validate_sheet
from discourse.framing.suggest import suggest_terms
from discourse.framing.validation import (binary_agreement, confusion, disagreements,
                                          is_corpus_validation, load_validation, validate,
                                          validate_annotations)
from discourse.text import TOKEN_PATTERN

__all__ = [
    "FRAMES",
    "LEXICON_FILE",
    "TOKEN_PATTERN",
    "LexiconError",
    "FramingInputError",
    "LetterCaseWarning",
    "OrganisationWarning",
    "warn_if_other_organisation",
    "single_case",
    "warn_if_single_case",
    "letter_case_effect",
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
    "lexicon_developed_on",
    "prediction_powered_shares",
    "SheetError",
    "sample_sheet",
    "draw_sample",
    "read_sheet",
    "fill_sheet",
    "validate_sheet",
    "load_validation",
    "is_corpus_validation",
    "validate_annotations",
    "load_sets",
    "load_set",
    "code_set",
    "code_registered",
    "generalisation",
    "coder_pairs",
    "intercoder",
    "ceiling",
    "load_probes",
    "load_probe",
    "probe_agreement",
    "probe_overview",
    "instrument_comparison",
    "transfer",
    "suggest_terms",
]
