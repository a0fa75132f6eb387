"""Conversations with students and parents, their agreements and reports."""
