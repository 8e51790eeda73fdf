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
from service import readers
from service.domain.honesty import Summary
from service.web.http import store_of
from service.web.reader_pages import HEADERS, day, templates

LANGS = ("nl", "en")


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...] = ()  # a list after the paragraphs


def _number(value: float, lang: str) -> str:
    """4.8 as a reader of `lang` writes it: "4,8" in Dutch."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _contact(lang: str) -> str:
    """Where a report can go without the form: the owner's mail, else the site itself."""
    if settings.NOTIFY_EMAIL:
        return settings.NOTIFY_EMAIL
    return settings.SITE_URL or ("de website" if lang == "nl" else "the website")


def sections(lang: str, imported: bool) -> list[Section]:
    """The generated policy, from the settings (and whether comments were ever imported)."""
    site, owner, least = settings.SITE_NAME, settings.OWNER_NAME, settings.TESTIMONIAL_MIN_COUNT
    contact = _contact(lang)
    if lang == "nl":
        who = [
            f"Iedereen die een blogbericht van {site} leest, kan eronder reageren. Wie daarbij "
            "aanvinkt dat de reactie als aanbeveling getoond mag worden, deelt een ervaring. "
            f"Alleen zulke ervaringen kunnen bij de aanbevelingen komen, en alleen als {owner} "
            "ze daar zelf voor uitkiest.",
            f"{site} controleert niet of de schrijver echt klant is geweest: iedereen kan een "
            "reactie plaatsen. Een verhaal is dus een ervaring van een lezer, geen bewezen "
            "klantbeoordeling.",
        ]
        if imported:
            who.append(
                "Een deel van de reacties is overgezet uit het reactiesysteem dat de site "
                "eerder gebruikte; die staan er zoals ze toen geplaatst zijn."
            )
        checked = {
            "all": "Elke reactie wordt door een mens gelezen voordat ze verschijnt. Tot die tijd "
            "ziet alleen de schrijver haar.",
            "first": "De eerste reactie van iemand wordt door een mens gelezen voordat ze "
            "verschijnt. Is er eerder een reactie uit dezelfde browser goedgekeurd, dan "
            "verschijnt een nieuwe reactie meteen; we lezen haar daarna alsnog en halen haar "
            "weg als ze niet voldoet.",
            "none": "Reacties verschijnen meteen onder het bericht, zonder dat iemand ze eerst "
            "leest. We lezen ze daarna en halen weg wat niet voldoet.",
        }[settings.MODERATION]
        rated = (
            [
                "Je kunt bij je verhaal 1 tot 5 sterren geven. Een verhaal met één ster wordt "
                "net zo behandeld als een verhaal met vijf: niets hier filtert of sorteert op "
                "beoordeling, en een lage beoordeling is nooit een reden om een verhaal niet te "
                "plaatsen.",
                "Het gemiddelde is het gewone gemiddelde van alle beoordelingen bij de "
                f"gepubliceerde ervaringen, de lage net zo goed als de hoge. We tonen het pas "
                f"vanaf {least} beoordelingen, en altijd met het aantal waaruit het berekend is.",
            ]
            if settings.RATINGS
            else ["Bij de verhalen worden geen sterren gegeven, dus er is ook geen gemiddelde."]
        )
        return [
            Section("Wie een ervaring kan delen", tuple(who)),
            Section(
                "Wat we controleren voordat iets verschijnt",
                (
                    checked,
                    "Een spamfilter houdt verdachte reacties tegen; die blijven liggen tot "
                    "iemand ze bekijkt. Bij de aanbevelingen komt een verhaal alleen met jouw "
                    f"toestemming, en alleen nadat {owner} het gelezen en gekozen heeft.",
                ),
            ),
            Section(
                "Waarom een verhaal niet verschijnt",
                ("We plaatsen een verhaal niet, of niet als aanbeveling, als het:",),
                (
                    "persoonlijke gegevens noemt, van jezelf of van een ander (zoals een "
                    "telefoonnummer of e-mailadres);",
                    "spam of reclame is;",
                    "niet over het onderwerp of over de praktijk gaat;",
                    "in strijd is met de wet, bijvoorbeeld omdat het iemand beledigt of bedreigt;",
                    "zegt dat een behandeling of product een ziekte of klacht geneest of "
                    "behandelt. Zo'n bewering mag de praktijk volgens de regels voor "
                    "gezondheidsclaims niet als reclame herhalen. Je reactie kan dan onder het "
                    "bericht blijven staan, maar bij de aanbevelingen komt ze niet, of alleen een "
                    "deel zonder die bewering.",
                ),
            ),
            Section("Sterren en het gemiddelde", tuple(rated)),
            Section(
                "Een verhaal melden",
                (
                    "Klopt een verhaal niet, gaat het over jou of mag het volgens jou niet? Kies "
                    "dan 'Meld' bij het verhaal, zeg wat er mis mee is en waarom. Dat kan ook "
                    f"zonder formulier: mail {owner} via {contact}, en noem de pagina en het "
                    "verhaal. Een mens leest elke melding en beslist wat ermee gebeurt.",
                    "Halen we een reactie weg, of plaatsen we haar niet, en liet de schrijver een "
                    "e-mailadres achter? Dan krijgt die een mail met wat we besloten, waarom, en "
                    "hoe je kunt reageren. Zo'n besluit neemt altijd een mens.",
                ),
            ),
            Section(
                "Je toestemming intrekken",
                (
                    "Vraag in het reactieformulier onder een bericht een link naar je reacties "
                    "aan (via 'Mijn reacties beheren'); die komt per mail naar het adres "
                    "waarmee je reageerde. Daar trek je je toestemming in: je verhaal verdwijnt "
                    "dan meteen bij de aanbevelingen. Je kunt je reactie daar ook verwijderen.",
                ),
            ),
        ]
    who = [
        f"Anyone who reads a blog post on {site} can comment under it. Whoever ticks the box "
        "that lets the comment be shown as a testimonial shares a story. Only such stories can "
        f"appear among the testimonials, and only when {owner} chooses them herself.",
        f"{site} does not check whether the writer really was a client: anyone can post a "
        "comment. A story is a reader's experience, not a verified client review.",
    ]
    if imported:
        who.append(
            "Some of the comments were moved over from the comment system the site used "
            "before; they stand as they were posted then."
        )
    checked = {
        "all": "Every comment is read by a person before it appears. Until then only its writer "
        "sees it.",
        "first": "Someone's first comment is read by a person before it appears. Once a comment "
        "from the same browser has been approved, a new one appears at once; we still read it "
        "afterwards and take it down if it does not meet the rules.",
        "none": "Comments appear under the post at once, before anyone reads them. We read them "
        "afterwards and take down what does not meet the rules.",
    }[settings.MODERATION]
    rated = (
        [
            "You can give your story 1 to 5 stars. A one-star story is treated exactly like a "
            "five-star one: nothing here filters or sorts by rating, and a low rating is never a "
            "reason not to publish a story.",
            "The average is the plain mean of all ratings on the published stories, the low "
            f"ones as much as the high ones. We show it only from {least} ratings on, and "
            "always with the number it was computed from.",
        ]
        if settings.RATINGS
        else ["Stories carry no stars, so there is no average either."]
    )
    return [
        Section("Who can share a story", tuple(who)),
        Section(
            "What we check before anything appears",
            (
                checked,
                "A spam filter holds back suspicious comments until someone looks at them. A "
                "story appears among the testimonials only with your consent, and only after "
                f"{owner} has read and chosen it.",
            ),
        ),
        Section(
            "Why a story is not published",
            ("We do not publish a story, or not as a testimonial, when it:",),
            (
                "names personal details, yours or someone else's (such as a phone number or "
                "an e-mail address);",
                "is spam or advertising;",
                "is not about the subject or the practice;",
                "is against the law, for example because it insults or threatens someone;",
                "says that a treatment or product cures or treats an illness or complaint. "
                "The rules on health claims do not let the practice repeat such a claim in its "
                "advertising. Your comment can stay under the post, but it does not go among "
                "the testimonials, or only a part without the claim.",
            ),
        ),
        Section("Stars and the average", tuple(rated)),
        Section(
            "Reporting a story",
            (
                "Is a story untrue, is it about you, or do you think it should not be there? "
                "Choose 'Report' beside the story and say what is wrong with it and why. You "
                f"can also write to {owner} at {contact}, naming the page and the story. A "
                "person reads every report and decides what happens to it.",
                "When we take a comment down or do not publish it, and its writer left an "
                "e-mail address, they get a mail saying what we decided, why, and how to "
                "answer. Such a decision is always made by a person.",
            ),
        ),
        Section(
            "Withdrawing your consent",
            (
                "Ask for a link to your comments in the comment form under a post (through "
                "'Manage my comments'); it is mailed to the address you commented with. There "
                "you withdraw your consent: your story leaves the testimonials at once. You can "
                "also delete your comment there.",
            ),
        ),
    ]


def extra_section(lang: str) -> Section | None:
    """The owner's own paragraph, after the generated ones (plain text; the template escapes)."""
    if not settings.REVIEW_POLICY_EXTRA:
        return None
    heading = "Van {owner}" if lang == "nl" else "From {owner}"
    return Section(heading.format(owner=settings.OWNER_NAME), (settings.REVIEW_POLICY_EXTRA,))


def version_of(imported: bool) -> str:
    """A short hash of everything the policy says in both languages, figures of the day apart."""
    digest = hashlib.sha256()
    for lang in LANGS:
        shown = [*sections(lang, imported), extra_section(lang)]
        for section in filter(None, shown):
            digest.update(section.heading.encode() + b"\0")
            for paragraph in (*section.paragraphs, *section.items):
                digest.update(paragraph.encode() + b"\0")
    return digest.hexdigest()[:12]


def figures(summary: Summary, lang: str) -> str:
    """Today's numbers, as a list of counts (no plural to get wrong): left out of the version."""
    average = summary.rating_average(settings.TESTIMONIAL_MIN_COUNT)
    n, least = summary.rating_count, settings.TESTIMONIAL_MIN_COUNT
    if lang == "nl":
        line = (
            f"Ontvangen ervaringen: {summary.received} · gepubliceerd: {summary.published} · "
            f"om privacyredenen niet geplaatst: {summary.not_published_privacy} · "
            f"spam: {summary.spam}."
        )
        if not settings.RATINGS:
            return line
        if average is None:
            return (
                f"{line} Gemiddelde beoordeling: nog niet getoond (aantal beoordelingen: {n}; "
                f"we tonen het vanaf {least})."
            )
        return (
            f"{line} Gemiddelde beoordeling: {_number(average, lang)} van 5 "
            f"(aantal beoordelingen: {n})."
        )
    line = (
        f"Stories received: {summary.received} · published: {summary.published} · "
        f"not published for privacy reasons: {summary.not_published_privacy} · "
        f"spam: {summary.spam}."
    )
    if not settings.RATINGS:
        return line
    if average is None:
        return (
            f"{line} Average rating: not shown yet (number of ratings: {n}; we show it from "
            f"{least} on)."
        )
    return f"{line} Average rating: {_number(average, lang)} out of 5 (number of ratings: {n})."


WORDS = {
    "nl": {
        "title": "Zo gaan we om met ervaringen",
        "figures": "De cijfers",
        "version": "Versie {version}, laatst gewijzigd op {date}.",
    },
    "en": {
        "title": "How we handle stories",
        "figures": "The figures",
        "version": "Version {version}, last changed on {date}.",
    },
}


async def review_policy(request: Request) -> Response:
    """The review policy page, in Dutch unless `?lang=en`."""
    lang = request.query_params.get("lang", "nl")
    lang = lang if lang in LANGS else "nl"
    store = store_of(request)
    summary = await readers.testimonial_summary(store)
    imported = summary.imported > 0
    version = version_of(imported)
    since = await readers.policy_since(store, version)
    shown = [*sections(lang, imported), extra_section(lang)]
    words = WORDS[lang]
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
