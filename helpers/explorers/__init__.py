"""The interactive explorers, one module per family."""
