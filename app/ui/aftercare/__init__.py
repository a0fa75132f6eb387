"""The aftercare (nazorg) area: the mentor worklist, logging calls and retention figures."""
