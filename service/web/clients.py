"""Who is asking: the client's address and the keyed hash the limits and the store use.

Threat: evasion by forged forwarding headers. `X-Forwarded-For` is believed only when the direct
peer is one of TRUSTED_PROXIES. IPv6 clients are keyed by their /64, since one household or VM
owns the whole block; IPv4 clients seen through a dual-stack socket (`::ffff:a.b.c.d`) are keyed
by their IPv4 address, never as one /64 (`service.domain.abuse.limiter_address`). Raw addresses
are never stored: the database sees only a keyed hash.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection

import settings
from service import signing
from service.domain.abuse import limiter_address, unmapped


def client_ip(request: HTTPConnection) -> str:
    """The client's address, taking the forwarding header only from a trusted proxy."""
    # A proxy on 127.0.0.1 reaches a dual-stack listener as ::ffff:127.0.0.1: the same proxy.
    peer = unmapped(request.client.host) if request.client else ""
    if peer in settings.TRUSTED_PROXIES:
        forwarded = request.headers.get("x-forwarded-for", "")
        hops = [unmapped(h.strip()) for h in forwarded.split(",") if h.strip()]
        # The last hop not added by one of our own proxies is the real client.
        for hop in reversed(hops):
            if hop not in settings.TRUSTED_PROXIES:
                return hop
    return peer


def client_key(request: HTTPConnection) -> str:
    """A keyed hash of the client's address (IPv6 by /64, mapped IPv4 as IPv4), safe to store."""
    return signing.digest(limiter_address(client_ip(request)), "client")[:32]
