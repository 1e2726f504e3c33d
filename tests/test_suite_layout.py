"""The test suite's own layout: how ``make test`` splits the tests between worker
processes (``tests/conftest.py``)."""

from __future__ import annotations

import ast

import pytest
from conftest import PIPELINE_USERS, REPO, load_script, work_unit


def test_work_units_keep_the_end_to_end_run_on_one_worker():
    assert work_unit("tests/test_pipeline.py::test_no_network_access") == "pipeline_run"
    assert work_unit("tests/test_repository_runs.py::test_runs_never_touch_the_sources") \
        == "pipeline_run"
    # the other test of that module makes runs of its own, and is a unit of its own
    assert work_unit("tests/test_repository_runs.py::test_a_document_added_as_the_corpus_"
                     "readme_says") == "tests/test_repository_runs.py"
    assert work_unit("tests/test_text.py::test_x[a::b]") == "tests/test_text.py"
    assert work_unit("src/discourse/text.py::discourse.text.tokenize") == \
        "src/discourse/text.py"


def _requests(path, name):
    """Names of the functions of a test module that take ``name`` as an argument."""
    text = path.read_text(encoding="utf-8")
    if name not in text:        # no argument of that name: nothing to parse (most modules)
        return set()
    tree = ast.parse(text)
    return {f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
            and name in {a.arg for a in f.args.args}}


def test_every_module_that_reads_the_end_to_end_run_is_listed():
    # static twin of the check at collection (conftest.pytest_collection_modifyitems),
    # which sees only the tests selected: every test module with a function (test or
    # fixture) taking pipeline_run is listed, whole or by that test
    users = {p.relative_to(REPO).as_posix(): _requests(p, "pipeline_run")
             for p in sorted((REPO / "tests").glob("test_*.py"))}
    users = {k: v for k, v in users.items() if v}
    assert len(users) >= 3
    for module, functions in users.items():
        listed = [u for u in PIPELINE_USERS if u.split("::")[0] == module]
        assert listed, module
        assert module in listed or {u.split("::")[1] for u in listed} >= functions, module


class _Item:
    def __init__(self, nodeid, fixtures=(), slow=False, long=False):
        self.nodeid, self.fixturenames = nodeid, fixtures
        self.markers = ({"slow"} if slow or long else set()) | ({"long"} if long else set())

    def get_closest_marker(self, name):
        return object() if name in self.markers else None


def test_the_run_comes_first_then_modules_with_slow_tests():
    from conftest import pytest_collection_modifyitems

    items = [_Item("tests/test_a.py::t1"), _Item("tests/test_b.py::t1"),
             _Item("tests/test_b.py::t2", slow=True),
             _Item("tests/test_pipeline.py::t", ("pipeline_run",), slow=True),
             _Item("tests/test_a.py::t2"), _Item("tests/test_b.py::t3")]
    pytest_collection_modifyitems(items)
    assert [i.nodeid for i in items] == [
        "tests/test_pipeline.py::t", "tests/test_b.py::t1", "tests/test_b.py::t2",
        "tests/test_b.py::t3", "tests/test_a.py::t1", "tests/test_a.py::t2"]


def test_a_module_with_a_long_test_comes_right_after_the_run():
    from conftest import pytest_collection_modifyitems

    items = [_Item("tests/test_a.py::t1"), _Item("tests/test_b.py::t1", slow=True),
             _Item("tests/test_c.py::t1"), _Item("tests/test_c.py::t2", long=True),
             _Item("tests/test_pipeline.py::t", ("pipeline_run",), slow=True)]
    pytest_collection_modifyitems(items)
    assert [i.nodeid for i in items] == [
        "tests/test_pipeline.py::t", "tests/test_c.py::t1", "tests/test_c.py::t2",
        "tests/test_b.py::t1", "tests/test_a.py::t1"]


def test_every_long_test_is_also_slow():
    # a test marked long but not slow would run in the fast layer: a minute of it
    for path in sorted((REPO / "tests").glob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        if "mark.long" in text:
            tree = ast.parse(text)
            module_slow = "pytestmark = pytest.mark.slow" in text
            for f in ast.walk(tree):
                if isinstance(f, ast.FunctionDef) and any(
                        ast.unparse(d).endswith("mark.long") for d in f.decorator_list):
                    assert module_slow or any(ast.unparse(d).endswith("mark.slow")
                                              for d in f.decorator_list), (path.name, f.name)


def test_the_collection_check_names_an_unlisted_user():
    from conftest import pytest_collection_modifyitems

    unlisted = _Item("tests/test_new.py::test_reads_the_run", ("pipeline_run",))
    with pytest.raises(pytest.UsageError, match="tests/test_new.py::test_reads_the_run"):
        pytest_collection_modifyitems([_Item("tests/test_a.py::t"), unlisted])


def test_a_worker_runs_its_thread_pools_with_one_thread():
    # conftest._one_thread_per_worker: two workers on two cores, not two pools each
    import os

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip("only in a worker process (make test, make test-fast)")
    import importlib

    from threadpoolctl import threadpool_info

    for name in ("numpy", "scipy.linalg", "sklearn.decomposition"):
        importlib.import_module(name)

    pools = threadpool_info()
    assert pools and {p["num_threads"] for p in pools} == {1}, pools


def test_a_test_process_collects_cyclic_garbage_less_often():
    # conftest._fewer_collections: the thresholds hold during the tests
    import gc

    from conftest import GC_THRESHOLD

    assert gc.get_threshold() == GC_THRESHOLD and GC_THRESHOLD[0] > 700


def test_a_passing_run_removes_its_own_temporary_directories(request):
    # pyproject.toml: removing a run's fresh files at its end costs little; the default
    # removed the synced files of a run three runs before, seconds at the end of each run
    assert request.config.getini("tmp_path_retention_policy") == "failed"


def test_the_slowest_tests_script_reads_pytests_durations():
    # benchmarks/slowest_tests.py lists the candidates for the slow marker from
    # pytest's --durations lines: calls only (a setup pays for its module's fixtures)
    script = load_script(REPO / "benchmarks" / "slowest_tests.py")
    out = ("0.05s call     tests/test_a.py::test_quick\n"
           "0.70s setup    tests/test_b.py::test_fixture_heavy\n"
           "0.31s call     tests/test_c.py::test_d[x-1]\n"
           "1.20s call     tests/test_e.py::test_f\n"
           "2349 passed in 50.19s\n")
    assert script.durations(out) == [(1.2, "tests/test_e.py::test_f"),
                                     (0.31, "tests/test_c.py::test_d[x-1]"),
                                     (0.05, "tests/test_a.py::test_quick")]
