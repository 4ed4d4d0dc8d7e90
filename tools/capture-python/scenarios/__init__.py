"""Capture scenarios: one module per fixture. Each has a docstring, optional FLAGS (emulator
ClientConfig flags), optional FAULTS (emulator fault rules) and run(h)."""
