"""Scripts that print the course's figures; run each from the project's root as ``python -m benchmarks.NAME``."""
