"""counterclaim: who claims what in a news article, and where the claims contradict each other."""

__version__ = "0.1.0"
