"""Facilitator: run dialogue sessions in intercultural competence, offline."""

__version__ = "0.1.0"
