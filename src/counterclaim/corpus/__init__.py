"""Whole corpora: many articles through one model client, resumable from a run folder
(`counterclaim batch`, `counterclaim.analyze_many`). See docs/batch.md."""
