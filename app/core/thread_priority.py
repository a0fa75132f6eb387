"""Lowering the calling thread's scheduling priority, for work nobody waits for.

The integrity check and the daily backup after log-in read the whole database file; on a
school PC with two cores they took a core from the window and the database worker exactly
when the user opens the first student (issue 19). At a low priority they use what the
user's threads leave.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

# Windows: the thread's processor and disk priority both go down (SetThreadPriority).
_THREAD_MODE_BACKGROUND_BEGIN = 0x00010000
_THREAD_PRIORITY_LOWEST = -2
# Linux: the nicest a task can be; each thread is a task of its own with its own niceness.
_NICEST = 19


def lower_current_thread() -> bool:
    """Lowers the calling thread's priority for good; False where the platform refuses.

    There is no way back for an ordinary user on Linux (only raising niceness is allowed),
    so call it on a thread that ends with its work, never on a pool's thread.
    """
    try:
        if sys.platform == "win32":
            return _lower_on_windows()
        if sys.platform.startswith("linux"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _NICEST)
            return True
    except OSError:
        log.warning("could not lower the priority of a background thread", exc_info=True)
    return False


def _lower_on_windows() -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32
    thread = kernel32.GetCurrentThread()
    if kernel32.SetThreadPriority(thread, _THREAD_MODE_BACKGROUND_BEGIN):
        return True
    return bool(kernel32.SetThreadPriority(thread, _THREAD_PRIORITY_LOWEST))
