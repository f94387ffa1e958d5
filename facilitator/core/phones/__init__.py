"""The rules of answering from a phone, free of any server: room codes, device tokens, CSRF,
limits, rate limits, the question now open and the moderation states (issue 20).

Everything here is pure and takes its time from an injected ``Clock``; the application service
(``core/application/phone_room.py``) and the web server (``facilitator/phones_web``) use it."""
