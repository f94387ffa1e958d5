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
