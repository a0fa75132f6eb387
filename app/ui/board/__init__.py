"""The board's area ("Bestuur"): counts per school, no names."""
