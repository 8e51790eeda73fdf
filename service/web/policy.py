"""The review policy (`/reviews/policy`): what Chorus really does with stories, from the settings.

EU law (UCPD art. 7(6), as amended by the Omnibus directive) asks a business that shows reviews
to say whether and how it checks them; the ACM asks the same of testimonials. A hand-written page
drifts from what the software does, so this one is written from the live settings: each sentence
is true by construction. Its version is a hash of the generated text (the figures of the day left
out), and its date is when that version was first served, so the date moves exactly when a
setting it describes changes. The owner may add a paragraph of her own after the generated
parts; she cannot take them away.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

import settings
from service import readers, text
from service.domain.honesty import Summary
from service.web.http import store_of
from service.web.reader_pages import HEADERS, day, templates
from service.web.reader_text import page_language

# The wording the version hashes, in this order: Dutch and English, as the policy was first
# versioned. A translation says the same; adding one must not move the version and its date.
VERSIONED = ("nl", "en")


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...] = ()  # a list after the paragraphs


def _contact(lang: str) -> str:
    """Where a report can go without the form: the owner's mail, else the site itself."""
    if settings.NOTIFY_EMAIL:
        return settings.NOTIFY_EMAIL
    return settings.SITE_URL or text.message(lang, "policy.the_website")


def sections(lang: str, imported: bool) -> list[Section]:
    """The generated policy, from the settings (and whether comments were ever imported); its
    words are the catalogs' `policy.*` (service/text)."""

    def say(key: str, **values: object) -> str:
        return text.message(lang, "policy." + key, **values)

    site, owner = settings.SITE_NAME, settings.OWNER_NAME
    collect = f"{settings.PUBLIC_URL}{'/tell' if lang == 'en' else '/vertel'}"
    who = [
        say("who.anyone", site=site, owner=owner),
        say("who.invited", owner=owner, days=settings.INVITE_DAYS),
        say("who.collected", url=collect),
        say("who.unchecked", site=site),
    ]
    if imported:
        who.append(say("who.imported"))
    rated = (
        [say("stars.equal"), say("stars.average", least=settings.TESTIMONIAL_MIN_COUNT)]
        if settings.RATINGS
        else [say("stars.none")]
    )
    refused = ("privacy", "spam", "off_topic", "unlawful", "health")
    return [
        Section(say("who.heading"), tuple(who)),
        Section(
            say("checked.heading"),
            (say("checked." + settings.MODERATION), say("checked.spam", owner=owner)),
        ),
        Section(
            say("refused.heading"),
            (say("refused.intro"),),
            tuple(say("refused." + reason) for reason in refused),
        ),
        Section(
            say("verified.heading"),
            (say("verified.how", owner=owner, site=site), say("verified.not")),
        ),
        Section(say("stars.heading"), tuple(rated)),
        Section(
            say("report.heading"),
            (say("report.how", owner=owner, contact=_contact(lang)), say("report.reasons")),
        ),
        Section(say("consent.heading"), (say("consent.how"),)),
    ]


def extra_section(lang: str) -> Section | None:
    """The owner's own paragraph, after the generated ones (plain text; the template escapes)."""
    if not settings.REVIEW_POLICY_EXTRA:
        return None
    heading = text.message(lang, "policy.extra.heading", owner=settings.OWNER_NAME)
    return Section(heading, (settings.REVIEW_POLICY_EXTRA,))


def version_of(imported: bool) -> str:
    """A short hash of everything the policy says in Dutch and English, figures of the day
    apart."""
    digest = hashlib.sha256()
    for lang in VERSIONED:
        shown = [*sections(lang, imported), extra_section(lang)]
        for section in filter(None, shown):
            digest.update(section.heading.encode() + b"\0")
            for paragraph in (*section.paragraphs, *section.items):
                digest.update(paragraph.encode() + b"\0")
    return digest.hexdigest()[:12]


def figures(summary: Summary, lang: str) -> str:
    """Today's numbers, as a list of counts (no plural to get wrong): left out of the version."""
    counts = text.message(
        lang,
        "policy.figures.counts",
        received=summary.received,
        published=summary.published,
        privacy=summary.not_published_privacy,
        spam=summary.spam,
    )
    if not settings.RATINGS:
        return counts
    average = summary.rating_average(settings.TESTIMONIAL_MIN_COUNT)
    n, least = summary.rating_count, settings.TESTIMONIAL_MIN_COUNT
    if average is None:
        return text.message(lang, "policy.figures.not_yet", counts=counts, n=n, least=least)
    return text.message(
        lang, "policy.figures.average", counts=counts, n=n, average=text.number(lang, average, 1)
    )


async def review_policy(request: Request) -> Response:
    """The review policy page: in the language `?lang=` names, else the browser's, else Dutch."""
    lang = page_language(request)
    store = store_of(request)
    summary = await readers.testimonial_summary(store)
    imported = summary.imported > 0
    version = version_of(imported)
    since = await readers.policy_since(store, version)
    shown = [*sections(lang, imported), extra_section(lang)]
    words = {key: text.message(lang, f"policy.{key}") for key in ("title", "figures", "version")}
    context = {
        "lang": lang,
        "t": words,
        "title": "title",
        "sections": [s for s in shown if s is not None],
        "figures": figures(summary, lang),
        "version_line": words["version"].format(version=version, date=day(since, lang)),
        "version": version,
        "since": since,
    }
    response = templates.TemplateResponse(request, "reader/policy.html", context)
    response.headers.update(HEADERS)
    return response


routes: list[BaseRoute] = [
    Route("/reviews/policy", review_policy, methods=["GET"], name="review_policy"),
]
