"""The participants' web pages on the room's own network (issue 20): an aiohttp server on its
own thread and asyncio loop, never the GUI's, serving one session's ``PhoneRoom``.

No Qt here (import-linter: this package imports neither PySide6, vlc nor facilitator.ui, and
facilitator.core never imports it). Start with ``PhoneServer``; see docs/decisions/0016 and
0017 for the library, the threading and the address it listens on."""
