"""Compact Reader: a reference reader for the UN texts on the Global Compact for Migration."""

__version__ = "0.1.0"
