"""Pure text utilities: sentences, grounding quotes, chunking, numbers."""
