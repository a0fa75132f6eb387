"""Two years of aftercare: the call plan, logging calls and retention."""
