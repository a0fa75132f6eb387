"""Beheer → Schoolinstellingen: the coordinator sets the aftercare call moments and the
work competencies that internship evaluations score."""

from __future__ import annotations

from pathlib import Path

from app.services.admin import school_contact
from app.services.aftercare import plan as aftercare
from app.services.internships import competencies
from app.services.trends import norms as trend_norms
from app.ui.admin.school_settings import SchoolSettingsTab
from tests.ui.helpers import new_school, workspace_for


def _tab(qtbot, tmp_path: Path):
    store, coordinator = new_school(tmp_path, "instellingen-2026")
    tab = SchoolSettingsTab(workspace_for(store, coordinator))
    qtbot.addWidget(tab)
    tab.load()
    return store, coordinator, tab


def _moments(store) -> tuple[int, ...]:
    with store.session() as session:
        return aftercare.call_moments(session)[0]


def test_call_moments_are_saved_and_a_bad_value_changes_nothing(qtbot, tmp_path: Path) -> None:
    store, _coordinator, tab = _tab(qtbot, tmp_path)
    assert tab.moments.text() == "1, 3, 6, 12, 18, 24"

    tab.moments.setText("12, 1, 6, 24")
    tab.save_moments.click()
    assert _moments(store) == (1, 6, 12, 24)
    assert tab.moments.text() == "1, 6, 12, 24" and tab.moments_status.text() == "Opgeslagen."

    tab.moments.setText("3, 40")
    tab.save_moments.click()
    assert "Belmomenten" in tab.moments_status.text()
    assert _moments(store) == (1, 6, 12, 24)
    store.dispose()


def test_a_competency_is_added_and_retired(qtbot, tmp_path: Path) -> None:
    store, coordinator, tab = _tab(qtbot, tmp_path)
    before = tab.competencies.count()
    assert before > 0

    tab.new_competency.setText("Klantvriendelijk")
    tab.add_button.click()
    labels = [tab.competencies.item(i).text() for i in range(tab.competencies.count())]
    assert labels[-1] == "Klantvriendelijk" and len(labels) == before + 1

    tab.competencies.setCurrentRow(len(labels) - 1)
    tab.retire_button.click()
    scored = [label for _id, label in store.run(competencies.competencies, coordinator)]
    assert "Klantvriendelijk" not in scored and tab.competencies.count() == before
    store.dispose()


def test_the_school_phone_and_email_for_reports_are_saved(qtbot, tmp_path: Path) -> None:
    store, coordinator, tab = _tab(qtbot, tmp_path)
    assert tab.phone.text() == "" and tab.email.text() == ""

    tab.phone.setText("077-1234567")
    tab.email.setText("uitstroom@dehorizon.example")
    tab.save_contact.click()
    assert tab.contact_status.text() == "Opgeslagen."
    saved = store.run(school_contact.school_contact, coordinator)
    assert (saved.phone, saved.email) == ("077-1234567", "uitstroom@dehorizon.example")

    tab.email.setText("geen adres")
    tab.save_contact.click()
    assert "E-mail school" in tab.contact_status.text()
    assert store.run(school_contact.school_contact, coordinator) == saved

    # Opened again, the tab shows what was saved.
    again = SchoolSettingsTab(workspace_for(store, coordinator))
    qtbot.addWidget(again)
    again.load()
    assert again.phone.text() == "077-1234567"
    store.dispose()


def test_the_trend_norms_are_saved_with_their_source_and_a_bad_value_is_refused(
    qtbot, tmp_path: Path
) -> None:
    store, coordinator, tab = _tab(qtbot, tmp_path)
    assert (tab.norm_placed.text(), tab.norm_retained.text()) == ("90", "75")
    assert "Sectorraad Praktijkonderwijs" in tab.norms_source.text()

    tab.norm_placed.setText("85")
    tab.norm_retained.setText("70")
    tab.save_norms.click()
    assert tab.norms_status.text() == "Opgeslagen."
    assert store.run(trend_norms.norms, coordinator).placed_percent == 85

    tab.norm_retained.setText("zeventig")
    tab.save_norms.click()
    assert "Norm nog op een plek" in tab.norms_status.text()
    assert store.run(trend_norms.norms, coordinator).retained_percent == 70
    store.dispose()
