import pytest

from raaderum.lib.text import danish_sort_key


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            ["Åben skole", "Ældrepleje", "Ørsted", "Zoo", "Ambulance"],
            ["Ambulance", "Zoo", "Ældrepleje", "Ørsted", "Åben skole"],
        ),
        (["Århus", "aalborg", "Bornholm"], ["Bornholm", "aalborg", "Århus"]),  # aa is å
    ],
)
def test_danish_order(words, expected):
    assert sorted(words, key=danish_sort_key) == expected
