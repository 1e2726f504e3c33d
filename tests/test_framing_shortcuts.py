"""The frame coder's shortcuts give what the full path gives, on every development
sentence and on edge cases: the per-token first steps looked up in one pass and the
later steps memoised with their anchored entries apart, the reference rules left out
where nothing resolves them, the SCO-body rule skipped where no head is named, states
looked for only at the lengths of their forms, text that is ASCII but for no-break
spaces split without normalising, the evidence of one frame built at once."""

from __future__ import annotations

import itertools
import re

import pytest

from discourse import framing
from discourse.framing import evaluation
from discourse.framing.bodies import sco_body_spans
from discourse.framing.lexicon import FRAMES
from discourse.framing.matcher import Caches, KeyCache, Wildcards, find_matches, trie_step
from discourse.framing.rules import analyse
from discourse.framing.stream import SentenceCode, _evidence_string
from discourse.text import TokenMemo, fast_tokens, hyphen_parts, lemma

EDGE = ["", "?", "SCO", "the SCO Energy Club met", "the SCO Energy Ministers met",
        "SCO Energy Club Meets On Trade", "In this context , the sides agreed .",
        "The SCO Secretariat and CICA Secretariat met the Ambassador of Belarus .",
        "Terrorism , a threat , and trade , an engine , were discussed .",
        "counter-terrorism anti-drug SCO-ASEAN UN WHO un who",
        "the Shanghai Cooperation Organisation , the Shanghai Cooperation Organization and"
        " the Shanghai Cooperation",
        "India Pakistan the Lao PDR Lao Islamic Republic of Iran Iran", "Lao"]
#: No-break spaces beside other white space, accents and typographic characters.
NBSP = ["SCO\xa0Secretary-General met\xa0the Ambassador of\xa0Belarus.", "\xa0", "a\xa0\xa0b",
        "\xa0\u0301x", "Cafe\u0301\xa0in Gene\u0300ve", "the SCO\u2019s\xa0anti\u2011drug",
        "x\xa0\u2000y\u3000z", "\xa0SCO\xa0", "plain ASCII only"]


@pytest.fixture(scope="module")
def dev_texts(real_sentences, multi_sentences):
    texts = [*real_sentences.text, *multi_sentences.text]
    for name in ("frames_heldout.csv", "frames_dev.csv", "sco_style/frames_dev.csv"):
        texts += evaluation.load_set(name)["text"].tolist()
    return texts


@pytest.fixture(scope="module")
def dev_tokens(dev_texts):
    return [framing.tokens(t) for t in dev_texts] + [t.split() for t in EDGE]


def _walk_every_token(toks, cache):
    """find_matches as it was before the first steps were looked up in one pass: each
    token's first step from ``cache.first`` in turn (its walk is the same)."""
    for t in set(toks) - cache.seen:
        cache[t]
    saved = cache.head
    cache.head = {t: cache.first.get(t) for t in toks}
    try:
        return find_matches(toks, cache)
    finally:
        cache.head = saved


def _plain_walk(toks, cache):
    """Every entry found by walking the trie from every token, one unmemoised step at a
    time, anchored entries kept where their leading words precede them (sorted)."""
    out = []
    for i in range(len(toks)):
        nodes = (cache.trie,)
        for j in range(i, len(toks)):
            got = trie_step(nodes, cache[toks[j]])
            if got is None:
                break
            ends, nodes = got
            for e in ends:
                p = cache.prefixes.get(e, ())
                s = i - len(p)
                if s >= 0 and all(k in cache[toks[s + q]] for q, k in enumerate(p)):
                    out.append((s, j + 1, e))
            if not nodes:
                break
    return sorted(out)


@pytest.mark.slow
def test_matches_equal_the_plain_walk(frame_lexicon, dev_tokens):
    fast, plain = KeyCache(frame_lexicon), KeyCache(frame_lexicon)
    for _ in range(2):                      # the second pass on the memoised steps
        for toks in dev_tokens:
            found = find_matches(toks, fast)
            assert found == sorted(found, key=lambda m: (m[0], m[1])), toks
            assert sorted(found) == _plain_walk(toks, plain), toks


@pytest.mark.slow
def test_states_found_at_the_lengths_of_their_forms(frame_lexicon, dev_tokens):
    st = frame_lexicon.states

    def every_length(toks):                 # each length up to the longest form
        out, after = [], 0
        for i, t in enumerate(toks):
            if t not in st.firsts or i < after:
                continue
            for m in range(min(st.longest, len(toks) - i), 0, -1):
                got = st.forms.get(tuple(toks[i:i + m]))
                if got is not None:
                    after = i + m
                    water = (i >= 2 and toks[i - 1] == "of"
                             and toks[i - 2] in ("Sea", "Gulf", "Strait", "Straits", "Bay")) \
                        or (i + m < len(toks) and toks[i + m] == "Sea")
                    money = i + m < len(toks) and toks[i + m].lower() in (
                        "dollar", "dollars", "$")
                    if not (water or money):
                        out.append((i, i + m, *got))
                    break
        for j, t in enumerate(toks):        # the parts of a hyphenated token, each tried
            if any(lo <= j < hi for lo, hi, _, _ in out):
                continue
            parts = [st.forms.get((p,)) for p in re.split("[-\u2010\u2011]", t) if p] \
                if len(re.split("[-\u2010\u2011]", t)) > 1 else []
            out += [(j, j + 1, *g) for g in dict.fromkeys(g for g in parts if g)]
        return sorted(out, key=lambda x: x[:2])

    assert sum(bool(st.find(toks)) for toks in dev_tokens) > 100
    for toks in dev_tokens + [t.split() for t in EDGE]:
        # the token list scanned, or a set of it given: the same mentions
        assert st.find(toks) == st.find(toks, set(toks)) == every_length(toks), toks


def test_no_break_spaces_split_as_white_space(dev_texts):
    memo = TokenMemo()
    assert sum("\xa0" in t for t in dev_texts) > 100
    for text in [*dev_texts, *NBSP]:
        assert fast_tokens(text, memo) == fast_tokens(text), text


@pytest.mark.slow
def test_first_steps_of_every_token(frame_lexicon, dev_tokens):
    by_head, by_key = KeyCache(frame_lexicon), KeyCache(frame_lexicon)
    for toks in dev_tokens:
        for t in toks:
            assert by_head.head[t] == by_head.first.get(t)   # looked up through head
            by_key[t]                                       # looked up through the keys
            assert by_key.head[t] == by_key.first.get(t) == by_head.head[t]
        assert find_matches(toks, by_head) == _walk_every_token(toks, by_key)
    assert by_head.seen == by_key.seen == set(by_head.head) == set(by_key) \
        and set(by_head.first) == {t for t, h in by_head.head.items() if h is not None}


def test_entry_tables(frame_lexicon):
    main = Caches(frame_lexicon).main
    for i, e in enumerate(frame_lexicon.entries):
        content = main.is_content[i]
        assert main.frame_index[i] == (FRAMES.index(e.frame) if content and e.frame else None)
        assert main.has_frame[i] == (content and e.frame is not None)
        assert main.is_name[i] == (e.section == "name")
        assert main.after_determiner[i] == (e.section == "context_noun")
        for ctx, ref in itertools.product((False, True), repeat=2):
            wanted = {"context": ctx, "context_noun": ctx, "event_ref": ref}
            assert main.is_rule[ctx, ref][i] == (not content and wanted.get(e.section, True))


@pytest.mark.parametrize("step", [
    18, pytest.param(1, marks=pytest.mark.slow)])
def test_references_left_out_change_no_analysis(frame_lexicon, dev_tokens, step):
    """Reference rules that nothing resolves, and context nouns without a determiner
    before them, are left out before the span rules; the analysis is that of all rule
    matches, for every combination of what is looked for (on every 18th development
    sentence in the fast layer, on all in the slow one)."""
    lex = frame_lexicon
    short, full = Caches(lex), Caches(lex)
    every = tuple(not c for c in full.main.is_content)
    full.main.is_rule = {k: every for k in full.main.is_rule}
    full.main.after_determiner = (False,) * len(every)      # _apply_rules tests them
    for toks in dev_tokens[::step] + dev_tokens[-len(EDGE):]:
        for events, refs, context in itertools.product((False, True), repeat=3):
            for date in (None, "2019"):
                kw = dict(events=events, refs=refs, context=context)
                assert analyse(lex, toks, short, date, **kw) == \
                    analyse(lex, toks, full, date, **kw), (toks, kw, date)


def test_sco_body_names_need_a_head(frame_lexicon, dev_tokens):
    s = frame_lexicon.settings
    prefixes, heads = s["body_prefixes"], s["body_heads"]
    found = 0
    for toks in dev_tokens:
        spans = sco_body_spans(toks, prefixes, heads)
        found += bool(spans)
        if heads.isdisjoint(toks):
            assert spans == [], toks
    assert found            # the development sentences name SCO bodies


def test_evidence_string_of_one_frame_built_at_once():
    def general(labels, notes, inherited):
        parts = [f"{f}: " + ", ".join(x) for f, x in zip(FRAMES, labels) if x]
        parts += inherited
        if notes:
            parts.append("not counted: " + "; ".join(notes))
        return " | ".join(parts)

    one = [[], ["terrorism"], ["trade", "SCO (name)"]]
    for labels in itertools.product(one, repeat=3):
        for notes in ([], ["economy 'trade' in list 'x'", "security 'war' backdrop"]):
            for inherited in ([], ["context: security from s1 via 'in this context'"]):
                assert _evidence_string(labels, notes, inherited) == \
                    general(labels, notes, inherited)


def test_codes_are_sentence_codes(lex):
    got = list(framing.iter_codes([("a", "Terrorism is a threat.", 1), ("b", "", 1)], lex))
    assert [type(c) for c in got] == [SentenceCode, SentenceCode]
    assert got == [SentenceCode("a", 1, 0, 0, "security: Terrorism, threat"),
                   SentenceCode("b", 0, 0, 0, "")]
    assert got[0].evidence == "security: Terrorism, threat" and got[1].security == 0


def _appositions_before(toks):
    """apposition_spans as it was: the commas found by ``index`` until it fails (with the
    later test of a clause, ``blocking._clause``, the same in both)."""
    from discourse.framing import blocking as b

    out, n, c = [], len(toks), 0
    while True:
        try:
            c = toks.index(",", c + 1)
        except ValueError:
            break
        if c >= n - 1 or not toks[c - 1][:1].isupper():
            continue
        nxt = toks[c + 1].lower()
        if nxt in ("a", "an", "one") or (nxt == "the" and c + 2 < n
                                         and toks[c + 2][:1].islower()):
            end = c + 1
            while end < n and toks[end] not in b._CLOSE:
                end += 1
            if end < n and toks[end] == "," and end - c - 1 <= b._APPOSITION_MAX:
                if not b._clause(toks, c + 1, end):      # (a clause is no description)
                    out.append((c + 1, end))
            elif nxt != "the" and (end == n or toks[end] == ".") and any(
                    toks[k] in b._RELATIVE and toks[k - 1].isalpha()
                    and toks[k - 1].lower() not in b._NOT_NOUN
                    for k in range(c + 3, min(c + 3 + b._RELATIVE_NEAR, end))):
                out.append((c + 1, end))
    return out


def test_appositions_visit_the_same_commas(dev_tokens):
    import random

    from discourse.framing.blocking import apposition_spans

    rng = random.Random(20261203)
    words = [",", ",", "a", "the", "One", "China", "city", "that", ".", "An", "of", "Big"]
    edge = [[rng.choice(words) for _ in range(rng.randrange(12))] for _ in range(20000)]
    assert sum(bool(apposition_spans(t)) for t in dev_tokens) > 10
    for toks in [*dev_tokens, *edge, [","], [",", ","], [",", "China", ",", "a", "x", ","]]:
        assert apposition_spans(toks) == _appositions_before(toks), toks


class _Everything(set):
    """A set that meets every token list (no sentence skipped)."""

    def isdisjoint(self, other):
        return False


@pytest.mark.parametrize("every", [16, pytest.param(1, marks=pytest.mark.slow)])
def test_state_tokens_tell_which_sentences_find_skips(frame_lexicon, dev_tokens, every):
    """The main cache marks the tokens that can name a state; analyse calls
    ``States.find`` only for a sentence with one, and the analysis is that of calling
    it for every sentence (find's own early exit), for every switch and date (every
    sixteenth sentence in the fast layer, every one in the slow)."""
    lex, st = frame_lexicon, frame_lexicon.states
    short, full = Caches(lex), Caches(lex)
    full.main.state_tokens = _Everything()       # find() called for every sentence
    skipped = 0
    dev_tokens = dev_tokens[::every]
    for toks in dev_tokens:
        find_matches(toks, short.main)
        if short.main.state_tokens.isdisjoint(toks):
            skipped += 1
            assert st.find(toks) == [], toks
        for events, refs, context in itertools.product((False, True), repeat=3):
            for date in (None, "2019"):
                kw = dict(events=events, refs=refs, context=context)
                assert analyse(lex, toks, short, date, **kw) == \
                    analyse(lex, toks, full, date, **kw), (toks, kw, date)
    assert 0 < skipped < len(dev_tokens)
    marked = {t for t in short.main.seen if t in st.firsts or st.parts(t)}
    assert short.main.state_tokens == marked and marked


def test_settings_read_from_the_cache_copy(frame_lexicon, dev_tokens):
    """The rules read the cache's plain copy of the settings; a lexicon other than the
    cache's is read directly, with the same analysis."""
    import dataclasses

    lex = frame_lexicon
    caches = Caches(lex)
    assert caches.main.settings == dict(lex.settings)
    # the rules read the lexicon's entries and states from the cache (slots, no __dict__)
    assert caches.main.entries is lex.entries and caches.main.states is lex.states
    assert not hasattr(caches.main, "__dict__") and not hasattr(caches.main.head, "__dict__")
    other = dataclasses.replace(lex)     # equal, but not the cache's lexicon
    assert other is not lex and caches.main.lex is lex
    for toks in dev_tokens[::7]:
        for context in (False, True):
            assert analyse(lex, toks, caches, context=context, events=True) == \
                analyse(other, toks, caches, context=context, events=True), toks


@pytest.mark.slow
def test_printed_memo_gives_the_unmemoised_text(dev_tokens):
    from discourse import text

    plain = text._printed.__wrapped__
    spans = [toks[i:i + k] for toks in dev_tokens[::3] for k in (1, 2, 3, 5)
             for i in range(0, max(len(toks) - k, 0) + 1, 2)]
    spans += [["U", ".", "S", "."], ["world", "\u2019s"], ["(", "UN", ")"], []]
    for _ in range(2):                   # computed, then from the memo
        for toks in spans:
            assert text.printed(toks) == plain(" ".join(toks)), toks


def _every_key(cache, token):
    """A token's keys as they were computed before the shortcuts: every key of each form
    built, every wildcard pattern tried, then those the trie's vocabulary holds."""
    lex = cache.lex
    keys = set()
    for form in [token, *hyphen_parts(token)]:
        low = form.lower().replace("\u2019", "'")
        lem = lemma(low, lex.lemma_overrides) if low[:1].isalpha() else low
        keys.update((lex.spelling.get(lem, lem), lem, low, "=" + low, "^" + form))
        keys.update(key for key, rx in cache.patterns if rx.match(low))
    return tuple(sorted(keys & cache.vocabulary))


#: Words of the wildcard patterns' shapes: leading, inner and final parts, hyphens, case.
WILD = ["economically", "Socio-Economic", "counter-terrorism", "anti-drug", "anti-drugs",
        "drug-trafficking", "agro-industrial", "Businesses", "business", "busines", "agro",
        "transport", "Transportation", "UN", "un", "WHO", "who", "world\u2019s", "e",
        "terror", "-drug", "Multilateralism", "non-economic", "xeconomx", "'s", "3,800"]


@pytest.mark.slow
def test_token_keys_equal_every_key_tried(frame_lexicon, dev_tokens):
    """A token's keys are tested one by one against the vocabulary and its wildcard
    patterns only where they may match: the keys of building and trying every one."""
    caches = Caches(frame_lexicon)
    parts = [caches.main, *(getattr(caches, p) for p in frame_lexicon.parts)]
    tokens = sorted({t for toks in dev_tokens for t in toks} | set(WILD))
    words = sorted({k.strip("*=^").replace("*", "x") for k in frame_lexicon.vocabulary})
    assert len(tokens) > 4000
    for cache in parts:
        for t in tokens + words + [w.upper() for w in words] + [w.title() for w in words]:
            assert cache[t] == _every_key(cache, t), t
    assert sum(any(k.startswith("*") for k in caches.main[t]) for t in tokens) > 100


def test_wildcards_try_the_patterns_that_may_match(frame_lexicon, dev_tokens):
    """Wildcards gives the keys of trying every pattern, for the lexicon's patterns and
    for patterns of every shape (leading, inner, final parts, "?", "[...]", only "*")."""
    import fnmatch

    shapes = ["*ab*", "**ab", "**ab*", "*a*b*", "*ab*cd", "**x*yz*", "*a?c*", "**[bc]d*",
              "*[*", "***", "*abc", "*ab", "*a", "*]x*"]
    sets = [frame_lexicon.patterns, tuple((k, re.compile(fnmatch.translate(k[1:])))
                                          for k in shapes)]
    words = sorted({t.lower() for toks in dev_tokens for t in toks} | {w.lower() for w in WILD})
    words += ["ab", "abx", "xab", "xabx", "acbd", "abcd", "xabcd", "abc", "a", "", "bd",
              "xbd", "xyz", "axc", "ac", "[", "x[", "]x", "x", "a]x"]
    for pats in sets:
        wild = Wildcards(pats)
        for w in words:
            assert sorted(wild.keys(w)) == sorted(k for k, rx in pats if rx.match(w)), w
