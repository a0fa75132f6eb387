"""The Overleg area: uitstroomoverleg and actietafel."""
