"""A student's name in lists: reading order for display, surname first for sorting."""

from __future__ import annotations

from app.services.common.names import full_name, sort_name


def test_full_name_leaves_out_a_missing_prefix() -> None:
    assert full_name("Anna", "van den", "Berg") == "Anna van den Berg"
    assert full_name("Ismaël", None, "Assati") == "Ismaël Assati"
    assert full_name("Ismaël", "", "Assati") == "Ismaël Assati"


def test_sort_name_sorts_on_the_surname_without_its_prefix() -> None:
    names = [("Anna", "van den", "Berg"), ("Bram", None, "Bakker"), ("Cas", "de", "Wit")]
    ordered = sorted(names, key=lambda parts: sort_name(*parts))
    assert [surname for _first, _prefix, surname in ordered] == ["Bakker", "Berg", "Wit"]
    assert sort_name("Anna", "van den", "Berg") == "berg, anna van den"
    assert sort_name("Bram", None, "Bakker") == "bakker, bram"


def test_sort_name_puts_a_letter_with_an_accent_among_its_own_letter() -> None:
    names = [("Zoë", None, "Öztürk"), ("Anna", None, "Zwart"), ("Bram", None, "Ommen")]
    ordered = sorted(names, key=lambda parts: sort_name(*parts))
    assert [surname for _first, _prefix, surname in ordered] == ["Ommen", "Öztürk", "Zwart"]
    assert sort_name("Zoë", None, "Öztürk") == "ozturk, zoe"
    assert sort_name("Ismaël", "el", "Çelik") == "celik, ismael el"
