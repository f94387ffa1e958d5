"""The pre-session check, Qt-free: the computer (data folder, free space, fonts, sound) in
``system``, the chosen modules and their films' files in ``modules``, and what counts as a
sound output in ``audio``. Playing a film's first seconds is the UI's part
(``facilitator.ui.precheck``); `facilitator check` prints the same items."""
