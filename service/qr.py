"""QR codes (the collection page's, to print; a code app's set-up): the only module importing segno.

A QR code at the desk leads a client to the collection page. segno encodes it (a maintained,
pure-Python encoder of ISO/IEC 18004), so Chorus owns no encoder of its own. Error correction M
(15 % of the code may be smudged or covered) and the standard quiet zone of four modules.
"""

from __future__ import annotations

import io

import segno

SVG_SCALE = 10  # px per module: a clean size to place in a print layout (it is a vector anyway)
PNG_SCALE = 20  # px per module: a code of ~30 modules is ~700 px, sharp at 6 cm and 300 dpi
BORDER = 4  # modules of quiet zone, as the standard asks


def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", boost_error=False)


def svg(url: str) -> bytes:
    """The code for `url` as a standalone SVG document (black on white)."""
    out = io.BytesIO()
    _code(url).save(out, kind="svg", scale=SVG_SCALE, border=BORDER, light="#fff", xmldecl=True)
    return out.getvalue()


def svg_data_uri(text: str) -> str:
    """The code for `text` as an SVG data: URI, for a page whose CSP allows images from data:."""
    return str(segno.make(text, error="m").svg_data_uri(scale=5, border=2))


def png(url: str) -> bytes:
    """The code for `url` as a PNG image (black on white)."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=PNG_SCALE, border=BORDER)
    return out.getvalue()
