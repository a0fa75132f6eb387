"""Reading files from outside (LAS exports: EDEXML, CSV): checked, size-limited, defused.

Importers take bytes or paths and return plain data, never a database session.
"""
