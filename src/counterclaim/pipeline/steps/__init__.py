"""The pipeline's steps, one module each, each with a single entry `run(state)` (order: `analyze.py`)."""
