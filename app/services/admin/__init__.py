"""Accounts, opening and locking, backups, retention and subject access."""
