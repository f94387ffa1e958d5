"""The application layer: Qt-free services between the UI and the rest of the core.

Each piece of state has one owner here: the settings (``SettingsService``), the database
(``StorageGateway``, every operation on one serial executor) and the running session
(``SessionService``: the engine, what the room sees, what is recorded, whether each reflection
is saved). Widgets render what these announce and forward the leader's intents to them.
"""
