"""Bad input at the core: each file of the table loads with a warning or is refused with
a one-line LoadError naming it."""

from __future__ import annotations

import pytest

from kzdiff.core import LoadError, compare_files
from kzdiff.core.names import display_name

from ..badinput import CASES, IDS, Case, readable, unreadable


@pytest.fixture
def other(tmp_path):
    return readable(tmp_path)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_core(case: Case, tmp_path, other) -> None:
    path = tmp_path / case.name
    case.make(path)
    if case.error:
        with pytest.raises(LoadError) as e:
            compare_files(path, other)
        assert str(e.value).startswith(f"{display_name(path)}: ") and case.error in str(e.value)
        assert "\n" not in str(e.value) and "\x1b" not in str(e.value)
        return
    cmp = compare_files(path, other)
    doc = cmp.left
    assert case.check(doc) is not False, f"{case.name}: {doc.sentences[:3]}"
    if case.warning or case.note:
        said = case.warning or case.note
        assert any(w.startswith(f"{display_name(path)}: ") and said in w for w in doc.warnings)
    else:
        assert doc.warnings == ()
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    covered = sorted(i for p in cmp.pairs for i in p.left)
    assert covered == list(range(len(doc.sentences)))


def test_core_unreadable_file(unprivileged) -> None:
    secret = unreadable(unprivileged.folder)
    with unprivileged(), pytest.raises(LoadError, match=r"secret.txt: permission denied$"):
        compare_files(secret, secret)


def test_core_same_file_on_both_sides(other) -> None:
    cmp = compare_files(other, other)
    assert {p.kind.value for p in cmp.pairs} == {"identical"}
    assert any("the same file" in w for w in cmp.right.warnings)
