"""The yardstick for start-up: a bare PySide6 window, run exactly as the app is run.

Prints "login-ready" once the window is shown and the event loop turns, then exits.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.show()
    QTimer.singleShot(0, lambda: (print("login-ready", flush=True), app.exit(0)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
