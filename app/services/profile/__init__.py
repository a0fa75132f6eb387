"""The Denken / Doen / Willen / Zijn profile of a student."""
