"""UI languages: Chinese (the default) and English.

Source strings are English (`self.tr`, `QCoreApplication.translate`); the Chinese
comes from resources/i18n/reader_zh_CN.qm, compiled from the .ts source by
.ci/setup (pyside6-lrelease). Qt's own strings (standard buttons, context menus)
come from the Qt translations shipped with PySide6. A missing .qm only means the
interface stays in English; it is logged, never fatal.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..paths import RESOURCES_DIR

log = logging.getLogger(__name__)

I18N_DIR = RESOURCES_DIR / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "中文", "en": "English"}


class Translations:
    """Installs and swaps the application's translators."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = ""

    def install(self, language: str) -> bool:
        """Switch to `language`; returns whether the app's own translation was loaded."""
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        self.clear()
        loaded = self._load(app, I18N_DIR / f"reader_{language}.qm")
        if not loaded and language != "en":
            log.warning(
                "translation reader_%s.qm not found in %s (run .ci/setup to compile it)", language, I18N_DIR
            )
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != "en":
            self._load(app, f"{qt_dir}/qtbase_{language}.qm") or self._load(app, f"{qt_dir}/qt_{language}.qm")
        QLocale.setDefault(QLocale(language))
        self.language = language
        self._notify()
        return loaded or language == "en"

    @staticmethod
    def _notify() -> None:
        """Tell every window to retranslate. Qt does so itself only once exec() runs."""
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            for widget in app.topLevelWidgets():
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    def clear(self) -> None:
        """Remove every translator this object installed (the interface falls back to English)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self.language = ""

    def _load(self, app, path) -> bool:
        translator = QTranslator(app)
        if not translator.load(str(path)):
            return False
        app.installTranslator(translator)
        self._installed.append(translator)
        return True
