"""The aiohttp application: routes, the security headers, and how each refusal is answered.

GET /            the join page, or (with a valid device cookie) the open question, the waiting
                 page or "Sessionen är slut"
POST /join       the room code: a device cookie and back to /, or the join page again (wrong
                 code), 429 after too many wrong codes from one address
POST /answer     an answer: "Skickat" once committed, 503 when it could not be
GET /static/phone.css

Refusals: a body over 4 KB 413, a body that is not UTF-8 400, a missing or forged device cookie
or CSRF token 403, too many answers from one device 429, a Host the server does not serve 421.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import parse_qs

from aiohttp import web

from facilitator.core.application.phone_room import AnswerPost, Join, PhoneRoom, Sent
from facilitator.core.i18n import N_
from facilitator.core.phones.credentials import new_nonce
from facilitator.core.phones.limits import MAX_REQUEST_BYTES
from facilitator.phones_web import pages
from facilitator.phones_web.pages import Catalogues, Context, FormKeys

log = logging.getLogger(__name__)

COOKIE = "facilitator_phone"
STATIC = Path(__file__).resolve().with_name("static")
COMMIT_TIMEOUT_S = 10.0
"""How long a phone waits for its answer to be committed before it is told to try again: long
enough to ride out a checkpoint or a short lock, short enough that a person is not left
wondering."""
_MAX_FIELDS = 40

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}

ROOM: web.AppKey[PhoneRoom] = web.AppKey("room", PhoneRoom)
CATALOGUES: web.AppKey[Catalogues] = web.AppKey("catalogues", Catalogues)
HOSTS: web.AppKey[set[str]] = web.AppKey("hosts", set)
TIMEOUT: web.AppKey[float] = web.AppKey("timeout", float)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_app(
    room: PhoneRoom,
    catalogues: Catalogues,
    hosts: set[str],
    commit_timeout: float = COMMIT_TIMEOUT_S,
) -> web.Application:
    """``hosts`` are the Host headers served ("192.168.1.23:8765"): a page fetched under any
    other name (DNS rebinding from a web page the phone has open) is refused."""
    app = web.Application(client_max_size=MAX_REQUEST_BYTES, middlewares=[_headers, _known_host])
    app[ROOM] = room
    app[CATALOGUES] = catalogues
    app[HOSTS] = hosts
    app[TIMEOUT] = commit_timeout
    app.router.add_get("/", _home)
    app.router.add_post("/join", _join)
    app.router.add_post("/answer", _answer)
    app.router.add_get("/state", _state)
    app.router.add_get("/static/phone.css", _stylesheet)
    app.router.add_get("/static/phone.js", _script)
    return app


# --- middleware ------------------------------------------------------------------------------


@web.middleware
async def _headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as refusal:
        refusal.headers.update(SECURITY_HEADERS)
        raise
    response.headers.update(SECURITY_HEADERS)
    return response


@web.middleware
async def _known_host(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.host not in request.app[HOSTS]:
        return web.Response(status=421, text="Misdirected Request")
    return await handler(request)


# --- pages -----------------------------------------------------------------------------------


def _context(request: web.Request) -> Context:
    language = pages.pick_language(
        request.query.get("lang"), request.headers.get("Accept-Language")
    )
    return Context(language, request.app[CATALOGUES].for_language(language))


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def _device(request: web.Request) -> str | None:
    cookie = request.cookies.get(COOKIE)
    return cookie if request.app[ROOM].keys.device_valid(cookie) else None


def _form_keys(room: PhoneRoom, cookie: str, version: str, nonce: str | None = None) -> FormKeys:
    return FormKeys(room.keys.csrf_for(cookie), nonce or new_nonce(), version)


async def _home(request: web.Request) -> web.StreamResponse:
    ctx = _context(request)
    room = request.app[ROOM]
    view = room.view()
    if view.ended:
        return _html(pages.ended_page(ctx))
    cookie = _device(request)
    if cookie is None:
        response = _html(pages.join_page(ctx))
        if COOKIE in request.cookies:
            # From an earlier session (or made up): worthless here, so let it go.
            response.del_cookie(COOKIE, path="/")
        return response
    if view.question is None:
        return _html(pages.waiting_page(ctx))
    keys = _form_keys(room, cookie, view.question.version)
    return _html(pages.question_page(ctx, view.question, keys))


async def _form(request: web.Request) -> dict[str, list[str]]:
    """The urlencoded body, strictly UTF-8: anything else is refused, not guessed at. The
    size limit is aiohttp's (``client_max_size``): reading more raises 413."""
    if request.content_type != "application/x-www-form-urlencoded":
        raise web.HTTPUnsupportedMediaType()
    body = await request.read()
    try:
        return parse_qs(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            encoding="utf-8",
            errors="strict",
            max_num_fields=_MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as error:
        raise web.HTTPBadRequest(text="Bad request") from error


def _one(form: dict[str, list[str]], name: str) -> str:
    values = form.get(name)
    return values[0] if values else ""


async def _join(request: web.Request) -> web.StreamResponse:
    ctx = _context(request)
    room = request.app[ROOM]
    client = request.remote or "?"
    form = await _form(request)
    outcome = room.join(client, _one(form, "code"))
    if outcome is Join.ENDED:
        return _html(pages.ended_page(ctx))
    if outcome is Join.TOO_MANY:
        wait = room.retry_after(client)
        page = pages.message_page(
            ctx,
            ctx.tr(N_("För många försök")),
            ctx.tr(N_("Vänta en minut och försök sedan igen med koden från skärmen.")),
        )
        response = _html(page, status=429)
        response.headers["Retry-After"] = str(wait)
        return response
    if outcome is Join.WRONG:
        wrong = ctx.tr(N_("Koden stämmer inte. Titta på skärmen och försök igen."))
        page = pages.join_page(ctx, wrong)
        return _html(page, status=403)
    response = web.Response(status=303, headers={"Location": ctx.href("/")})
    existing = _device(request)
    response.set_cookie(
        COOKIE,
        existing or room.keys.issue_device(),
        path="/",
        httponly=True,
        samesite="Strict",
    )
    return response


async def _answer(request: web.Request) -> web.StreamResponse:
    ctx = _context(request)
    room = request.app[ROOM]
    form = await _form(request)
    cookie = _device(request)
    if cookie is None or not room.keys.csrf_valid(cookie, _one(form, "csrf")):
        return _html(
            pages.message_page(
                ctx,
                ctx.tr(N_("Sidan är för gammal")),
                ctx.tr(N_("Öppna sidan igen och skriv koden från skärmen.")),
            ),
            status=403,
        )
    choices, raw_choices = _choices(form)
    text = _one(form, "answer")
    post = AnswerPost(cookie, _one(form, "nonce")[:64], _one(form, "q"), text, choices)
    if not post.nonce:
        raise web.HTTPBadRequest(text="Bad request")
    future = room.submit(post)
    try:
        sent = await asyncio.wait_for(asyncio.wrap_future(future), request.app[TIMEOUT])
    except TimeoutError:
        # Cancelled with the wait: a write still queued behind a locked disk is dropped.
        sent = Sent.FAILED
    return _reply(ctx, room, cookie, post, sent, raw_choices)


def _choices(form: dict[str, list[str]]) -> tuple[dict[str, int], dict[str, str]]:
    """The evaluation form's radio groups: ``keyN`` names item N, ``itemN`` its choice."""
    chosen: dict[str, int] = {}
    raw: dict[str, str] = {}
    for name, values in form.items():
        if not name.startswith("item"):
            continue
        number = name.removeprefix("item")
        key = _one(form, f"key{number}")
        if not number.isdigit() or not key or not values[0].isdigit() or len(values[0]) > 2:
            raise web.HTTPBadRequest(text="Bad request")
        chosen[key] = int(values[0])
        raw[name] = values[0]
        raw[f"key{number}"] = key
    return chosen, raw


def _reply(
    ctx: Context,
    room: PhoneRoom,
    cookie: str,
    post: AnswerPost,
    sent: Sent,
    raw_choices: dict[str, str],
) -> web.Response:
    tr = ctx.tr
    if sent is Sent.STORED:
        return _html(pages.sent_page(ctx, post.version))
    if sent is Sent.ENDED:
        return _html(pages.ended_page(ctx), status=410)
    if sent is Sent.FAILED:
        keys = _form_keys(room, cookie, post.version, post.nonce)
        return _html(pages.failed_page(ctx, keys, post.text, raw_choices), status=503)
    if sent is Sent.TOO_MANY:
        return _html(
            pages.message_page(
                ctx,
                tr(N_("För många svar")),
                tr(N_("Du har skickat många svar på kort tid. Vänta en minut och skicka igen.")),
            ),
            status=429,
        )
    question = room.view().question
    if sent is Sent.STALE or question is None:
        if question is None:
            return _html(pages.waiting_page(ctx), status=409)
        keys = _form_keys(room, cookie, question.version)
        problem = tr(N_("Frågan hann bytas. Här är den som gäller nu."))
        return _html(pages.question_page(ctx, question, keys, problem), status=409)
    problem = {
        Sent.EMPTY: tr(N_("Skriv ett svar eller välj ett alternativ innan du skickar.")),
        Sent.TOO_LONG: tr(N_("Svaret är för långt. Korta det och skicka igen.")),
        Sent.NOT_AN_OPTION: tr(N_("Välj ett av alternativen.")),
    }[sent]
    keys = _form_keys(room, cookie, question.version, post.nonce)
    return _html(pages.question_page(ctx, question, keys, problem, post.text), status=400)


async def _state(request: web.Request) -> web.StreamResponse:
    """What the page's script asks every few seconds: the question open now ("" for none)
    and whether the session is over. Only to a phone that joined (it names the step)."""
    view = request.app[ROOM].view()
    if view.ended:
        return web.json_response({"q": "", "ended": True})
    if _device(request) is None:
        raise web.HTTPForbidden(text="Forbidden")
    version = view.question.version if view.question is not None else ""
    return web.json_response({"q": version, "ended": False})


async def _script(_request: web.Request) -> web.StreamResponse:
    return web.Response(
        body=(STATIC / "phone.js").read_bytes(), content_type="text/javascript", charset="utf-8"
    )


async def _stylesheet(_request: web.Request) -> web.StreamResponse:
    return web.Response(
        body=(STATIC / "phone.css").read_bytes(), content_type="text/css", charset="utf-8"
    )
