"""The choice of language for the parent report: per guardian, or any language Koers has.

Each guardian whose recorded language Koers has texts for comes first ("Voor Anja Smit:
Nederlands en Arabisch"), the one who was at the conversation on top, so the default is the
language of the parent who takes the report home. Dutch alone and every other language
follow for a parent whose language was not recorded.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.services.common.parent_language import DUTCH, GuardianLanguage, language_choices


class ReportLanguageBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Taal van het verslag voor ouders"))
        self.setToolTip(
            self.tr("Het verslag is altijd in het Nederlands; de gekozen taal staat eronder.")
        )
        self.set_guardians([])

    def set_guardians(self, guardians: list[GuardianLanguage]) -> None:
        """Rebuilds the list for one conversation; the first guardian's language is chosen."""
        self.clear()
        names = dict(language_choices())
        for guardian in guardians:
            if guardian.code != DUTCH:
                self.addItem(
                    self.tr("Voor {name}: Nederlands en {language}").format(
                        name=guardian.guardian, language=names[guardian.code]
                    ),
                    guardian.code,
                )
        self.addItem(self.tr("Alleen Nederlands"), DUTCH)
        for code, name in language_choices():
            if code != DUTCH:
                self.addItem(self.tr("Nederlands en {language}").format(language=name), code)
        self.setCurrentIndex(0)

    def language(self) -> str:
        return str(self.currentData() or DUTCH)
