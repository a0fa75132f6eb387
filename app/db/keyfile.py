"""The key file beside an encrypted database: the random database key, wrapped per user.

Each account's own password opens the database: the key is stored once per user, encrypted
with AES-256-GCM under a key derived from that user's password with argon2id. A recovery
key, shown once to the first coordinator, opens it too. No key is ever stored in the clear.
The file is written atomically (temporary file, fsync, rename), so a crash leaves the old
file intact.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.core.files import write_atomic

FORMAT = 1
KEY_BYTES = 32
SUFFIX = ".keys"
RECOVERY = "__recovery__"
# argon2id, the RFC 9106 "second recommended" profile scaled to about 0.1 s on a school PC.
KDF = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}


class KeyFileError(Exception):
    """The key file is missing or damaged; its message is Dutch and meant for the user."""


def keyfile_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(secret: str, salt: bytes, kdf: dict) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, hash_len=KEY_BYTES, type=Type.ID, **kdf)


def _normalise_recovery(recovery_key: str) -> str:
    return "".join(ch for ch in recovery_key.upper() if ch.isalnum())


def new_recovery_key() -> str:
    """A recovery key to print: 32 characters of base32 in groups of four."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@dataclass
class KeyFile:
    path: Path
    school: str = ""
    slots: dict[str, dict] = field(default_factory=dict)
    # The audit trail's signed checkpoint (app/db/audit_checkpoint.py), kept as it is.
    audit_checkpoint: dict | None = None

    # --- reading and writing ------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise KeyFileError(
                f"Het sleutelbestand {path.name} ontbreekt. Zet het terug uit een back-up, "
                "of open de database met de herstelsleutel."
            ) from None
        except (OSError, ValueError):
            raise KeyFileError(f"Het sleutelbestand {path.name} is beschadigd.") from None
        if data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
            raise KeyFileError(f"Het sleutelbestand {path.name} heeft een onbekende vorm.")
        return cls(path, data.get("school", ""), data["slots"], data.get("audit_checkpoint"))

    def save(self) -> None:
        data: dict = {"format": FORMAT, "school": self.school, "slots": self.slots}
        if self.audit_checkpoint is not None:
            data["audit_checkpoint"] = self.audit_checkpoint
        payload = json.dumps(data, indent=1).encode("utf-8")
        write_atomic(self.path, payload)

    # --- slots --------------------------------------------------------------------------
    def _wrap(self, name: str, secret: str, database_key: bytes) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapped = AESGCM(_derive(secret, salt, KDF)).encrypt(nonce, database_key, name.encode())
        self.slots[name] = {
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "key": _b64(wrapped),
            "kdf": dict(KDF),
        }

    def _unwrap(self, name: str, secret: str) -> bytes | None:
        slot = self.slots.get(name)
        if slot is None:
            return None
        try:
            kek = _derive(secret, _unb64(slot["salt"]), slot.get("kdf", KDF))
            return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["key"]), name.encode())
        except (InvalidTag, KeyError, ValueError):
            return None

    def set_user(self, username: str, password: str, database_key: bytes) -> None:
        self._wrap(user_slot(username), password, database_key)

    def remove_user(self, username: str) -> None:
        self.slots.pop(user_slot(username), None)

    def has_user(self, username: str) -> bool:
        return user_slot(username) in self.slots

    def unlock(self, username: str, password: str) -> bytes | None:
        """The database key, or None when the user has no slot or the password is wrong."""
        return self._unwrap(user_slot(username), password)

    def set_recovery(self, recovery_key: str, database_key: bytes) -> None:
        self._wrap(RECOVERY, _normalise_recovery(recovery_key), database_key)

    def unlock_with_recovery(self, recovery_key: str) -> bytes | None:
        return self._unwrap(RECOVERY, _normalise_recovery(recovery_key))


def user_slot(username: str) -> str:
    """The name of an account's slot; a username is matched without case or spaces."""
    return "user:" + username.strip().lower()


def create(path: Path, school: str, username: str, password: str) -> tuple[bytes, str]:
    """A new random database key wrapped for the first user; returns (key, recovery key)."""
    database_key = secrets.token_bytes(KEY_BYTES)
    recovery = new_recovery_key()
    keys = KeyFile(path, school)
    keys.set_user(username, password, database_key)
    keys.set_recovery(recovery, database_key)
    keys.save()
    return database_key, recovery
