"""Writing the answer to a data-subject access request: one JSON file, UTF-8, readable."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.files import write_atomic


def write_subject_access(data: dict, path: str | Path) -> Path:
    """Writes `data` (from services.subject_access) atomically; returns the path written."""
    target = Path(path)
    payload = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    write_atomic(target, payload.encode("utf-8"))
    return target
