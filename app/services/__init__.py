"""The use cases of Koers: plain Python, no Qt. Each takes a Session and an Actor."""
