"""The batch sub-commands of the CLI; each returns an exit code."""
