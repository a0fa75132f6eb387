"""Parent documents in the parents' language: complete language files, fonts that draw every
letter, and a report that holds the translated headings under the Dutch ones."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader

from app.export.bilingual import Bilingual
from app.export.parent_report import render
from app.export.parent_texts import (
    LANGUAGES,
    _file_path,
    language_for,
    load,
    problems,
    read_language_file,
)
from app.export.script_text import missing_characters, visual_line
from app.models import ConsentAnswer, ConsentScope, ConversationType
from app.services.common import labels
from tests.export.test_parent_report import sample

TRANSLATIONS = [code for code in LANGUAGES if code != "nl"]


def _text(data: bytes) -> str:
    """The PDF's text in logical order and with Arabic letters in their base form (NFKC
    folds the joined presentation forms back), spaces evened out."""
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def _report(language: str) -> bytes:
    return render(
        replace(
            sample(),
            language=language,
            kind_code=ConversationType.TRANSITIE_1.value,
            consent_municipality_code=ConsentAnswer.YES.value,
            consent_rmc_code=ConsentAnswer.LATER.value,
        )
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_file_has_each_dutch_key_and_no_stale_one(code: str) -> None:
    assert problems(load(code)) == []


def test_a_missing_a_stale_and_an_unknown_key_are_each_named() -> None:
    raw = _file_path("en").read_text(encoding="utf-8")
    # Drop one key, change the Dutch beside another, add one nl.toml does not have.
    raw = raw.replace('[report.who]\nnl = "Wie waren er?"\nen = "Who was there?"\n', "")
    raw = raw.replace('nl = "Wat raadt de school aan?"', 'nl = "Wat raadt de school u aan?"')
    raw += '\n[report.gone]\nnl = "Weg"\nen = "Gone"\n'
    found = problems(read_language_file("en", raw.encode()))
    assert found == [
        "en: 'report.who' ontbreekt",
        "en: 'report.advice' is verouderd: de Nederlandse tekst is veranderd",
        "en: 'report.gone' bestaat niet meer in nl.toml",
    ]


def test_a_placeholder_the_dutch_has_must_stay() -> None:
    raw = _file_path("tr").read_text(encoding="utf-8")
    raw = raw.replace('tr = "Evet, {date} tarihinde"', 'tr = "Evet, {datum} tarihinde"')
    found = problems(read_language_file("tr", raw.encode()))
    assert found == ["tr: 'report.done_on' heeft andere {invulplekken} dan nl.toml"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_fonts_draw_every_character_of_the_language_file(code: str) -> None:
    language = load(code)
    missing = {c for text in language.texts.values() for c in missing_characters(text, code)}
    assert missing == set(), [f"U+{ord(c):04X}" for c in sorted(missing)]


def test_every_translation_is_marked_unchecked_until_a_native_speaker_signs() -> None:
    for code in TRANSLATIONS:
        assert not load(code).checked, code
    checked = replace(load("tr"), checked_by="Ayşe Demir")
    assert Bilingual(checked).notice() == []
    assert Bilingual("tr").notice() != []
    assert Bilingual("nl").notice() == []


@pytest.mark.parametrize(
    ("code", "headings"),
    [
        ("ar", ["تقرير محادثتنا", "من كان حاضرا؟", "على ماذا اتفقنا؟", "المحادثة القادمة"]),
        ("tr", ["Görüşmemizin raporu", "Kimler vardı?", "Neleri kararlaştırdık?"]),
        ("ti", ["ጸብጻብ ዝርርብና", "መን ነይሩ?", "እንታይ ተሰማሚዕና?", "ዝቕጽል ዝርርብ"]),
    ],
)
def test_the_report_holds_the_translated_headings_under_the_dutch(
    code: str, headings: list[str]
) -> None:
    text = _text(_report(code))
    for heading in headings:
        assert unicodedata.normalize("NFKC", heading) in text, heading
    for dutch in ("Verslag van ons gesprek", "Wie waren er?", "Wat hebben we afgesproken?"):
        assert dutch in text
    notice = unicodedata.normalize("NFKC", load(code).text("common.notice_unchecked"))
    assert " ".join(notice.split())[:30] in text
    assert f"In het Nederlands en {load(code).name_nl}." in text


def test_free_text_stays_dutch_and_is_marked_in_the_parents_language() -> None:
    text = _text(_report("tr"))
    assert "De stage gaat goed. Zoë is op tijd en werkt netjes." in text
    # Marked above what was talked about, the advice, the decisions and the agreements.
    assert text.count("Aşağıdaki metin Hollandaca yazılmıştır.") == 4
    # Dutch alone: no translation, no mark, no notice.
    dutch = _text(_report("nl"))
    assert "Hollandaca" not in dutch and "Met een computer vertaald" not in dutch


def test_fixed_values_are_translated_and_values_typed_by_users_are_not() -> None:
    text = _text(_report("tr"))
    assert "Geçiş görüşmesi 1 (okulda)" in text  # the kind of conversation
    assert "Henüz düşünüyor" in text  # the RMC answer
    assert "Henüz değil" in text and "Tarih yok" in text
    assert "Vraagt een jobcoach aan bij de gemeente" in text


def test_arabic_keeps_dates_and_phone_numbers_whole() -> None:
    assert "20-11-2026" in visual_line("نعم، في 20-11-2026")
    assert "030-1234567" in visual_line("يمكنكم ذلك عبر 030-1234567.")
    # Brackets are mirrored, so "(في المدرسة)" reads as brackets around the words.
    shown = visual_line("محادثة الانتقال 1 (في المدرسة)")
    assert shown.index("(") < shown.index(")")


def test_the_recorded_language_of_a_guardian_chooses_the_language() -> None:
    assert language_for("Arabisch") == "ar"
    assert language_for(" turks ") == "tr"
    assert language_for("Tigrinya") == "ti"
    assert language_for("Oekraïens") == "uk"
    assert language_for("Swahili") == "nl"
    assert language_for(None) == "nl"


def test_dutch_labels_in_the_text_files_match_the_labels_of_the_app() -> None:
    dutch = load("nl")
    for kind in ConversationType:
        assert dutch.text(f"kind.{kind.value}") == labels.CONVERSATION_TYPE[kind]
    for answer in ConsentAnswer:
        assert dutch.text(f"answer.{answer.value}") == labels.CONSENT_ANSWER[answer]
    for scope in ConsentScope:
        assert dutch.text(f"scope.{scope.value}") == labels.CONSENT_SCOPE[scope]
