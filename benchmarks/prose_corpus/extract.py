# Extract English prose paragraphs from installed Debian documentation packages.
# Output: /tmp/bigprose/paras.tsv  (source \t paragraph), exact-duplicate paragraphs dropped.
# Packages (apt-get install --no-install-recommends): linux-doc python3-doc perl-doc git-doc
#   fortunes fortunes-min debian-handbook debian-reference-en gnu-standards debian-history
#   postgresql-doc-15 python-django-doc gnucash-docs
import glob, gzip, html, os, re, sys
from collections import Counter

OUT = "/tmp/bigprose/paras.tsv"
FUNC = set("the of and to a in is that it for be this with as are on not or you by an can "
           "was were which from at if but have has will would should may all their they we".split())
CODEY = re.compile(r"[_(){}=/\\<>\[\]#$@|*~^`;]")


def read(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            data = fh.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    return data.decode("utf-8", "replace")


URL = re.compile(r"(https?|ftp)://\S+|www\.\S+")


def inline_rst(t):
    t = re.sub(r":[a-zA-Z:+-]+:`([^`<]*?)\s*<[^`>]*>`", r"\1", t)     # :ref:`text <target>`
    t = re.sub(r":[a-zA-Z:+-]+:`~?([^`]*)`", r"\1", t)                  # :func:`x`
    t = re.sub(r"`([^`<]+?)\s*<[^`>]*>`__?", r"\1", t)                   # `text <url>`_
    t = re.sub(r"``([^`]*)``", r"\1", t)
    t = re.sub(r"`([^`]*)`_{0,2}", r"\1", t)
    t = re.sub(r"\*\*([^*]+)\*\*", r"\1", t)
    t = re.sub(r"(?<!\w)\*([^*\s][^*]*)\*", r"\1", t)
    t = re.sub(r"\[#?\w*\]_", "", t)
    t = re.sub(r"\|(\w[\w -]*)\|", r"\1", t)
    return t


def inline_pod(t):
    for _ in range(3):
        t = re.sub(r"L<([^|<>]*)\|[^<>]*>", r"\1", t)
        t = re.sub(r"[A-Z]<<+\s+(.*?)\s+>>+", r"\1", t)
        t = re.sub(r"[A-Z]<([^<>]*)>", r"\1", t)
    return t


def inline_adoc(t):
    t = re.sub(r"linkgit:([\w-]+)\[\d\]", r"\1", t)
    t = re.sub(r"<<[^,>]*,([^>]*)>>", r"\1", t)
    t = re.sub(r"`([^`]*)`", r"\1", t)
    t = re.sub(r"(?<!\w)'([^'\n]+)'(?!\w)", r"\1", t)
    t = re.sub(r"\{[a-z-]+\}", "", t)
    return t


def norm(t):
    t = URL.sub("", t)
    return re.sub(r"\s+", " ", t).strip()


def is_prose(p):
    words = p.split()
    if len(words) < 8 or p[0] in "-+*|>":
        return False
    if p[-1] not in '.!?"\')\u201d':
        return False
    nonspace = len(p) - p.count(" ")
    letters = sum(c.isalpha() for c in p)
    if letters < 0.78 * nonspace:
        return False
    if sum(ord(c) > 127 for c in p) > 0.03 * len(p):
        return False
    lw = [w.strip('.,;:!?"\'()').lower() for w in words]
    if sum(w in FUNC for w in lw) < 0.12 * len(words):
        return False
    if sum(bool(CODEY.search(w)) for w in words) > 0.08 * len(words):
        return False
    return True


def blocks(text):
    return re.split(r"\n[ \t]*\n", text.replace("\r", ""))


def from_rst(text):
    literal = False
    for b in blocks(text):
        if not b.strip():
            continue
        indented = b[:1] in (" ", "\t")
        if literal and indented:
            continue
        literal = b.rstrip().endswith("::")
        lines = [l for l in b.split("\n") if l.strip()]
        if lines[0].lstrip().startswith(("..", ":", "+-", "==", "--", "|", ">>>", "$ ", "#")):
            continue
        if len(lines) >= 2 and re.fullmatch(r"\s*[=\-~^\"'`#*+.]{3,}\s*", lines[-1]):
            continue
        lines = [re.sub(r"^\s*([-*+]|\d+\.|#\.)\s+", "", l) for l in lines]
        p = norm(inline_rst(" ".join(lines)))
        if p.endswith("::"):
            p = p[:-1]
        yield p


def from_pod(text):
    for b in blocks(text):
        if not b.strip() or b[:1] in (" ", "\t", "="):
            continue
        yield norm(inline_pod(b))


def from_adoc(text):
    inblock = False
    for b in blocks(text):
        lines = [l for l in b.split("\n") if l.strip()]
        if not lines:
            continue
        n = sum(bool(re.fullmatch(r"(-{4,}|\.{4,}|={4,}|\+{4,}|\|={3,})", l.strip())) for l in lines)
        if n % 2 == 1:
            inblock = not inblock
            continue
        if inblock or n or b[:1] in (" ", "\t"):
            continue
        lines = [l for l in lines if not re.match(r"\s*(\[.*\]|:\w[\w-]*:|[a-zA-Z].*::\s*$|//)", l)]
        lines = [re.sub(r"^\s*([-*+]|\d+\.)\s+", "", l) for l in lines]
        yield norm(inline_adoc(" ".join(lines)))


TAG_P = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
TAG_PARA = re.compile(r"<para\b[^>]*>(.*?)</para>", re.S)


def from_html(text, pat=TAG_P):
    text = re.sub(r"<pre\b.*?</pre>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<(table|script|style|screen|programlisting)\b.*?</\1>", " ", text, flags=re.S | re.I)
    for m in pat.finditer(text):
        inner = m.group(1)
        if re.search(r"<(p|para|itemizedlist|orderedlist)\b", inner):  # nested block: skip the outer
            continue
        yield norm(html.unescape(re.sub(r"<[^>]+>", "", inner)))


def from_fortune(text):
    for b in re.split(r"\n%\n", text):
        lines = [l.strip() for l in b.split("\n") if l.strip()]
        lines = [l for l in lines if not re.match(r"^(--|-- |\u2014)", l)]
        yield norm(" ".join(lines))


TAG_DIVPARA = re.compile(r'<div class="para"[^>]*>(.*?)</div>', re.S)
TAG_XHP = re.compile(r'<paragraph\b[^>]*role="paragraph"[^>]*>(.*?)</paragraph>', re.S)


def from_pod_in_pm(text):
    for m in re.finditer(r"^=(?:head|pod|over|item|begin|encoding|for)\b.*?(?:^=cut\b|\Z)", text, re.S | re.M):
        yield from from_pod(m.group(0))


MAN_ESC = [(r"\\f(\[[^\]]*\]|\(..|.)", ""), (r"\\\(em|\\\[em\]", "--"), (r"\\\(en", "-"), (r"\\\((aq|cq)", "'"),
           (r"\\\((lq|rq|dq)", '"'), (r"\\-", "-"), (r"\\&", ""), (r"\\e", "\\\\"), (r"\\[ ~]", " "),
           (r"\\\(..", ""), (r"\\\[[^\]]*\]", ""), (r"\\[*n]\(?..", ""), (r"\\s[-+]?\d", ""), (r"\\[|^%:c]", "")]
MAN_ESC = [(re.compile(a), b) for a, b in MAN_ESC]


def from_man(text):
    para, nofill = [], False
    for line in text.split("\n"):
        if line.startswith((".nf", ".EX", ".Vb", ".ft C", ".TS", ".EQ")):
            nofill = True
        if line.startswith((".fi", ".EE", ".Ve", ".ft R", ".ft P", ".TE", ".EN")):
            nofill = False
            continue
        if nofill:
            continue
        if line.startswith((".", "'")):
            m = re.match(r"[.'](B|I|BR|IR|RB|RI|BI|IB|SM|SB)\s+(.*)", line)
            if m:
                para.append(m.group(2).replace('"', ""))
            else:
                if para:
                    yield " ".join(para)
                para = []
            continue
        if not line.strip():
            if para:
                yield " ".join(para)
            para = []
            continue
        para.append(line)
    if para:
        yield " ".join(para)


def man_clean(gen):
    for p in gen:
        for a, b in MAN_ESC:
            p = a.sub(b, p)
        yield norm(p)


def sources():
    L = "/usr/share/doc/linux-doc-6.1/Documentation"
    yield "linux-doc", from_rst, sorted(f for f in glob.glob(L + "/**/*.gz", recursive=True)
                                        if "/translations/" not in f and "/ABI/" not in f)
    yield "python3-doc", from_rst, sorted(glob.glob("/usr/share/doc/python3.11/html/_sources/**/*.txt", recursive=True))
    yield "perl-doc", from_pod, sorted(glob.glob("/usr/share/perl/5.36.0/pod/*.pod"))
    yield "git-doc", from_adoc, sorted(glob.glob("/usr/share/doc/git-doc/**/*.txt", recursive=True))
    yield "fortunes", from_fortune, sorted(f for f in glob.glob("/usr/share/games/fortunes/*")
                                           if "." not in os.path.basename(f) and os.path.isfile(f)
                                           and "art" not in os.path.basename(f))
    yield "debian-handbook", lambda t: from_html(t, TAG_DIVPARA), sorted(glob.glob("/usr/share/doc/debian-handbook/html/en-US/*.html"))
    yield "debian-reference", from_html, sorted(glob.glob("/usr/share/debian-reference/*.en.html"))
    yield "gnu-standards", from_html, sorted(glob.glob("/usr/share/doc/gnu-standards/*.html"))
    yield "debian-history", from_html, sorted(glob.glob("/usr/share/doc/debian-history/docs/*.en.html"))
    yield "postgresql-doc", from_html, sorted(glob.glob("/usr/share/doc/postgresql-doc-15/html/*.html"))
    yield "django-doc", from_html, sorted(f for f in glob.glob("/usr/share/doc/python-django-doc/html/**/*.html", recursive=True)
                                          if "/_modules/" not in f)
    yield "gnucash-docs", lambda t: from_html(t, TAG_PARA), sorted(glob.glob("/usr/share/help/C/gnucash-*/*.xml"))


def sources2():
    yield from sources()
    yield "fortune-anarchism", from_fortune, ["/usr/share/games/fortunes/anarchism"]
    yield "rust-doc", from_html, sorted(f for d in ("book", "edition-guide", "nomicon", "reference", "rust-by-example",
                                                    "rustc", "embedded-book", "rustdoc", "unstable-book")
                                        for f in glob.glob(f"/usr/share/doc/rust-doc/html/{d}/**/*.html", recursive=True)
                                        if "/2018-edition/" not in f and "print.html" not in f)
    yield "golang-doc", from_html, sorted(glob.glob("/usr/share/doc/golang-1.19-doc/html/**/*.html", recursive=True))
    yield "gimp-help", from_html, sorted(glob.glob("/usr/share/gimp/2.0/help/en/**/*.html", recursive=True))
    yield "libreoffice-help", from_html, sorted(glob.glob("/usr/share/libreoffice/help/en-US/**/*.html", recursive=True))
    yield "lilypond-doc", from_html, sorted(f for f in glob.glob("/usr/share/doc/lilypond/html/Documentation/**/*.html", recursive=True)
                                            if not re.search(r"\.[a-z]{2}\.html$", f))
    yield "gnome-help", from_html, sorted(glob.glob("/usr/share/help/C/gnome-help/*.page") + glob.glob("/usr/share/help/C/system-admin-guide/*.page"))
    yield "debian-policy", from_rst, sorted(glob.glob("/usr/share/doc/debian-policy/policy.html/_sources/*.txt"))
    yield "developers-reference", from_rst, sorted(glob.glob("/usr/share/developers-reference/_sources/*.txt"))
    yield "sphinx-doc", from_rst, sorted(glob.glob("/usr/share/doc/sphinx-doc/html/_sources/**/*.txt", recursive=True))
    yield "maint-guide", from_html, sorted(glob.glob("/usr/share/doc/maint-guide/html/*.en.html"))
    yield "harden-doc", from_html, sorted(glob.glob("/usr/share/doc/harden-doc/html/en-US/*.html"))
    yield "debian-faq", from_html, sorted(glob.glob("/usr/share/doc/debian/FAQ/*.en.html"))
    yield "r-doc", from_html, sorted(glob.glob("/usr/share/doc/r-doc-html/manual/*.html"))
    yield "man-pages", lambda t: man_clean(from_man(t)), sorted(glob.glob("/usr/share/man/man[1-8]/*.gz"))
    yield "perl-modules-pod", from_pod_in_pm, sorted(glob.glob("/usr/share/perl/5.36.0/**/*.p[mo]*", recursive=True))


TAG_BLOCK = re.compile(r'<div class="block">(.*?)</div>', re.S)


def from_javadoc(text):
    for m in TAG_BLOCK.finditer(text):
        for piece in re.split(r"</?p\b[^>]*>", m.group(1)):
            yield norm(html.unescape(re.sub(r"<[^>]+>", "", piece)))


def sources3():
    yield from sources2()
    yield "openjdk-17-doc", from_javadoc, sorted(glob.glob("/usr/share/doc/openjdk-17-jre-headless/api/**/*.html", recursive=True))
    yield "erlang-doc", from_html, sorted(glob.glob("/usr/share/doc/erlang-doc/**/*.html", recursive=True))
    yield "pandas-doc", from_html, sorted(glob.glob("/usr/share/doc/python-pandas-doc/html/**/*.html", recursive=True))
    yield "rust-std-doc", from_html, sorted(f for d in ("std", "alloc", "core", "proc_macro", "test")
                                            for f in glob.glob(f"/usr/share/doc/rust-doc/html/{d}/**/*.html", recursive=True)
                                            if "/arch/" not in f)


def main():
    seen = set()
    stats = Counter()
    with open(OUT, "w", encoding="utf-8") as out:
        for name, fn, files in sources3():
            for f in files:
                try:
                    text = read(f)
                except Exception:
                    continue
                for p in fn(text):
                    stats[name, "cand"] += 1
                    if not p or not is_prose(p):
                        continue
                    if p in seen:
                        stats[name, "dup"] += 1
                        continue
                    seen.add(p)
                    stats[name, "paras"] += 1
                    stats[name, "words"] += len(p.split())
                    out.write(f"{name}\t{p}\n")
            print(name, len(files), "files", stats[name, "paras"], "paras", stats[name, "words"], "words",
                  stats[name, "dup"], "dups dropped", file=sys.stderr, flush=True)
    print("total words", sum(v for (n, k), v in stats.items() if k == "words"), file=sys.stderr)


if __name__ == "__main__":
    main()
