"""Trends: where leavers went and stayed, and the monitor figures in every shape.

Counts are made in SQL (GROUP BY), never by loading every student; the rules that turn
counts into honest figures (n, unknowns, no percentage under 5 leavers) and the
suppression of small counts for what leaves the school live here, without Qt.
"""
