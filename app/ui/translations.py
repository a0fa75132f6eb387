"""Loading translations: Qt's own Dutch for standard dialogs, and Koers in another language.

Dutch is the source language of the UI: without a translator the Dutch text in the code is
shown. Another language (KOERS_LANGUAGE=en) loads resources/translations/koers_<lang>.qm,
built from the .ts file by scripts/translations.sh. Qt's standard dialogs (file dialogs,
message box buttons) get Qt's own translation, qtbase_<lang>.qm, from the Qt installation.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core.resources import resource_path

log = logging.getLogger(__name__)

# Qt's own words that its Dutch catalogue (qtbase_nl.qm) misses: Qt 6 gave these labels of
# the non-native file dialog a new shortcut key, so their source text no longer matches.
QT_DUTCH_SUPPLEMENT = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",  # i18n: skip
    ("QFileDialog", "Files of &type:"): "Bestands&type:",  # i18n: skip
    ("QFileDialog", "&Directory:"): "&Map:",  # i18n: skip
}


class SupplementTranslator(QTranslator):
    """Fills the gaps of Qt's catalogue; every other text falls through to the next one."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._table = table

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString) lets Qt ask the next translator; "" would blank the text.
        return self._table.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self._table


SOURCE_LANGUAGE = "nl"
LANGUAGE_VARIABLE = "KOERS_LANGUAGE"


def chosen_language() -> str:
    """The UI language: KOERS_LANGUAGE when set (e.g. "en"), else Dutch."""
    return (os.environ.get(LANGUAGE_VARIABLE) or SOURCE_LANGUAGE).strip().lower()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs Qt's translation and, for a language other than Dutch, Koers's own.

    Returns the installed translators (parented to `app`) so a caller can remove them.
    Dates, numbers and the first day of the week stay Dutch in every language: the school
    and its documents are Dutch.
    """
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English needs no file: Qt's own text is English.
    if language != "en" and qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
        if language == "nl":
            # Installed after Qt's, so asked first.
            supplement = SupplementTranslator(QT_DUTCH_SUPPLEMENT, app)
            app.installTranslator(supplement)
            installed.append(supplement)
    if language != SOURCE_LANGUAGE:
        own = QTranslator(app)
        if own.load(f"koers_{language}", str(resource_path("translations"))):
            app.installTranslator(own)
            installed.append(own)
        else:
            # Not fatal: the Dutch source text shows instead.
            log.warning("no translation koers_%s.qm; showing Dutch", language)
    return installed
