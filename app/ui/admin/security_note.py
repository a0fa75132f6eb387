"""The "Beveiliging" note in Beheer: what the embedded store protects against, and what not.

Said plainly because it decides where a school keeps its data: the encrypted file keeps the
data from a thief and from other Windows users, not from someone who has an account here
and uses other tools (every account's password unlocks the file). Roles the database itself
enforces need the shared PostgreSQL store.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def security_note(parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label with the note; its object name is `securityNote`."""
    text = QCoreApplication.translate(
        "admin.security_note",
        "Beveiliging: de ingebouwde database is versleuteld. Zo beschermt Koers de gegevens "
        "als deze pc of het databasebestand kwijtraakt of gestolen wordt, en tegen andere "
        "Windows-gebruikers van deze pc. Niet tegen iemand met een account in Koers die "
        "eigen hulpprogramma's gebruikt: elk wachtwoord opent het hele bestand, dus ook een "
        "mentor kan dan alle leerlingen lezen. Koers merkt het wel als de database buiten "
        "Koers om is veranderd en werkt dan alleen-lezen. Moet de database zelf de rollen "
        "afdwingen, gebruik dan de gedeelde PostgreSQL-database (beveiliging per rij).",
    )
    label = QLabel(text, parent)
    label.setObjectName("securityNote")
    label.setWordWrap(True)
    return label
