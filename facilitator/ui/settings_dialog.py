"""Settings a leader may want to change: language, the end-of-step sound, subtitle size and
language, the knowledge indicator's target and how long sessions are kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.films.subtitle_choice import ENDONYMS, language_name
from facilitator.core.i18n import N_, _
from facilitator.core.settings import SUBTITLES_FIRST, SUBTITLES_OFF, Settings
from facilitator.ui.accessible import name_by_label
from facilitator.ui.widgets.number_field import NumberField

LANGUAGES = (
    ("auto", N_("Som datorn (svenska om inget annat)")),
    ("sv", N_("Svenska")),
    ("en", N_("Engelska")),
)
SUBTITLES = (("normal", N_("Normal")), ("large", N_("Stor")), ("extra_large", N_("Extra stor")))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Inställningar"))
        self._settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(_(label), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(_("Språk:"), self.language)
        self.sound = QCheckBox(_("Spela en mjuk ton när tiden för ett steg är slut"))
        self.sound.setChecked(settings.end_of_step_sound)
        form.addRow(_("Signal:"), self.sound)
        self.high_contrast = QCheckBox(_("Hög kontrast"))
        self.high_contrast.setToolTip(_("Svart, vitt och gult i stället för datorns färger"))
        self.high_contrast.setChecked(settings.high_contrast)
        form.addRow(_("Utseende:"), self.high_contrast)
        self.subtitles = QComboBox()
        for code, label in SUBTITLES:
            self.subtitles.addItem(_(label), code)
        self.subtitles.setCurrentIndex(max(0, self.subtitles.findData(settings.subtitle_size)))
        form.addRow(_("Undertexternas storlek:"), self.subtitles)
        self.subtitle_language = QComboBox()
        self.subtitle_language.addItem(_("Filmens första språk"), SUBTITLES_FIRST)
        self.subtitle_language.addItem(_("Av"), SUBTITLES_OFF)
        codes = list(ENDONYMS)
        if settings.subtitle_language not in (SUBTITLES_FIRST, SUBTITLES_OFF, *codes):
            codes.append(settings.subtitle_language)  # a language set by hand stays choosable
        for code in codes:
            self.subtitle_language.addItem(language_name(code), code)
        self.subtitle_language.setCurrentIndex(
            max(0, self.subtitle_language.findData(settings.subtitle_language))
        )
        self.subtitle_language.setToolTip(
            _(
                "Vilka undertexter en film börjar med. Har filmen inte språket visas dess "
                "första. Under filmen väljer du i filmraden eller med S."
            )
        )
        form.addRow(_("Undertexternas språk:"), self.subtitle_language)
        self.target = NumberField()
        self.target.setRange(0, 100)
        self.target.setSuffix(_(" %"))  # Swedish puts a space before %, English none
        self.target.setValue(settings.knowledge_target_percent)
        form.addRow(_("Mål för mer kunskap:"), self.target)
        self.retention = NumberField()
        self.retention.setRange(0, 3650)
        self.retention.setSpecialValueText(_("Spara tills jag tar bort dem"))
        self.retention.setSuffix(" " + _("dagar"))
        self.retention.setValue(settings.retention_days or 0)
        form.addRow(_("Behåll sessioner i:"), self.retention)
        layout.addLayout(form)
        for control in (self.language, self.subtitles, self.subtitle_language):
            # QFormLayout made each row's words the buddy of its field: its name too, since
            # a combo box otherwise names itself by its value.
            row_label = form.labelForField(control)
            if isinstance(row_label, QLabel):
                name_by_label(row_label, control)
        note = QLabel(
            _(
                "Äldre sessioner än så tas bort för gott när appen startar. "
                "Språket byts nästa gång appen startar."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        return self._settings.with_changes(
            language=self.language.currentData(),
            end_of_step_sound=self.sound.isChecked(),
            high_contrast=self.high_contrast.isChecked(),
            subtitle_size=self.subtitles.currentData(),
            subtitle_language=self.subtitle_language.currentData(),
            knowledge_target_percent=self.target.value(),
            retention_days=self.retention.value() or None,
        )
