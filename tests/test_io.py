"""discourse.io: whole writes, fixed float format, provenance sidecars, reading back."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from discourse import __version__, io, provenance


def test_write_table_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    io.write_table(pd.DataFrame({"a": [1]}), target)
    before = target.read_bytes()

    def boom(self, *a, **k):
        raise KeyboardInterrupt

    def fields(table, chunk=4096):      # the shortcut's rows, interrupted after the header
        yield list(table.columns)
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):      # a table pandas writes (csv_fields: None)
        io.write_table(pd.DataFrame({"a": [2]}, dtype="Int32"), target)
    monkeypatch.setattr(io, "csv_fields", fields)
    with pytest.raises(KeyboardInterrupt):      # one written by the shortcut
        io.write_table(pd.DataFrame({"a": [2]}), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".provenance", "t.csv"]
    assert [p.name for p in (tmp_path / ".provenance").iterdir()] == ["t.csv.json"]


def test_float_format_is_fixed(tmp_path):
    target = io.write_table(pd.DataFrame({"x": [0.1 + 0.2, 1e-9, 12345678.9]}),
                            tmp_path / "f.csv")
    assert target.read_text() == "x\n0.3\n1e-09\n1.23457e+07\n"


def test_sidecar_records_function_parameters_corpus_and_version(tmp_path, tiny_corpus):
    from discourse import corpus

    sentences = corpus.segment(corpus.load_docs(tiny_corpus))
    path = io.write_table(sentences, tmp_path / "s.csv")
    record = json.loads((tmp_path / ".provenance" / "s.csv.json").read_text())
    assert record["table"] == "s.csv" and record["version"] == __version__
    assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record["rows"] == 13 and record["columns"] == list(sentences.columns)
    assert record["function"] == "discourse.segmentation.segment"
    assert record["inputs"]["docs"]["parameters"] == {"corpus": "tiny", "layer": "cleaned"}
    assert record["corpus"] == sentences.attrs["provenance"]["corpus"]
    # a second write of the same table gives the same sidecar, byte for byte
    first = (tmp_path / ".provenance" / "s.csv.json").read_bytes()
    io.write_table(sentences, tmp_path / "s.csv")
    assert (tmp_path / ".provenance" / "s.csv.json").read_bytes() == first


def test_a_table_without_provenance_still_gets_a_sidecar(tmp_path):
    io.write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    record = provenance.read_sidecar(tmp_path / "t.csv")
    assert record["function"] is None and record["version"] == __version__
    io.write_table(pd.DataFrame({"a": [1]}), tmp_path / "u.csv", with_provenance=False)
    assert provenance.read_sidecar(tmp_path / "u.csv") is None


def test_read_table_round_trip(tmp_path):
    table = pd.DataFrame({"id": ["007", "008"], "text": ["NA", ""], "n": [1, 2]})
    provenance.attach(table, "tests.made_by_hand", {"k": 3})
    io.write_table(table, tmp_path / "t.csv")
    back = io.read_table(tmp_path / "t.csv", dtype={"id": str})
    pd.testing.assert_frame_equal(back, table, check_dtype=False)
    assert back.attrs["provenance"]["function"] == "tests.made_by_hand"
    assert back.attrs["provenance"]["parameters"] == {"k": 3}


def test_write_text(tmp_path):
    path = io.write_text("a\r\nb", tmp_path / "sub" / "x.md")
    assert path.read_bytes() == b"a\r\nb"


def test_remove_table_takes_its_sidecar_and_accepts_an_absent_file(tmp_path):
    import pandas as pd

    from discourse import io as dio
    from discourse import provenance

    path = dio.write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    assert provenance.sidecar_path(path).is_file()
    dio.remove_table(path)
    assert not path.exists() and not provenance.sidecar_path(path).exists()
    dio.remove_table(path)                                   # nothing left: no error


def test_file_sha256_is_the_digest_of_the_bytes(tmp_path):
    from discourse import io as dio

    path = tmp_path / "abc.txt"
    path.write_bytes(b"abc")                              # FIPS 180-2's example
    assert dio.file_sha256(path) == ("ba7816bf8f01cfea414140de5dae2223"
                                     "b00361a396177a9cb410ff61f20015ad")


def test_file_sha256_reads_a_large_file_a_buffer_at_a_time(tmp_path):
    """16 MB hashed with at most 2 MB held (read whole, the bytes alone are 16 MB): the
    sidecar of a large table no longer holds the file's bytes beside the table."""
    import hashlib
    import tracemalloc

    from discourse import io as dio

    data = bytes(range(256)) * (1 << 16)                  # 16 MB
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    expected = hashlib.sha256(data).hexdigest()
    del data
    tracemalloc.start()
    try:
        digest = dio.file_sha256(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert digest == expected
    assert peak < 2 * 2**20


def _table(rng, n):
    """A table of every kind of column :func:`discourse.io.csv_fields` writes itself:
    floats of every scale with NaN, inf and -0.0, integers, booleans, nullable integers
    and text with missing values, commas, quotes, line breaks and non-ASCII letters."""
    import numpy as np
    import pandas as pd

    floats = rng.standard_normal(n) * 10.0 ** rng.integers(-320, 300, n)
    floats[rng.random(n) < 0.1] = np.nan
    floats[rng.random(n) < 0.03] = np.inf
    floats[rng.random(n) < 0.03] = -0.0
    words = ["a", "b,c", 'say "x"', "two\nlines", "Jenča", "", " x ", "1.5", "NA"]
    text = [None if rng.random() < 0.1 else words[rng.integers(len(words))]
            for _ in range(n)]
    nullable = pd.array([None if rng.random() < 0.2 else int(x)
                         for x in rng.integers(-5, 10 ** 12, n)], dtype="Int64")
    return pd.DataFrame({
        "f": floats, "g": rng.random(n), "i": rng.integers(-10 ** 15, 10 ** 15, n),
        "b": rng.random(n) < 0.5, "n": nullable, "s": text,
        "t": pd.array(text, dtype="str"), "o": pd.Series(text, dtype=object)})


def test_csv_fields_write_what_pandas_writes(tmp_path):
    # the shortcut of write_table equals pandas's to_csv on varied tables, at chunk
    # boundaries too; any other table is left to pandas
    import numpy as np
    import pandas as pd

    from discourse.io import FLOAT_FORMAT, csv_fields, write_table

    rng = np.random.default_rng(5)
    tables = [_table(rng, n) for n in (1, 2, 7, 300)]
    tables += [t[[c]] for t in tables[:2] for c in t.columns]       # one column each
    for k, table in enumerate(tables):
        assert csv_fields(table) is not None
        out = write_table(table, tmp_path / f"t{k}.csv", with_provenance=False)
        want = table.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
        assert out.read_text(encoding="utf-8") == want
        for chunk in (1, 3):
            again = tmp_path / "chunked.csv"
            with open(again, "w", encoding="utf-8", newline="") as f:
                import csv
                csv.writer(f, lineterminator="\n").writerows(csv_fields(table, chunk))
            assert again.read_text(encoding="utf-8") == want
    others = [pd.DataFrame({"a": [1.5]}, dtype="float32"), pd.DataFrame({0: [1]}),
              pd.DataFrame({"a": pd.to_datetime(["2020-01-01"])}),
              pd.DataFrame({"a": [1, "x"]}, dtype=object), pd.DataFrame({"a": []}),
              pd.DataFrame(), pd.DataFrame({"a": pd.Categorical(["x"])}),
              pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "b"),
                                                                        ("a", "c")]))]
    for k, table in enumerate(others):
        assert csv_fields(table) is None
        out = write_table(table, tmp_path / f"o{k}.csv", with_provenance=False)
        assert out.read_text(encoding="utf-8") == table.to_csv(
            index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
