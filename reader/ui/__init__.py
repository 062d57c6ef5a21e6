"""The reader window: PySide6 widgets that present `reader.core`; no business logic here."""
