"""The Qt-free core: corpus model and parsing, objectives, search, annotations, export.

Nothing under this package may import PySide6 (tests/core/test_boundaries.py checks it).
"""
