"""Rendering an Analysis as terminal text, Markdown or JSON."""
