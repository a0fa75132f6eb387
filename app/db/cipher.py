"""Raw connections to an SQLCipher file, below everything else in app.db.

The Store's engine, the integrity check, backups and the one-time encryption all connect
this way; living apart from app.db.store keeps those modules from importing the Store
(and the migrations it runs) back.
"""

from __future__ import annotations

from pathlib import Path

KEY_BYTES = 32


def sqlcipher_connect(path: Path | str, key: bytes, *, read_only: bool = False):
    """A DB-API connection to an SQLCipher file, keyed with the raw 256-bit key.

    A raw key skips SQLCipher's own PBKDF2, so opening costs milliseconds, not 80 ms.
    """
    import sqlcipher3

    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    target = f"file:{path}?mode=ro" if read_only else str(path)
    connection = sqlcipher3.connect(target, uri=read_only, check_same_thread=False)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection
