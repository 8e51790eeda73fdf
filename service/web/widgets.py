"""The embeddable widgets and the demo site, served by the service itself.

Each widget is served as a minified build of its sources (service/assets.py), at two addresses:
the plain `/widget/comments.js` that owners paste (short cache, revalidated by ETag, so a new
release reaches every site within minutes) and a content-addressed `/widget/comments.<hash>.js`
that may be cached for a year because its content can never change. The demo pages use the
versioned address.

Each address also comes in one language: `/widget/comments.js?lang=nl`, `/widget/comments.nl.js`
or `/widget/comments.nl.<hash>.js` carry only the Dutch words, so a reader downloads no language
the page does not speak. A language Chorus does not speak gets the build with every language, in
which the widget picks the page's language or the fallback, as it does without one.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.templating import Jinja2Templates

import settings
from service import assets, notify, text
from service.web.http import error

WIDGET_DIR = Path(__file__).resolve().parents[2] / "widget"
# pow, send, mine, summary, report: loaded only when needed
WIDGETS = ("comments", "testimonials", "pow", "send", "mine", "summary", "report")
SHORT_CACHE = "public, max-age=300, must-revalidate"  # 5 minutes, then revalidate by ETag
IMMUTABLE = "public, max-age=31536000, immutable"  # one year: the URL changes with the content
# The demo pages load nothing but their own origin; inline styles are the demo's own.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

templates = Jinja2Templates(directory=Path(__file__).resolve().parents[1] / "templates")


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    digest: str  # first 8 hex digits of the SHA-256 of the body
    sources: tuple[Path, ...]  # the widget's script and each file it includes
    mtimes: tuple[float, ...]  # of each of those, when the build was made


_assets: dict[tuple[str, str | None], Asset] = {}


def _mtimes(paths: tuple[Path, ...]) -> tuple[float, ...]:
    return tuple(path.stat().st_mtime for path in paths)


def asset(name: str, lang: str | None = None) -> Asset:
    """The minified build of widget `name` (in `lang` only, when given), made again whenever one
    of its sources changes."""
    lang = lang if lang in text.LANGUAGES else None
    cached = _assets.get((name, lang))
    if cached is None or _mtimes(cached.sources) != cached.mtimes:
        path = WIDGET_DIR / f"{name}.js"
        sources = (path, *assets.included(path))
        mtimes = _mtimes(sources)
        body = assets.build(path, lang)
        digest = hashlib.sha256(body).hexdigest()[:8]
        cached = Asset(body, gzip.compress(body, 9, mtime=0), digest, sources, mtimes)
        _assets[(name, lang)] = cached
    return cached


def widget_url(name: str, lang: str | None = None) -> str:
    """The versioned path of a widget (in `lang` only, when given), for pages that can be
    re-rendered on each release."""
    infix = f"{lang}." if lang in text.LANGUAGES else ""
    return f"/widget/{name}.{infix}{asset(name, lang).digest}.js"


def _javascript(request: Request, item: Asset, cache: str) -> Response:
    gzipped = "gzip" in request.headers.get("accept-encoding", "")
    # Each encoding is a different representation, so each gets its own validator.
    etag = f'"{item.digest}-gz"' if gzipped else f'"{item.digest}"'
    headers = {
        "Cache-Control": cache,
        "ETag": etag,
        "Vary": "Accept-Encoding",
        # Any site may load the script, also one that sets Cross-Origin-Embedder-Policy.
        "Cross-Origin-Resource-Policy": "cross-origin",
        # The solver is imported as a module from the embedding site, which needs CORS.
        "Access-Control-Allow-Origin": "*",
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    body = item.gzipped if gzipped else item.body
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)


async def serve_widget(request: Request) -> Response:
    """A widget's script: `/widget/<name>[.<lang>].js`, or `/widget/<name>[.<lang>].<hash>.js`
    cached for a year; `?lang=` names the language too.

    A stale hash (a page cached from before a release) gets today's file with the short cache, so
    it keeps working and the wrong content is never pinned for a year.
    """
    name, *middle = request.path_params["file"].split(".")
    lang = request.query_params.get("lang")
    if len(middle) > 1 and middle[0] in text.LANGUAGES:
        lang = middle.pop(0)
    if middle[-1:] != ["js"] or name not in WIDGETS or len(middle) > 2:
        return error(404, "not_found", "no such widget")
    middle.pop()
    item = asset(name, lang)
    immutable = middle == [item.digest]
    return _javascript(request, item, IMMUTABLE if immutable else SHORT_CACHE)


# -- the demo site -----------------------------------------------------------------------------

_POSTS = {
    "nl": {"slug": "magnesium-en-slaap", "title": "Magnesium en slaap: wat ik leerde"},
    "en": {"slug": "magnesium-and-sleep", "title": "Magnesium and sleep: what I learned"},
}


def _demo(request: Request, template: str, lang: str) -> Response:
    prefix = "/demo/" if lang == "nl" else "/demo/en/"
    context = {
        "lang": lang,
        "prefix": prefix,
        "other": "/demo/en/" if lang == "nl" else "/demo/",
        "post": _POSTS[lang],
        "post_url": prefix + _POSTS[lang]["slug"],
        "site_name": settings.SITE_NAME,
        "ratings": settings.RATINGS,
        "comments_js": widget_url("comments", lang),
        "testimonials_js": widget_url("testimonials", lang),
        # What a client receives after a treatment (the link here leads to the collection page:
        # a personal link is made only when the owner invites someone).
        "invitation": notify.invite_text(lang, "Joost", f"{settings.PUBLIC_URL}/s/…"),
        "collect": "/vertel" if lang == "nl" else "/tell",
        # ?layout=carousel shows the other layout of the testimonials widget.
        "layout": "carousel" if request.query_params.get("layout") == "carousel" else "grid",
    }
    response = templates.TemplateResponse(request, f"demo/{template}", context)
    response.headers["Content-Security-Policy"] = DEMO_CSP
    response.headers["Cache-Control"] = "no-cache"
    return response


async def demo_home(request: Request) -> Response:
    """The demo blog's homepage, in Dutch, with the testimonials widget."""
    return _demo(request, "home.html", "nl")


async def demo_home_en(request: Request) -> Response:
    return _demo(request, "home.html", "en")


async def demo_post(request: Request) -> Response:
    """The Dutch demo post about magnesium and sleep, with the comments widget under it."""
    return _demo(request, "post.nl.html", "nl")


async def demo_post_en(request: Request) -> Response:
    return _demo(request, "post.en.html", "en")


routes: list[BaseRoute] = [
    Route("/widget/{file}", serve_widget, methods=["GET", "HEAD"], name="serve_widget"),
    Route("/demo/", demo_home, methods=["GET"], name="demo_home"),
    Route("/demo/magnesium-en-slaap", demo_post, methods=["GET"], name="demo_post"),
    Route("/demo/en/", demo_home_en, methods=["GET"], name="demo_home_en"),
    Route("/demo/en/magnesium-and-sleep", demo_post_en, methods=["GET"], name="demo_post_en"),
]
