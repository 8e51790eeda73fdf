"""Who is asking: the client's address and the keyed hash the limits and the store use.

Threat: evasion by forged forwarding headers. `X-Forwarded-For` is believed only when the direct
peer is one of TRUSTED_PROXIES. IPv6 clients are keyed by their /64, since one household or VM
owns the whole block. Raw addresses are never stored: the database sees only a keyed hash.
"""

from __future__ import annotations

import ipaddress

from starlette.requests import HTTPConnection

import settings
from service import signing


def client_ip(request: HTTPConnection) -> str:
    """The client's address, taking the forwarding header only from a trusted proxy."""
    peer = request.client.host if request.client else ""
    if peer in settings.TRUSTED_PROXIES:
        forwarded = request.headers.get("x-forwarded-for", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        # The last hop not added by one of our own proxies is the real client.
        for hop in reversed(hops):
            if hop not in settings.TRUSTED_PROXIES:
                return hop
    return peer


def client_key(request: HTTPConnection) -> str:
    """A keyed hash of the client's address (IPv6 by /64), safe to store."""
    raw = client_ip(request)
    try:
        address = ipaddress.ip_address(raw)
        if address.version == 6:
            raw = str(ipaddress.ip_network(f"{raw}/64", strict=False))
    except ValueError:
        pass
    return signing.digest(raw, "client")[:32]
