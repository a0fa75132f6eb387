"""`--screenshots DIR`: a PNG of every area and every tab of one student file, and the
pages of the meeting papers and the trend report. On the demo school the file is that of
the school year's story (app.demo.year) in the middle of the year."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.core.exit_codes import EXIT_FAILED, EXIT_OK
from app.models import Role

SIZE = (1280, 800)


def _settle(condition=lambda: True, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            QApplication.processEvents()
            return True
        time.sleep(0.01)
    return False


def _save(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))


def take_screenshots(window, directory: str, size: tuple[int, int] = SIZE) -> int:
    from app.ui.student.window import TABS

    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    runner = window.workspace.runner
    # The areas this user's role shows (Beheer only for a coordinator), each once its
    # data has arrived.
    for row in range(window.navigation.count()):
        key = window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        window.navigation.setCurrentRow(row)
        _settle(lambda: runner.pending == 0)
        _save(window, target / f"{key}.png")
        tabs = getattr(window.areas[key], "tabs", None)
        for index in range(1, tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(index)
            _settle(lambda: runner.pending == 0)
            _save(window, target / f"{key}-{_slug(tabs.tabText(index))}.png")
        if tabs is not None:
            tabs.setCurrentIndex(0)
    _meeting_pictures(window, target)
    _memberships_picture(window, target)
    _help_pictures(target)
    _trend_report_pictures(window, target)
    window.navigation.setCurrentRow(0)
    if window.cohort.model.rowCount() == 0:
        return EXIT_OK
    file_window = window.open_student(_student_to_show(window))
    file_window.resize(*size)
    if not _settle(lambda: file_window.loaded is not None):
        return EXIT_FAILED
    for index, (key, _label) in enumerate(TABS):
        file_window.tabs.setCurrentIndex(index)
        _settle(lambda: runner.pending == 0)
        _save(file_window, target / f"student-{key}.png")
    file_window.close()
    window.lock.lock("schermafbeelding")
    _settle(lambda: runner.pending == 0)
    _save(window, target / "vergrendeld.png")
    window.close()
    return EXIT_OK


def _student_to_show(window) -> int:
    """The demo story's student in the middle of the year (a full file), if this school
    has them in its cohort; else the cohort's first."""
    from app.demo.year.showcase import showcase_student

    workspace, model = window.workspace, window.cohort.model
    shown = {model.row_at(row).id for row in range(model.rowCount())}
    chosen = workspace.store.read(showcase_student, workspace.actor)
    return chosen if chosen in shown else model.row_at(0).id


def _help_pictures(target: Path) -> None:
    """The handbook at the rules behind the settings, and each step of the first-start tour."""
    from app.ui.help.tour import Tour
    from app.ui.help.window import HelpWindow

    handbook = HelpWindow()
    handbook.show_page("regels")
    _save(handbook, target / "help-regels.png")
    handbook.close()
    tour = Tour()
    tour.show()
    for step in range(tour.stack.count()):
        tour._go(step)
        _save(tour, target / f"help-rondleiding-{step + 1}.png")
    tour.close()


def _meeting_pictures(window, target: Path) -> None:
    """The Overleg area's case dialog, and its agenda and minutes PDFs as pictures."""
    area = window.areas.get("overleg")
    panel = getattr(area, "panel", None)
    if panel is None or not window.workspace.actor.is_coordinator or panel.agenda is None:
        return
    runner = window.workspace.runner
    panel.with_choices(lambda: None)
    _settle(lambda: runner.pending == 0 and panel.choices is not None)
    if panel.model.rowCount() and panel.choices is not None:
        panel.table.selectRow(0)
        dialog = panel.case_dialog(panel.selected_case())
        dialog.show()
        _save(dialog, target / "overleg-casus.png")
        dialog.discard()
    held = [m for m in (area.data.meetings if area.data else []) if m.minutes_final_on]
    papers = [("agenda", panel.meeting_id, "overleg-agenda")]
    if held:
        papers.append(("verslag", held[-1].id, "overleg-verslag"))
    for what, meeting_id, name in papers:
        pdf = target / f"{name}.pdf"
        panel.meeting_id = meeting_id
        panel.print_paper(what, pdf)
        _settle(lambda pdf=pdf: runner.pending == 0 and pdf.exists())
        _pdf_to_png(pdf, target / f"{name}.png")
        pdf.unlink(missing_ok=True)
    panel.load(papers[0][1])


def _memberships_picture(window, target: Path) -> None:
    """Beheer's dialog of a user's schools, where several schools share the database."""
    admin = getattr(window, "admin", None)
    if admin is None or not admin.users.model.memberships.shared:
        return
    users = admin.users
    rows = users.model.rows()
    # A mentor shows the schools best: one of the own school, one of another.
    mentor = next((r for r in rows if r.role is Role.MENTOR), rows[0])
    users.select_user(mentor.id)
    dialog = users.edit_schools()
    if dialog is None:
        return
    dialog.show()
    _save(dialog, target / "beheer-scholen.png")
    dialog.discard()


def _trend_report_pictures(window, target: Path) -> None:
    """Every page of the trend report (the PDF for the board and the municipality)."""
    area = window.areas.get("trends")
    if area is None or not getattr(area, "may_export", False):
        return
    runner = window.workspace.runner
    pdf = target / "trends-rapport.pdf"
    area.export_report_to(pdf)
    _settle(lambda: runner.pending == 0 and pdf.exists())
    _pdf_pages_to_png(pdf, target, "trends-rapport")
    pdf.unlink(missing_ok=True)


def _pdf_pages_to_png(pdf: Path, target: Path, stem: str) -> None:
    _render_pdf(pdf, lambda index: target / f"{stem}-{index + 1}.png")


def _pdf_to_png(pdf: Path, png: Path) -> None:
    _render_pdf(pdf, lambda _index: png, pages=1)


def _render_pdf(pdf: Path, png_of_page: Callable[[int], Path], pages: int | None = None) -> None:
    """Each page (or the first `pages`) of a demo paper as a picture for the manual."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    count = document.pageCount() if pages is None else min(pages, document.pageCount())
    for index in range(count):
        page = document.pagePointSize(index)
        image = document.render(index, QSize(int(page.width() * 1.25), int(page.height() * 1.25)))
        image.save(str(png_of_page(index)))
    document.close()


def _slug(title: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
