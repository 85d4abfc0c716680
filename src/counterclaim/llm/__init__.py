"""Talking to language models: clients, retries, usage, the embedded server."""
