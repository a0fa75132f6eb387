"""The Beheer area (coordinators only): users, the audit log, and more tabs as they come."""
