"""The yardstick for start-up: a bare PySide6 window, run exactly as the app is run.

Prints "login-ready" once the window is shown, the event loop has turned and the window is
painted (the app prints it once its log-in button is enabled and painted), then exits.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.show()
    QTimer.singleShot(0, lambda: (window.repaint(), print("login-ready", flush=True), app.exit(0)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
