"""Printing and saving the parent report: a preview, the system print dialog, or a PDF file.

The report is made as a PDF by the services; here its pages are drawn onto a QPrinter with
QtPdf, so the paper looks exactly like the saved file. A print is logged (export log and
audit) once the print job has been made; a cancelled dialog logs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from app.services.conversations import parent_reports
from app.services.conversations.parent_reports import ParentReportFile
from app.ui.common.messages import show_error
from app.ui.common.save_dialog import ask_save_path
from app.ui.workspace import Workspace

# Pages are rendered as images at this resolution at most: sharp on paper, quick to send.
MAX_DPI = 200


class PdfPages:
    """A PDF held in memory, drawn page by page onto any paint device."""

    def __init__(self, data: bytes) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def paint(self, printer: QPrinter) -> int:
        """Draws every page onto `printer`, each scaled to fit its page; returns the count."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(
                QCoreApplication.translate("PdfPages", "De printer kon niet worden gestart.")
            )
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            for index in range(self.count):
                if index:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                image = self.document.render(
                    index,
                    QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)),
                )
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                width, height = image.width() * scale, image.height() * scale
                painter.drawImage(
                    QRectF(
                        target.x() + (target.width() - width) / 2,
                        target.y() + (target.height() - height) / 2,
                        width,
                        height,
                    ),
                    image,
                )
        finally:
            painter.end()
        return self.count


def a4_printer() -> QPrinter:
    """A printer set to A4 portrait over the whole sheet (the PDF carries its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(QCoreApplication.translate("conversations.printing", "Verslag voor ouders"))
    return printer


class ParentReportPrinting:
    """Preview, print and save for one conversation's parent report.

    The three `ask_*` callables open the dialogs; tests replace them (offscreen there is no
    one to click), so everything else runs as in the app.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        self.workspace = workspace
        self.parent = parent
        self.ask_printer: Callable[[QPrinter], bool] = self._print_dialog
        self.ask_preview: Callable[[QPrinter, PdfPages], bool] = self._preview_dialog
        self.ask_save_path: Callable[[str], str | None] = self._save_dialog
        self.last_pages: int = 0

    # --- dialogs ------------------------------------------------------------------------
    def _print_dialog(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(
            QCoreApplication.translate("ParentReportPrinting", "Verslag voor ouders afdrukken")
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _preview_dialog(self, printer: QPrinter, pages: PdfPages) -> bool:
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle(
            QCoreApplication.translate(
                "ParentReportPrinting", "Afdrukvoorbeeld — verslag voor ouders"
            )
        )
        dialog.resize(900, 1000)
        dialog.paintRequested.connect(pages.paint)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _save_dialog(self, suggested: str) -> str | None:
        path = ask_save_path(
            self.parent,
            QCoreApplication.translate("ParentReportPrinting", "Verslag voor ouders opslaan"),
            suggested,
            QCoreApplication.translate("ParentReportPrinting", "PDF-bestanden (*.pdf)"),
        )
        return path or None

    # --- actions ------------------------------------------------------------------------
    def print_report(
        self, conversation_id: int, *, preview: bool = False, language: str = "nl"
    ) -> None:
        """Makes the report (Dutch, with `language` under it), lets the user choose a printer
        (or look first), prints, logs."""
        self.workspace.call(
            parent_reports.report_pdf,
            conversation_id,
            language,
            on_success=lambda report: self._print(conversation_id, report, preview),
            on_error=self._error,
        )

    def _print(self, conversation_id: int, report: ParentReportFile, preview: bool) -> None:
        pages = PdfPages(report.pdf)
        printer = a4_printer()
        printer.setDocName(report.filename)
        if preview:
            if not self.ask_preview(printer, pages):
                return
        else:
            if not self.ask_printer(printer):
                return
            pages.paint(printer)
        self.last_pages = pages.count
        self.workspace.call(
            parent_reports.record_printed,
            conversation_id,
            report.language,
            on_success=lambda _none: None,
            on_error=self._error,
        )

    def save_report(
        self, conversation_id: int, suggested_name: str = "verslag.pdf", language: str = "nl"
    ) -> None:
        """Asks where to save the PDF and writes it (logged by the service)."""
        path = self.ask_save_path(suggested_name)
        if not path:
            return
        self.workspace.call(
            parent_reports.save_parent_report,
            conversation_id,
            Path(path),
            language,
            on_success=lambda _path: None,
            on_error=self._error,
        )

    def _error(self, exc: BaseException) -> None:
        show_error(self.parent, exc)
