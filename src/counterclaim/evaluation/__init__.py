"""The eval harness: gold labels, scoring, runs, comparisons."""
