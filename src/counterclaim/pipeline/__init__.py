"""The analysis pipeline steps."""
