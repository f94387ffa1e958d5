"""Which address the phones reach the laptop on (docs/decisions/0017-phone-network.md).

The server listens on one address, the one the room can reach: the laptop's address on the
network its default route uses (the meeting room's Wi-Fi, or its own hotspot), found without
sending a packet. Never 0.0.0.0 by default: that would also answer on every other network the
laptop is on (a cable to the municipality's office network, a VPN)."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
from collections.abc import Iterable, Mapping

PREFERRED_PORT = 8765
"""Fixed, so the short address on the projector stays the same session after session."""
PORT_TRIES = 10
LOOPBACK = "127.0.0.1"


def _route_source() -> str | None:
    """The source address the system would use towards an outside address: connecting a UDP
    socket picks a route and an address but sends nothing."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        address: str = probe.getsockname()[0]
        return address
    return None


def _host_addresses() -> list[str]:
    with contextlib.suppress(OSError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        return [str(info[4][0]) for info in infos]
    return []


def choose_address(candidates: Iterable[str]) -> str | None:
    """The first private (RFC 1918) IPv4 address among ``candidates``: a room's Wi-Fi or a
    hotspot gives one; a public or loopback address is not what a phone in the room uses."""
    for candidate in candidates:
        with contextlib.suppress(ValueError):
            address = ipaddress.IPv4Address(candidate)
            if address.is_private and not address.is_loopback and not address.is_link_local:
                return candidate
    return None


def lan_address() -> str | None:
    """The laptop's address on the room's network, the default route's first; None when it
    is on no local network at all (then there is nothing for a phone to reach)."""
    return choose_address([a for a in (_route_source(), *_host_addresses()) if a])


ADDRESS_VARIABLE = "FACILITATOR_PHONES_ADDRESS"
"""Set to an address of the laptop's to listen on that one instead (an IT department's
choice of network, or 127.0.0.1 to try the phones on the laptop itself)."""


def listening_address(environ: Mapping[str, str] = os.environ) -> str | None:
    """Where the phones' server listens: ``FACILITATOR_PHONES_ADDRESS`` when set, else the
    room's network (``lan_address``)."""
    chosen = environ.get(ADDRESS_VARIABLE, "").strip()
    return chosen or lan_address()
