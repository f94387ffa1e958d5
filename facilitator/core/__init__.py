"""The Qt-free core: content, sessions, storage and export. Never imports PySide6 or vlc."""
