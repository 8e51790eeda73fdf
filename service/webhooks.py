"""Webhooks, push notices (ntfy) and chat messages: the owner told by machines as well as mail.

Threat: server-side request forgery. The owner names a URL and Chorus posts to it from inside
her network. The name is resolved at creation and again before every try, each address is
checked (`service.domain.webhooks.address_refusal`), and the connection goes to an address that
was checked, never to a name resolved a second time. Redirects are never followed: a 3xx is a
failed try. Threat: a slow or dead receiver. Every try runs in a daemon thread with a time-out,
from the background sender, never from the request that caused the event.

Events are queued in the transaction of the change they tell about (`queue_event`), one
delivery per endpoint that asked for the event; the sender builds the body at the first try
and keeps it, so every retry sends the same bytes under the same `webhook-id`. An endpoint
whose delivery fails through every retry (about a day) is paused and the owner told by mail.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import logging
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import settings
from service import notify, signing, text
from service.domain import webhooks as rules
from service.domain.comments import Comment, Status
from service.domain.errors import Refusal, not_found
from service.domain.hints import for_text
from service.domain.webhooks import Event, Format
from service.store import UNAVAILABLE, Store, describe_failure, now
from service.store.outbox import queue_mail
from service.store.webhooks import NTFY, NTFY_FAILED, PAUSED_MAIL, Delivery, Endpoint

log = logging.getLogger("chorus.webhooks")
TIMEOUT = 10  # seconds for one try: connecting, sending and reading the answer's status
RESOLVE_TIMEOUT = 5  # seconds to resolve an endpoint's host name
POLL = 5.0  # seconds between looks for deliveries queued by other workers
MAX_ANSWER = 65536  # bytes of a receiver's answer read (and thrown away)
NTFY_ACTIONS = ("approve", "reject", "spam")

Shape = Callable[[Comment], dict[str, Any]]


# -- the owner's endpoints ------------------------------------------------------------------------


@dataclass(frozen=True)
class Created:
    endpoint: Endpoint
    secret: str  # shown once, here


async def _addresses(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        found = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), RESOLVE_TIMEOUT
        )
    except (OSError, TimeoutError):
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in found))


async def _checked(url: str) -> tuple[str, list[str]]:
    """The addresses `url` may be posted to, or a refusal naming `url` saying why not."""
    scheme, host, port = rules.check_url(url, allow_local=settings.WEBHOOK_ALLOW_LOCAL)
    addresses = await _addresses(host, port)
    why = rules.address_refusal(addresses, scheme, allow_local=settings.WEBHOOK_ALLOW_LOCAL)
    if why is not None:
        raise Refusal("url", "address_refused", why)
    return host, addresses


async def create(store: Store, data: Any) -> Created:
    """Add an endpoint the owner asked for, with a fresh secret."""
    draft = rules.parse_endpoint(data, allow_local=settings.WEBHOOK_ALLOW_LOCAL)
    await _checked(draft.url)
    secret = rules.secret_from(secrets.token_bytes(rules.SECRET_BYTES))
    endpoint = await store.webhooks.add_endpoint(
        draft.url,
        tuple(draft.events),
        draft.format.value,
        secret,
        own_system=draft.own_system,
        include_spam=draft.include_spam,
    )
    return Created(endpoint, secret)


async def endpoints(store: Store) -> list[tuple[Endpoint, list[Delivery]]]:
    """Every endpoint with its latest deliveries, newest first."""
    return [(e, await store.webhooks.recent(e.id)) for e in await store.webhooks.endpoints()]


async def endpoint(store: Store, endpoint_id: int) -> Endpoint:
    found = await store.webhooks.endpoint(endpoint_id)
    if found is None:
        raise not_found("no such webhook endpoint")
    return found


async def delete(store: Store, endpoint_id: int) -> None:
    if not await store.webhooks.delete_endpoint(endpoint_id):
        raise not_found("no such webhook endpoint")


async def resume(store: Store, endpoint_id: int) -> None:
    if not await store.webhooks.resume(endpoint_id):
        raise not_found("no such webhook endpoint")
    wake()


async def send_test(store: Store, endpoint_id: int) -> None:
    """Queue a test event for one endpoint (paused or not: a paused one sends it on resume)."""
    found = await endpoint(store, endpoint_id)
    await store.webhooks.queue(found.id, _new_id(), Event.TEST.value)
    wake()


# -- events, queued in the change's own transaction -----------------------------------------------


def _new_id() -> str:
    return "msg_" + secrets.token_urlsafe(18)


async def queue_event(
    store: Store,
    event: Event,
    comment_id: int,
    status: str,
    extra: dict[str, Any] | None = None,
) -> None:
    """Queue `event` about a comment for every endpoint that wants it, and the ntfy notice.

    Called inside the use case's unit of work, so the event exists exactly when the change does.
    `status` is the comment's status after the change (spam goes only where it is asked for).
    The body is made when it is first sent, from the comment as it is then: a status change
    carries its own status, which a later change (an undo) must not rewrite.
    """
    if event is Event.COMMENT_STATUS_CHANGED:
        extra = {"status": status, **(extra or {})}
    for found in await store.webhooks.endpoints():
        if rules.wants(found.events, found.include_spam, event, status):
            await store.webhooks.queue(found.id, _new_id(), event.value, comment_id, extra)
    if event is Event.COMMENT_CREATED and status == Status.PENDING.value and settings.NTFY_URL:
        await store.webhooks.queue(NTFY, _new_id(), event.value, comment_id, extra)


async def withdrawn(store: Store, found: Comment | None, reason: str) -> None:
    """A comment leaves the testimonials (deleted, erased, consent taken back): say so, but
    only when it was one. Called in the unit of work that removes it; `found` is as it was."""
    if found is not None and found.testimonial:
        extra = {"reason": reason}
        await queue_event(store, Event.TESTIMONIAL_WITHDRAWN, found.id, found.status.value, extra)


async def forget(store: Store, comment_ids: list[int]) -> None:
    """The comments are erased: frozen bodies that wait for a retry lose their words."""
    await store.webhooks.forget_bodies_of(comment_ids)


# -- the sender ---------------------------------------------------------------------------------

_wake: asyncio.Event | None = None


def wake() -> None:
    """Tell this worker's sender that a delivery was just queued."""
    if _wake is not None:
        _wake.set()


@dataclass(frozen=True)
class Outgoing:
    url: str
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class Answer:
    status: int | None
    error: str

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def _data(comment: Comment | None, comment_id: int, extra: dict[str, Any], shape: Shape) -> Any:
    if comment is None:
        return {"id": comment_id, **extra} if comment_id else dict(extra)
    return {**shape(comment), **extra}


def _chat_text(event: str, comment: Comment | None) -> str:
    lang = settings.ADMIN_LANG
    queue = f"{settings.PUBLIC_URL}/admin/"
    if event == Event.TEST.value:
        return text.message(lang, "admin.webhooks.chat_webhook_test", url=queue)
    if comment is None:
        return text.message(lang, "admin.webhooks.chat_other", event=event, url=queue)
    key = event.replace(".", "_")
    return text.message(
        lang,
        f"admin.webhooks.chat_{key}",
        author=comment.author,
        page=comment.page_title or comment.page_key,
        words=rules.first_words(comment.body),
        status=text.message(lang, f"admin.webhooks.status_{comment.status.value}"),
        url=queue,
    )


async def _body(store: Store, delivery: Delivery, found: Endpoint, shape: Shape) -> bytes:
    """The body of a delivery: made at its first try and kept for every retry."""
    if delivery.body is not None:
        return delivery.body.encode()
    comment = await store.comments.get(delivery.comment_id) if delivery.comment_id else None
    shape_of = Format(found.format)
    if shape_of is Format.STANDARD:
        data = _data(comment, delivery.comment_id, delivery.extra, shape)
        if delivery.event == Event.TEST.value:
            data = {"message": text.message(settings.ADMIN_LANG, "admin.webhooks.test_message")}
        body = rules.payload(
            delivery.event, delivery.occurred_at, data, own_system=found.own_system
        )
    else:
        body = rules.chat_body(shape_of, _chat_text(delivery.event, comment))
    await store.webhooks.freeze(delivery.id, body.decode())
    return body


def _signed(found: Endpoint, delivery: Delivery, body: bytes) -> dict[str, str]:
    stamp = int(time.time())  # the time of this try, as the specification says
    return {
        "Content-Type": "application/json",
        "User-Agent": "Chorus-Webhooks/1",
        "webhook-id": delivery.webhook_id,
        "webhook-timestamp": str(stamp),
        "webhook-signature": rules.sign(found.secret, delivery.webhook_id, stamp, body),
    }


def _ntfy_message(comment: Comment) -> tuple[str, dict[str, Any]]:
    """The ntfy JSON publish message for a comment that waits, and the URL to post it to."""
    lang = settings.ADMIN_LANG
    parts = urlsplit(settings.NTFY_URL)
    topic = parts.path.strip("/").split("/")[-1]
    server = f"{parts.scheme}://{parts.netloc}/"
    hints = [h.code for h in for_text(comment.body)]
    state = comment.moderated_at or ""
    if hints:
        look = f"{settings.PUBLIC_URL}/admin/mail/"
        look += signing.mail_link_token(comment.id, comment.created_at, "approve", state)
        actions: list[dict[str, Any]] = [
            {"action": "view", "label": text.message(lang, "admin.webhooks.ntfy_open"), "url": look}
        ]
    else:
        actions = [
            {
                "action": "http",
                "label": text.message(lang, f"mail.owner.action_{action}"),
                "url": f"{settings.PUBLIC_URL}/admin/mail/"
                + signing.mail_link_token(comment.id, comment.created_at, action, state),
                "method": "POST",
                "clear": True,
            }
            for action in NTFY_ACTIONS
        ]
    message = {
        "topic": topic,
        "title": text.message(lang, "mail.owner.subject_pending", author=comment.author),
        "message": rules.first_words(comment.body, 30),
        "tags": hints,
        "click": f"{settings.PUBLIC_URL}/admin/",
        "actions": actions,
    }
    return server, message


async def _outgoing(
    store: Store, delivery: Delivery, shape: Shape
) -> tuple[Outgoing | None, Endpoint | None]:
    """What to send for a delivery; (None, _) when there is nothing left to send."""
    if delivery.endpoint_id == NTFY:
        comment = await store.comments.get(delivery.comment_id)
        if not settings.NTFY_URL or comment is None or comment.status != Status.PENDING:
            return None, None
        url, message = _ntfy_message(comment)
        headers = {"Content-Type": "application/json", "User-Agent": "Chorus-Webhooks/1"}
        token = str(settings.NTFY_TOKEN)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return Outgoing(url, json.dumps(message, ensure_ascii=False).encode(), headers), None
    found = await store.webhooks.endpoint(delivery.endpoint_id)
    if found is None:
        return None, None
    body = await _body(store, delivery, found, shape)
    return Outgoing(found.url, body, _signed(found, delivery, body)), found


def _post(url: str, address: str, body: bytes, headers: dict[str, str]) -> Answer:
    """POST `body` to `url`, connecting to `address` (already checked); never a redirect."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection: http.client.HTTPConnection
    try:
        sock = socket.create_connection((address, port), timeout=TIMEOUT)
        if parts.scheme == "https":
            context = ssl.create_default_context()
            connection = http.client.HTTPSConnection(host, port, timeout=TIMEOUT, context=context)
            connection.sock = context.wrap_socket(sock, server_hostname=host)
        else:
            connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
            connection.sock = sock
        try:
            connection.request("POST", path, body=body, headers=headers)
            answer = connection.getresponse()
            answer.read(MAX_ANSWER)
        finally:
            connection.close()
    except Exception as exc:
        return Answer(None, type(exc).__name__)
    if 300 <= answer.status < 400:
        return Answer(answer.status, "redirect not followed")
    return Answer(answer.status, "" if 200 <= answer.status < 300 else answer.reason[:100])


def _post_in_background(url: str, address: str, body: bytes, headers: dict[str, str]) -> Any:
    """`_post` in a daemon thread: a hanging receiver can never hold up shutdown."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Answer] = loop.create_future()

    def settle(answer: Answer) -> None:
        if not future.done():
            future.set_result(answer)

    def run() -> None:
        answer = _post(url, address, body, headers)
        with contextlib.suppress(RuntimeError):  # the loop may be gone after shutdown
            loop.call_soon_threadsafe(settle, answer)

    threading.Thread(target=run, name="chorus-webhook", daemon=True).start()
    return future


async def _send(outgoing: Outgoing, check: bool) -> Answer:
    """One try: the host resolved and checked again (for an owner's endpoint), then the POST."""
    try:
        if check:
            _host, addresses = await _checked(outgoing.url)
        else:
            parts = urlsplit(outgoing.url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            addresses = await _addresses(parts.hostname or "", port)
            if not addresses:
                return Answer(None, "the host name does not resolve")
    except Refusal as refusal:
        return Answer(None, refusal.message)
    try:
        return await asyncio.wait_for(
            _post_in_background(outgoing.url, addresses[0], outgoing.body, outgoing.headers),
            TIMEOUT * 2,
        )
    except TimeoutError:
        return Answer(None, "timed out")


async def _deliver_one(store: Store, delivery: Delivery, shape: Shape) -> None:
    outgoing, found = await _outgoing(store, delivery, shape)
    if outgoing is None:
        await store.webhooks.drop(delivery.id)
        return
    answer = await _send(outgoing, check=found is not None)
    if answer.ok:
        await store.webhooks.settle(delivery, "delivered", answer.status, "")
        return
    delay = rules.retry_delay(delivery.attempts + 1)
    if delay is not None:
        await store.webhooks.settle(delivery, "waiting", answer.status, answer.error, delay)
        return
    log.warning("webhook delivery %s failed after %d tries", delivery.id, delivery.attempts + 1)

    async def give_up() -> None:
        await store.webhooks.settle(delivery, "failed", answer.status, answer.error)
        if found is not None:
            if await store.webhooks.pause(found.id) and settings.NOTIFY_EMAIL:
                await queue_mail(store.database, PAUSED_MAIL, 0, status=str(found.id))
        elif settings.NOTIFY_EMAIL and await store.webhooks.first_failure(delivery):
            # The ntfy topic has no row to pause: the owner hears once, until a push gets through.
            await queue_mail(store.database, PAUSED_MAIL, 0, status=NTFY_FAILED)

    await store.atomically(give_up)
    notify.wake()


async def deliver_due(store: Store, shape: Shape, at: str | None = None) -> int:
    """Send every delivery due at `at` (now by default), in order per endpoint; how many tried.

    Each round takes the head of every endpoint, so an endpoint's next delivery goes only once
    the one before it is settled.
    """
    tried = 0
    while True:
        claimed = await store.webhooks.claim_due(at or now())
        if not claimed:
            return tried
        unsettled = [d.id for d in claimed]
        try:
            for delivery in claimed:
                await _deliver_one(store, delivery, shape)
                unsettled.remove(delivery.id)
                tried += 1
        finally:
            if unsettled:
                with contextlib.suppress(*UNAVAILABLE):
                    await store.webhooks.release(unsettled)


async def deliver(store: Store, shape: Shape) -> None:
    """Run until cancelled: send the due deliveries, woken by new ones, else every POLL s."""
    global _wake
    _wake = asyncio.Event()
    while True:
        _wake.clear()
        try:
            await deliver_due(store, shape)
        except asyncio.CancelledError:
            raise
        except UNAVAILABLE as exc:
            log.warning("webhook deliveries not read: %s", describe_failure(exc))
        except Exception as exc:
            log.error("webhook sender: %s", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(_wake.wait(), POLL)
