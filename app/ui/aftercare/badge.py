"""After log-in: how many of my aftercare calls are due, on the navigation and status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from app.core.validation import today
from app.services.aftercare import plan as aftercare

AREA_KEY = "nazorg"
LABEL = QT_TRANSLATE_NOOP("aftercare.badge", "Nazorg")


def area_label(count: int) -> str:
    label = QCoreApplication.translate("aftercare.badge", LABEL)
    return f"{label} ({count})" if count else label


def announce_due_calls(window: QMainWindow) -> None:
    """Asks the service for my due count; the answer updates the label "Nazorg (3)"."""
    navigation = window.navigation
    item = next(
        (
            navigation.item(i)
            for i in range(navigation.count())
            if navigation.item(i).data(Qt.ItemDataRole.UserRole) == AREA_KEY
        ),
        None,
    )
    if item is None:
        return

    def show(count: int) -> None:
        if not isValid(navigation):
            return  # the user logged out before the count came
        item.setText(area_label(count))
        item.setToolTip(
            QCoreApplication.translate(
                "aftercare.badge", "{count} nazorgcontacten te doen (deze week of te laat)"
            ).format(count=count)
        )
        if count:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "aftercare.badge",
                    "U hebt {count} nazorgcontact{value} te doen (deze week of te "
                    "laat): zie Nazorg.",
                ).format(count=count, value="en" if count != 1 else ""),
                15000,
            )

    def follow_area(_row: int) -> None:
        # The area is built on first open; from then on its worklist keeps the label right.
        area = window.areas.get(AREA_KEY)
        if area is not None and not getattr(area, "_badge_connected", False):
            area.due_count_changed.connect(show)
            area._badge_connected = True

    navigation.currentRowChanged.connect(follow_area)
    window.workspace.call(aftercare.due_count, today(), on_success=show, on_error=lambda _e: None)
