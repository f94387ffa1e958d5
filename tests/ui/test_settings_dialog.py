from facilitator.core.settings import Settings
from facilitator.ui.settings_dialog import SettingsDialog


def test_settings_dialog_edits_and_keeps_the_rest(qtbot) -> None:
    dialog = SettingsDialog(Settings(projector_screen="HDMI-1"))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.sound.setChecked(False)
    dialog.retention.setValue(365)
    result = dialog.result_settings()
    assert result.language == "en"
    assert result.end_of_step_sound is False
    assert result.retention_days == 365
    assert result.projector_screen == "HDMI-1"
    dialog.retention.setValue(0)
    assert dialog.result_settings().retention_days is None


def test_the_default_subtitle_language_is_chosen_here(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.result_settings().subtitle_language == "first"
    assert dialog.subtitle_language.findText("العربية") >= 0
    dialog.subtitle_language.setCurrentIndex(dialog.subtitle_language.findData("ar"))
    assert dialog.result_settings().subtitle_language == "ar"
    dialog.subtitle_language.setCurrentIndex(dialog.subtitle_language.findData("off"))
    assert dialog.result_settings().subtitle_language == "off"


def test_a_language_set_by_hand_in_the_file_stays(qtbot) -> None:
    dialog = SettingsDialog(Settings(subtitle_language="sq"))
    qtbot.addWidget(dialog)
    assert dialog.subtitle_language.currentData() == "sq"
    assert dialog.result_settings().subtitle_language == "sq"
