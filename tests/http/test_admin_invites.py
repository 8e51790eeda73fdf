"""The moderation page's Invite tab, without JavaScript: invite one client or many, copy a link,
withdraw one; the verified-client badge in the queue; and the collection page's QR code, as SVG
and as PNG, read back by a real decoder (zxing-cpp) as a phone's camera would."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
import zxingcpp
from starlette.testclient import TestClient

import settings
from tests.http.test_admin import login, owner_password  # noqa: F401  (the password fixture)
from tests.http.test_invites import invite
from tests.http.test_story_page import path_of, send


def _csrf(page: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
    assert match
    return match.group(1)


def _tab(client: TestClient, **params: str) -> str:
    page = client.get("/admin/invites", params=params)
    assert page.status_code == 200
    return page.text


def test_the_queue_leads_to_the_invite_tab(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    assert 'href="/admin/invites">Uitnodigen</a>' in sqlite_client.get("/admin/").text
    page = _tab(sqlite_client)
    assert 'aria-current="page">Uitnodigen' in page
    assert "/vertel" in page and "/tell" in page


def test_inviting_one_client_shows_the_link_to_copy(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    csrf = _csrf(_tab(sqlite_client))
    made = sqlite_client.post(
        "/admin/invites",
        data={"csrf": csrf, "name": "Joost", "email": "", "lang": "nl"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    page = sqlite_client.get(made.headers["location"]).text
    link = re.search(r'id="made-link" class="copy-link" readonly value="([^"]+)"', page)
    assert link and link.group(1).startswith(f"{settings.PUBLIC_URL}/s/")
    assert sqlite_client.get(link.group(1).removeprefix(settings.PUBLIC_URL)).status_code == 200
    assert "Joost" in page and "geopend" in _tab(sqlite_client)


def test_a_form_without_its_csrf_token_changes_nothing(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    answer = sqlite_client.post("/admin/invites", data={"name": "Joost"})
    assert answer.status_code == 403
    assert "Nog geen uitnodigingen." in _tab(sqlite_client)


def test_pasting_many_addresses_reports_the_counts(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    csrf = _csrf(_tab(sqlite_client))
    pasted = "anna@example.nl\nbram@example.nl\nkapot\nanna@example.nl"
    answer = sqlite_client.post(
        "/admin/invites/batch", data={"csrf": csrf, "emails": pasted, "lang": "en"}
    )
    assert answer.status_code == 200
    assert "2 uitgenodigd; geweigerd: 1 ongeldig adres, 1 al uitgenodigd." in answer.text
    assert answer.text.count('data-invite-status="created"') == 2


def test_withdrawing_from_the_tab_ends_the_link(sqlite_client: TestClient) -> None:
    made = invite(sqlite_client, name="Joost")
    login(sqlite_client)
    csrf = _csrf(_tab(sqlite_client))
    answer = sqlite_client.post(f"/admin/invites/{made['id']}/withdraw", data={"csrf": csrf})
    assert answer.status_code == 200
    assert "De uitnodiging is ingetrokken" in answer.text
    assert 'data-invite-status="withdrawn"' in answer.text
    assert sqlite_client.get(path_of(made)).status_code == 410


def test_an_invited_story_carries_the_verified_client_badge(sqlite_client: TestClient) -> None:
    made = invite(sqlite_client)
    assert send(sqlite_client, path_of(made)).status_code == 200
    assert send(sqlite_client, "/tell", body="Another story, from the desk.").status_code == 200
    login(sqlite_client)
    queue = sqlite_client.get("/admin/").text
    assert queue.count("data-verified") == 1
    year = made["created_at"][:4]  # the invitation's day, in the owner's time zone and words
    assert re.search(rf"Geverifieerde cliënt \(uitgenodigd op \d+ \w+ {year}\)", queue)
    assert 'data-source="collect"' in queue


# -- the QR code --------------------------------------------------------------------------------


def _png_pixels(png: bytes) -> tuple[bytes, int, int]:
    """A greyscale PNG (as segno writes it: 1 or 8 bits, no interlace) as 8-bit grey rows."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    position, header, data = 8, b"", b""
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        chunk = png[position + 8 : position + 8 + length]
        header = chunk if kind == b"IHDR" else header
        data += chunk if kind == b"IDAT" else b""
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert colour == 0 and depth in (1, 8) and interlace == 0, (colour, depth)
    raw = zlib.decompress(data)
    stride = (width * depth + 7) // 8
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - 1] if x else 0
            up, corner = previous[x], previous[x - 1] if x else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - left), left),
                    (abs(guess - up), up),
                    (abs(guess - corner), corner),
                    key=lambda p: p[0],
                )
                line[x] = (line[x] + near[1]) & 255
        rows.append(bytes(line))
        previous = line
    if depth == 8:
        return b"".join(rows), width, height
    grey = bytearray()
    for row in rows:
        grey += bytes(255 if row[x // 8] >> (7 - x % 8) & 1 else 0 for x in range(width))
    return bytes(grey), width, height


def _decoded_png(png: bytes) -> list[str]:
    pixels, width, height = _png_pixels(png)
    view = zxingcpp.ImageView(pixels, width, height, zxingcpp.ImageFormat.Lum)
    return [code.text for code in zxingcpp.read_barcodes(view) if code.valid]


@pytest.mark.parametrize(("lang", "path"), [("nl", "/vertel"), ("en", "/tell")])
def test_the_qr_code_png_leads_to_the_collection_page(
    sqlite_client: TestClient, lang: str, path: str
) -> None:
    login(sqlite_client)
    answer = sqlite_client.get("/admin/invites/qr.png", params={"lang": lang})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/png"
    assert "attachment" in answer.headers["content-disposition"]
    assert _decoded_png(answer.content) == [f"{settings.PUBLIC_URL}{path}"]
    assert sqlite_client.get(path).status_code == 200


def test_the_qr_code_svg_is_the_same_code_ready_to_print(sqlite_client: TestClient) -> None:
    login(sqlite_client)
    answer = sqlite_client.get("/admin/invites/qr.svg", params={"lang": "nl"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in answer.headers["content-disposition"]
    assert answer.text.startswith("<?xml") and 'fill="#fff"' in answer.text  # white, for paper
    # Drawn module by module from its own path, the SVG decodes to the same address.
    assert _decoded_modules(_svg_modules(answer.text)) == [f"{settings.PUBLIC_URL}/vertel"]


def _svg_modules(svg: str) -> list[list[bool]]:
    """The dark modules of segno's SVG: one path of `M`/`m` moves and `h` runs, a module high."""
    width = re.search(r'<svg [^>]*width="(\d+)"', svg)
    scale = re.search(r'transform="scale\((\d+)\)"', svg)
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg)
    assert width and scale and path
    size = int(width.group(1)) // int(scale.group(1))
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            for step in range(int(first)):
                grid[int(y)][int(x) + step] = True
            x += float(first)
    return grid


def _decoded_modules(grid: list[list[bool]], scale: int = 8) -> list[str]:
    size = len(grid)
    pixels = bytes(
        0 if grid[y // scale][x // scale] else 255
        for y in range(size * scale)
        for x in range(size * scale)
    )
    view = zxingcpp.ImageView(pixels, size * scale, size * scale, zxingcpp.ImageFormat.Lum)
    return [code.text for code in zxingcpp.read_barcodes(view) if code.valid]
