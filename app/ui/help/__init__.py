"""In-app help: the Dutch handbook per area (F1), the whole handbook, the first-start tour."""
