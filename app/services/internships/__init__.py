"""Internships, the planner and the employer network."""
