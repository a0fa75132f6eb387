"""Server passwords in the operating system's keyring, never in a plain file.

Where no secure backend exists (keyring's fail or null backends) nothing is stored:
the app asks for the password each time instead.
"""

from __future__ import annotations

SERVICE = "Koers database"


def secure_store_available() -> bool:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    names = {type(backend).__module__, type(backend).__name__}
    insecure = isinstance(backend, fail.Keyring) or "null" in " ".join(names).lower()
    return not insecure and getattr(backend, "priority", 0) > 0


def get_password(url_without_password: str) -> str | None:
    if not secure_store_available():
        return None
    import keyring

    return keyring.get_password(SERVICE, url_without_password)


def set_password(url_without_password: str, password: str) -> bool:
    """Stores the password; returns False (and stores nothing) without a secure backend."""
    if not secure_store_available():
        return False
    import keyring

    keyring.set_password(SERVICE, url_without_password, password)
    return True


def with_password(url: str, password: str | None) -> str:
    from app.db.urls import parse_url

    parsed = parse_url(url)
    if password is None:
        return parsed.render_as_string(hide_password=False)
    return parsed.set(password=password).render_as_string(hide_password=False)


def needs_server_password(url: str) -> bool:
    """A PostgreSQL URL with a user name but no password."""
    # Runs on the GUI thread before the login shows: an SQLite URL must not import SQLAlchemy.
    if not url.strip().lower().startswith("postgres"):
        return False
    from app.db.urls import parse_url

    parsed = parse_url(url)
    return (
        parsed.get_backend_name() == "postgresql"
        and bool(parsed.username)
        and not (parsed.password)
    )


def is_password_refusal(exc: BaseException) -> bool:
    """The server refused the connection for want of a (right) password."""
    text = str(getattr(exc, "orig", exc)).lower()
    return type(exc).__name__ == "OperationalError" and "password" in text
