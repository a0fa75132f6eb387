"""Beheer > Profielitems: the school's items under Denken, Doen, Willen and Zijn.

Adding, renaming, reordering and retiring never breaks an old assessment: a retired item is
no longer offered, but every score already given on it stays readable.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import Factor, ItemScale
from app.services.common import labels
from app.services.profile import items
from app.services.profile.items import ItemView
from app.ui.common.messages import show_error
from app.ui.workspace import Workspace

RETIRED = QT_TRANSLATE_NOOP("profile.items_admin", "Niet meer in gebruik")


class ProfileItemsTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.items: list[ItemView] = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Profielonderdelen"))
        self.tree.setHeaderLabels([self.tr("Onderdeel"), self.tr("Status"), self.tr("Schaal")])
        self.tree.setColumnWidth(0, 420)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Toevoegen…"))
        self.rename_button = QPushButton(self.tr("Naam wijzigen…"))
        self.up_button = QPushButton(self.tr("Omhoog"))
        self.down_button = QPushButton(self.tr("Omlaag"))
        self.retire_button = QPushButton(self.tr("Niet meer gebruiken"))
        self.scale_button = QPushButton(self.tr("Schaal…"))
        self.scale_button.setToolTip(
            self.tr("Wat dit onderdeel meet: een vaardigheid, steun die nodig is of een wens")
        )
        explain = QLabel(
            self.tr(
                "De vier factoren liggen vast; de onderdelen eronder kiest de school zelf. Een "
                "onderdeel dat niet meer gebruikt wordt, blijft zichtbaar in oude beoordelingen."
            )
        )
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.retire_button,
            self.scale_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.retire_button.clicked.connect(lambda: self.toggle_retired())
        self.scale_button.clicked.connect(lambda: self.choose_scale())
        self.tree.currentItemChanged.connect(self._update_buttons)
        self._update_buttons()

    def load(self) -> None:
        self.workspace.call(
            items.list_items,
            on_success=self.show_items,
        )

    def show_items(self, items: list[ItemView]) -> None:
        selected = self.selected()
        keep = selected.id if selected else None
        self.items = items
        self.tree.clear()
        grey = QBrush(QColor("#888888"))
        for factor in Factor:
            parent = QTreeWidgetItem([labels.FACTOR[factor], labels.FACTOR_MEANING[factor]])
            parent.setData(0, Qt.ItemDataRole.UserRole, factor.value)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.tree.addTopLevelItem(parent)
            for item in (i for i in items if i.factor is factor):
                child = QTreeWidgetItem(
                    [
                        item.label,
                        QCoreApplication.translate("profile.items_admin", RETIRED)
                        if item.retired
                        else self.tr("In gebruik"),
                        labels.ITEM_SCALE[item.scale],
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, item.id)
                if item.retired:
                    child.setForeground(0, grey)
                    child.setForeground(1, grey)
                parent.addChild(child)
                if item.id == keep:
                    self.tree.setCurrentItem(child)
            parent.setExpanded(True)
        self._update_buttons()

    def selected(self) -> ItemView | None:
        current = self.tree.currentItem()
        if current is None or current.parent() is None:
            return None
        item_id = current.data(0, Qt.ItemDataRole.UserRole)
        return next((i for i in self.items if i.id == item_id), None)

    def selected_factor(self) -> Factor:
        current = self.tree.currentItem()
        if current is None:
            return Factor.DENKEN
        top = current.parent() or current
        return Factor(top.data(0, Qt.ItemDataRole.UserRole))

    def _update_buttons(self, *_args) -> None:
        item = self.selected()
        for button in (
            self.rename_button,
            self.up_button,
            self.down_button,
            self.retire_button,
            self.scale_button,
        ):
            button.setEnabled(item is not None)
        self.retire_button.setText(
            self.tr("Weer gebruiken")
            if item is not None and item.retired
            else self.tr("Niet meer gebruiken")
        )

    def _run(self, use_case, *args) -> None:
        self.workspace.call(
            use_case, *args, on_success=lambda _r: self.load(), on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.load()

    def add_item(self, label: str | None = None) -> None:
        factor = self.selected_factor()
        if label is None:
            label, ok = QInputDialog.getText(
                self,
                self.tr("Onderdeel toevoegen"),
                self.tr("Nieuw onderdeel onder {factor}:").format(factor=labels.FACTOR[factor]),
                QLineEdit.EchoMode.Normal,
            )
            if not ok:
                return
        self._run(items.add_item, factor, label)

    def rename_selected(self, label: str | None = None) -> None:
        item = self.selected()
        if item is None:
            return
        if label is None:
            label, ok = QInputDialog.getText(
                self,
                self.tr("Naam wijzigen"),
                self.tr("Nieuwe naam:"),
                QLineEdit.EchoMode.Normal,
                item.label,
            )
            if not ok:
                return
        self._run(items.rename_item, item.id, label)

    def move_selected(self, step: int) -> None:
        item = self.selected()
        if item is not None:
            self._run(items.move_item, item.id, step)

    def toggle_retired(self) -> None:
        item = self.selected()
        if item is not None:
            self._run(items.retire_item, item.id, not item.retired)

    def choose_scale(self, scale: ItemScale | None = None) -> None:
        """Sets what the selected item measures; its scores then read in that scale's words."""
        item = self.selected()
        if item is None:
            return
        if scale is None:
            options = {
                self.tr("{scale} ({low} … {high})").format(
                    scale=labels.ITEM_SCALE[kind],
                    low=labels.SCALE_WORDS[kind][1].lower(),
                    high=labels.SCALE_WORDS[kind][4].lower(),
                ): kind
                for kind in ItemScale
            }
            names = list(options)
            chosen, ok = QInputDialog.getItem(
                self,
                self.tr("Schaal"),
                self.tr("Wat meet '{item}'?").format(item=item.label),
                names,
                list(options.values()).index(item.scale),
                False,
            )
            if not ok:
                return
            scale = options[chosen]
        self._run(items.set_item_scale, item.id, scale)
