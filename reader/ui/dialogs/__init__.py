"""Small dialogs, each in its own module; the main window opens them (tests stub them)."""
