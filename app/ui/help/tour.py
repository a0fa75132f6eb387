"""The first-start tour: four short steps, skippable, and reopened from Help → Rondleiding.

Shown once after the first log-in on this PC (QSettings remembers it was seen or skipped).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

SEEN_KEY = "help/tour_seen"

STEPS: list[tuple[str, str]] = [
    (
        QT_TRANSLATE_NOOP("help.tour", "Welkom bij Koers"),
        QT_TRANSLATE_NOOP(
            "help.tour",
            "Links staan de werkgebieden: Leerlingen, Stages, Gesprekken, Nazorg en (voor de "
            "coördinator) Netwerk en Beheer. Met Ctrl+1, Ctrl+2 enzovoort gaat u er direct "
            "naartoe.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("help.tour", "Uw leerlingen"),
        QT_TRANSLATE_NOOP(
            "help.tour",
            "De lijst Leerlingen is uw uitstroomgroep. Zoek met Ctrl+F, kies een leerling met "
            "de pijltjes en open het dossier met Enter. De kolom Aandacht zegt in woorden wat "
            "er speelt.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("help.tour", "Gesprekken en verslagen voor ouders"),
        QT_TRANSLATE_NOOP(
            "help.tour",
            "In het dossier legt u een gesprek vast met de afspraken. Het verslag voor de "
            "ouders drukt u af in het Nederlands, met de taal van de ouders eronder.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("help.tour", "Hulp nodig?"),
        QT_TRANSLATE_NOOP(
            "help.tour",
            "Druk op F1 voor uitleg bij het scherm waar u bent. Onder Help vindt u de hele "
            "handleiding, de sneltoetsen en deze rondleiding.",
        ),
    ),
]


class Tour(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rondleiding — Koers"))
        self.stack = QStackedWidget()
        for title, text in STEPS:
            page = QWidget()
            column = QVBoxLayout(page)
            heading = QLabel(QCoreApplication.translate("help.tour", title))
            heading.setObjectName("sectionTitle")
            body = QLabel(QCoreApplication.translate("help.tour", text))
            body.setWordWrap(True)
            column.addWidget(heading)
            column.addWidget(body)
            column.addStretch(1)  # the text right under its heading, the room below it
            self.stack.addWidget(page)
        self.step_label = QLabel()
        self.skip_button = QPushButton(self.tr("&Overslaan"))
        self.back_button = QPushButton(self.tr("&Vorige"))
        self.next_button = QPushButton(self.tr("V&olgende"))
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        for button in (self.skip_button, self.back_button, self.next_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.skip_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self._go(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self._next)
        self.resize(520, 260)
        self._go(0)

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(max(0, min(index, self.stack.count() - 1)))
        current = self.stack.currentIndex()
        last = current == self.stack.count() - 1
        self.back_button.setEnabled(current > 0)
        self.next_button.setText(self.tr("&Klaar") if last else self.tr("V&olgende"))
        self.step_label.setText(
            self.tr("Stap {step} van {steps}").format(step=current + 1, steps=self.stack.count())
        )

    def _next(self) -> None:
        if self.stack.currentIndex() == self.stack.count() - 1:
            self.accept()
        else:
            self._go(self.stack.currentIndex() + 1)


def offer_first_start_tour(parent: QWidget, settings: QSettings) -> Tour | None:
    """Opens the tour once per PC; seen or skipped, it is not offered again. It does not
    block the window: a user who starts working straight away just leaves it."""
    if settings.value(SEEN_KEY, False, type=bool):
        return None
    settings.setValue(SEEN_KEY, True)
    tour = Tour(parent)
    tour.setModal(False)
    tour.show()
    return tour
