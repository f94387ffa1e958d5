"""The participants' pages as plain HTML: one small local stylesheet, forms that POST, and
one small local script that only saves a tap on "Uppdatera" (everything works without it). Every text that comes from a module or a person is escaped (``html.escape``): shown as
text, never interpreted as markup.

The page speaks the participant's language, not the leader's: Swedish, or English when asked
(``?lang=en`` or the phone's Accept-Language). The strings are Swedish msgids marked with
``N_`` and translated per request from the app's catalogues."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from facilitator.core.i18n import DOMAIN, N_, SOURCE_LANGUAGE
from facilitator.core.phones.limits import MAX_ANSWER_CHARS
from facilitator.core.phones.question import PhoneQuestion

LANGUAGES = ("sv", "en")

Translate = Callable[[str], str]


def pick_language(asked: str | None, accept_language: str | None) -> str:
    """``?lang=`` first, then the first language the phone accepts that we have."""
    if asked in LANGUAGES:
        return asked
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


class Catalogues:
    """One translator per language, loaded once (the server thread only reads them)."""

    def __init__(self, locale_dir: Path | None) -> None:
        self._translators: dict[str, Translate] = {SOURCE_LANGUAGE: lambda message: message}
        for language in LANGUAGES:
            if language == SOURCE_LANGUAGE or locale_dir is None:
                continue
            found = gettext.translation(
                DOMAIN, localedir=str(locale_dir), languages=[language], fallback=True
            )
            self._translators[language] = found.gettext

    def for_language(self, language: str) -> Translate:
        return self._translators.get(language, self._translators[SOURCE_LANGUAGE])


@dataclass(frozen=True)
class Context:
    language: str
    tr: Translate

    def href(self, path: str) -> str:
        """A link that keeps the chosen language."""
        if self.language == SOURCE_LANGUAGE:
            return path
        return f"{path}?{urlencode({'lang': self.language})}"


def _page(ctx: Context, title: str, body: str, follow: str | None = None) -> str:
    """``follow``: the question this page shows ("" for none): with JavaScript on, the page
    moves on by itself when the leader's screen does (static/phone.js); None: it stays."""
    other = "en" if ctx.language == SOURCE_LANGUAGE else "sv"
    # Each in its own language: the link is for someone who cannot read this page's.
    switch = "In English" if other == "en" else "På svenska"
    script, following = "", ""
    if follow is not None:
        script = '<script src="/static/phone.js" defer></script>\n'
        following = f' data-follow="{escape(follow)}" data-home="{escape(ctx.href("/"))}"'
    return (
        "<!doctype html>\n"
        f'<html lang="{ctx.language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="/static/phone.css">\n'
        f"{script}</head>\n<body{following}>\n"
        f"<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n"
        f'<footer><p><a class="quiet" href="/?lang={other}" lang="{other}" hreflang="{other}">'
        f"{escape(switch)}</a></p></footer>\n</body>\n</html>\n"
    )


def join_page(ctx: Context, problem: str | None = None) -> str:
    tr = ctx.tr
    note = f'<p class="problem" role="alert">{escape(problem)}</p>\n' if problem else ""
    invalid = ' aria-invalid="true"' if problem else ""
    action = escape(ctx.href("/join"))
    intro = escape(tr(N_("Skriv koden som visas på skärmen i rummet.")))
    label = escape(tr(N_("Rumskod")))
    join = escape(tr(N_("Gå med")))
    body = (
        f"<p>{intro}</p>\n{note}"
        f'<form method="post" action="{action}">\n'
        f'<label for="code">{label}</label>\n'
        '<input type="text" id="code" name="code" inputmode="numeric" '
        f'autocomplete="off" maxlength="12" required{invalid}>\n'
        f'<button type="submit">{join}</button>\n</form>'
    )
    return _page(ctx, tr(N_("Gå med i samtalet")), body)


@dataclass(frozen=True)
class FormKeys:
    """The hidden fields of an answer form: this device's CSRF token, the form's own nonce
    (a post sent twice is stored once) and the question it was shown for."""

    csrf: str
    nonce: str
    version: str

    def hidden(self) -> str:
        return "".join(
            f'<input type="hidden" name="{name}" value="{escape(value)}">\n'
            for name, value in (("csrf", self.csrf), ("nonce", self.nonce), ("q", self.version))
        )


def question_page(
    ctx: Context,
    question: PhoneQuestion,
    keys: FormKeys,
    problem: str | None = None,
    text: str = "",
) -> str:
    tr = ctx.tr
    note = f'<p class="problem" role="alert">{escape(problem)}</p>\n' if problem else ""
    action = escape(ctx.href("/answer"))
    form = f'<form method="post" action="{action}">\n{keys.hidden()}'
    if question.free_text:
        limit = tr(
            N_(
                "Högst {limit} tecken. Svaret visas inte för någon förrän samtalsledaren "
                "godkänt det, och då utan namn."
            )
        ).format(limit=MAX_ANSWER_CHARS)
        body = (
            f"{note}{form}"
            f'<label for="answer">{escape(question.text)}</label>\n'
            f'<p class="note" id="answer-help">{escape(limit)}</p>\n'
            f'<textarea id="answer" name="answer" maxlength="{MAX_ANSWER_CHARS}" rows="5" '
            f'aria-describedby="answer-help" required>{escape(text)}</textarea>\n'
        )
    else:
        items = []
        for number, item in enumerate(question.items):
            options = "".join(
                f'<label class="option"><input type="radio" name="item{number}" '
                f'value="{index}"> {escape(option)}</label>\n'
                for index, option in enumerate(item.options)
            )
            items.append(
                f'<input type="hidden" name="key{number}" value="{escape(item.key)}">\n'
                f"<fieldset>\n<legend>{escape(item.text)}</legend>\n{options}</fieldset>\n"
            )
        body = f"{note}<p>{escape(question.text)}</p>\n{form}{''.join(items)}"
    send = escape(tr(N_("Skicka")))
    body += f'<button type="submit">{send}</button>\n</form>\n'
    body += _refresh_link(ctx)
    return _page(ctx, tr(N_("Din fråga")), body, follow=question.version)


def _refresh_link(ctx: Context) -> str:
    home = escape(ctx.href("/"))
    refresh = escape(ctx.tr(N_("Uppdatera")))
    return f'<p><a class="quiet" href="{home}">{refresh}</a></p>\n'


def sent_page(ctx: Context, version: str | None = None) -> str:
    """``version``: the question answered; the page moves on when the screen does."""
    tr = ctx.tr
    saved = escape(tr(N_("Ditt svar är sparat.")))
    back = escape(tr(N_("Tillbaka till frågan")))
    home = escape(ctx.href("/"))
    body = f'<p role="status">{saved}</p>\n<p><a class="button" href="{home}">{back}</a></p>\n'
    return _page(ctx, tr(N_("Skickat")), body, follow=version)


def waiting_page(ctx: Context) -> str:
    tr = ctx.tr
    wait = escape(tr(N_("När det finns en fråga att svara på syns den här.")))
    body = f"<p>{wait}</p>\n" + _refresh_link(ctx)
    return _page(ctx, tr(N_("Ingen fråga just nu – vänta på samtalsledaren")), body, follow="")


def ended_page(ctx: Context) -> str:
    tr = ctx.tr
    thanks = escape(tr(N_("Tack för dina svar. Du kan stänga sidan.")))
    body = f"<p>{thanks}</p>\n"
    return _page(ctx, tr(N_("Sessionen är slut")), body)


def failed_page(ctx: Context, keys: FormKeys | None, text: str, choices: dict[str, str]) -> str:
    """Not stored: the same answer, ready to send again with the same nonce (so a send that
    did land after all is still stored only once)."""
    tr = ctx.tr
    not_saved = escape(tr(N_("Ditt svar är inte sparat.")))
    body = f'<p class="problem" role="alert">{not_saved}</p>\n'
    if keys is not None:
        fields = "".join(
            f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">\n'
            for name, value in choices.items()
        )
        if text:
            fields += f'<input type="hidden" name="answer" value="{escape(text)}">\n'
        action = escape(ctx.href("/answer"))
        again = escape(tr(N_("Försök igen")))
        body += (
            f'<form method="post" action="{action}">\n{keys.hidden()}{fields}'
            f'<button type="submit">{again}</button>\n</form>\n'
        )
    return _page(ctx, tr(N_("Det gick inte att skicka – försök igen")), body)


def message_page(ctx: Context, title: str, message: str) -> str:
    """A refusal in plain words (too many tries, a form that is no longer valid)."""
    body = f'<p role="alert">{escape(message)}</p>\n' + _refresh_link(ctx)
    return _page(ctx, title, body)
