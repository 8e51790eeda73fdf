"""Hints for the owner about risky content, shown on a comment before it goes live.

A wellness blog's readers share health stories. Before a story is published (and above all before
it becomes a testimonial on the homepage) the owner should notice personal data (phone numbers,
e-mail addresses), health claims that advertising rules frown upon ("cured my insomnia"), and
links. These are hints, never automatic decisions: plain, explainable patterns in Dutch, English,
German and French (the languages of the catalogs, service/text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from service.domain.errors import Kind, Refusal
from service.domain.validation import LINK


@dataclass(frozen=True)
class Hint:
    """A hint by its code; its words are `hint.<code>` in the catalogs (service/text), which the
    edge looks up, so the domain holds no language."""

    code: str


PHONE = Hint("phone")
EMAIL = Hint("email")
CLAIM = Hint("health_claim")
MEDICAL = Hint("medical")
LINKS = Hint("links")
SHOUTING = Hint("shouting")
FULL_NAME = Hint("full_name")

# Every pattern here runs on reader text, so each is linear: a run of phone characters is found
# once and then counted (no backtracking over long digit runs), and an e-mail address is an "@"
# after a local-part character with a bounded domain after it. A slash joins a German area code
# to its number ("030/1234567"); dots and spaces group French pairs ("06.12.34.56.78").
_PHONE_RUN = re.compile(r"[+\d][\d \-()./]*")
_EMAIL = re.compile(r"(?<=[\w.+-])@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_CLAIM = re.compile(
    r"\b100\s?%|"  # "%" is no word character: a \b after it would need a letter to follow
    r"\b(genezen|geneest|genas|geneesmiddel|wondermiddel|wonder(?:middel)?|"
    r"nooit meer (?:pijn|slapeloos|migraine)|(?:is|zijn) weg|verdwenen|"
    r"cured?|cures|healed|heals|miracle|guaranteed|gegarandeerd|no more (?:pain|insomnia)|"
    # German: "heilt", "hat mich geheilt", "hilft gegen", "nie wieder Schmerzen", "ist weg"
    r"heil(?:t|te|ten|en|ung)|geheilt|(?:hilft|half|wirkt|wirkte|wirksam) gegen|wundermittel|"
    r"garantiert|nie (?:wieder|mehr) (?:schmerzen|schlaflos\w*|migräne)|"
    r"keine schmerzen mehr|verschwunden|"
    # French: "guérit", "m'a guéri", "soigne", "plus jamais mal", "a disparu", "miraculeux"
    r"guéri[rest]?|guérie?s|guérison|soign(?:e|ent)|efficace contre|"
    r"miraculeu(?:x|se)|garantie?s?|plus jamais (?:mal|d'insomnie|de migraines?)|"
    r"plus de douleurs?|(?:a|ont) (?:complètement |totalement )?disparu)\b",
    re.IGNORECASE,
)
# Medication is health data whatever the reason it is taken: the sleep medicines and the sleep
# hormone readers of a sleep blog name most (melatonin is a medicine in the Netherlands above
# 0.3 mg), by their common and brand names. Plain supplements (magnesium, valerian) stay out:
# nearly every story here names one, and a hint on everything is a hint on nothing.
_MEDICAL = re.compile(
    r"\b((?:slaap)?medicijn\w*|(?:slaap)?medicatie|medicines?|medication|slaappil\w*|"
    r"slaapmiddel\w*|slaaptablet\w*|sleeping (?:pills?|tablets?)|melatonine?|"
    r"benzo(?:diazepin\w*|'s|s)?|(?:diaz|oxaz|temaz|loraz|lormetaz|nitraz)epam|alprazolam|"
    r"zolpidem|zopiclon\w*|ambien|valium|xanax|"
    r"antihistamin\w*|antidepress\w*|ssri'?s?|voorgeschreven|diagnose\w*|diagnos\w+|prescri\w+|"
    r"huisarts|psychiater|psychiatrist|depressie|depression|burn-?out|kanker|cancer|diabetes|"
    r"zwanger\w*|pregnan\w+|"
    # German: Medikamente, Schlaftabletten, verschrieben, Hausarzt, Krebs, schwanger
    r"medikament\w*|medikation|arzneimittel\w*|schlaftablette\w*|schlafmittel\w*|"
    r"verschrieben|verschreibt|hausärzt\w*|hausarzt|psychiaterin|krebs|schwanger\w*|"
    # French: médicaments, somnifères, antidépresseurs, ordonnance, médecin, enceinte
    r"médicaments?|médication|somnifères?|antidépresseurs?|anxiolytiques?|ordonnance|"
    r"prescrit\w*|médecin|psychiatre|dépression|diabète|enceinte|grossesse)\b",
    re.IGNORECASE,
)


# A full name: two or more words, the last capitalised after the first ("Anna Bakker", "Joost de
# Vries"), with only spaces between them. A word is letters, joined by - or ' ("Jan-Willem").
_WORD = re.compile(r"['’]t\b|[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _set_of(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The small words inside Dutch, Flemish, German and Romance surnames.
_PARTICLES = _set_of(
    "de der den van von vander het 't ’t ter ten te la le du da di del della dos das op"
)
# Words written with a capital that are no one's name: the first word of a sentence, which
# every language capitalises (German capitalises its nouns too, so its articles and possessives
# open the most capitalised pairs), and days and months. A sentence that opens with a name
# ("Anna Bakker hielp me") still counts: only these openers are passed over.
_NOT_NAMES = _set_of(
    """
    de het een ik wij we jij je u hij zij ze mijn onze jouw uw dit dat deze die er daar hier
    na sinds toen daarna daarom dus maar en of want ook nu dan al wel niet geen echt heel erg
    gisteren vandaag morgen vorige afgelopen dankzij door bij met voor in op naar van om over
    tijdens zonder eerst eindelijk gelukkig helaas wat hoe waarom wanneer waar wie bedankt
    dank lieve beste hoi hallo hey goed fijn mooi super top ja nee zeker
    the a an i my our your his her their this that these those there here it its we you they
    he she after since when then so but and or also now just really very yesterday today
    tomorrow last thanks thank dear hi hello hey with without at for in on to from of by about
    during first finally luckily sadly what how why where who great good nice yes no
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    ich wir du er sie es mein meine meinen meinem meiner dein deine unser unsere ihr ihre sein
    seine der die das den dem des ein eine einen einem einer dieser diese dieses seit nach dann
    aber und oder auch jetzt schon sehr vielen dank danke liebe lieber hallo heute gestern
    endlich leider zum zur beim im am vom mit ohne für bei durch vor über nur noch wie was warum
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli
    oktober dezember
    je j mon ma mes ton ta tes notre nos votre vos le la les un une des ce cet cette ces il elle
    nous vous ils elles depuis après puis mais et ou aussi maintenant déjà très merci cher chère
    bonjour salut aujourd hier demain enfin malheureusement grâce avec sans pour chez dans sur
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre
    """
)


def _capitalised(word: str) -> bool:
    """A word with a capital first and small letters after ("Anna"; never "I" or "AH")."""
    return word[0].isupper() and any(c.islower() for c in word[1:])


def _has_full_name(text: str) -> bool:
    """Whether `text` names someone in full: a capitalised word, particles, a capitalised word."""
    words = list(_WORD.finditer(text))
    for n, first in enumerate(words):
        name = first.group(0)
        if not _capitalised(name) or name.casefold() in _NOT_NAMES:
            continue
        end = first.end()
        for following in words[n + 1 :]:
            if text[end : following.start()].strip(" \t"):
                break  # punctuation or a line between: no longer one name
            word = following.group(0)
            if _capitalised(word) and word.casefold() not in _NOT_NAMES:
                return True
            if word.casefold() not in _PARTICLES:
                break
            end = following.end()
    return False


ALL = (PHONE, EMAIL, CLAIM, MEDICAL, LINKS, SHOUTING, FULL_NAME)
_BY_CODE = {hint.code: hint for hint in ALL}


def _has_phone(text: str) -> bool:
    """A run of 9 or more digits (with spaces, dashes, dots, brackets) not glued to a word."""
    for match in _PHONE_RUN.finditer(text):
        run = match.group(0).rstrip(" -().")
        start, end = match.start(), match.start() + len(run)
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue
        if sum(c.isdigit() for c in run) >= 9 and run[-1].isdigit():
            return True
    return False


def codes(hints: list[Hint]) -> str:
    """Hints as stored with a comment: their codes, comma-separated."""
    return ",".join(hint.code for hint in hints)


def from_codes(stored: str) -> list[Hint]:
    """The hints a comment was stored with, in their stable order."""
    wanted = set(stored.split(","))
    return [hint for hint in ALL if hint.code in wanted]


def of(stored: str | None, body: str) -> list[Hint]:
    """A comment's hints: those stored at intake, or (for comments from before) found now."""
    return from_codes(stored) if stored is not None else for_text(body)


def for_text(text: str) -> list[Hint]:
    """The hints that apply to a comment's plain text, in a stable order."""
    found: list[Hint] = []
    without_links = LINK.sub(" ", text)
    if _has_phone(without_links):
        found.append(PHONE)
    if _EMAIL.search(without_links):
        found.append(EMAIL)
    if _CLAIM.search(text):
        found.append(CLAIM)
    if _MEDICAL.search(text):
        found.append(MEDICAL)
    if LINK.search(text):
        found.append(LINKS)
    if _has_full_name(LINK.sub("\n", text)):  # a link ends a name, it never joins one
        found.append(FULL_NAME)
    letters = [c for c in text if c.isalpha()]
    if (len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters)) or (
        text.count("!") >= 5
    ):
        found.append(SHOUTING)
    return found


# Hints that need the owner's second look before a comment goes live or onto the homepage:
# personal data (a full name too: "Joost de Vries" beside "slapeloosheid") and health claims.
TO_CONFIRM = (PHONE, EMAIL, CLAIM, MEDICAL, FULL_NAME)
CONFIRM_CODES = tuple(h.code for h in TO_CONFIRM)


def has_claim(text: str) -> bool:
    """Whether `text` holds a health claim (the hint that keeps a story off the homepage)."""
    return _CLAIM.search(text) is not None


def to_confirm(text: str) -> list[str]:
    """The codes of the hints on `text` that the owner must confirm, in a stable order."""
    return [h.code for h in for_text(text) if h in TO_CONFIRM]


def parse_confirmations(value: Any) -> frozenset[str]:
    """The hint codes an owner confirms: absent, or a list of known codes."""
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise Refusal("confirm_hints", "invalid", "confirm_hints must be a list of hint codes")
    unknown = sorted(set(value) - set(CONFIRM_CODES))
    if unknown:
        raise Refusal(
            "confirm_hints",
            "invalid",
            f"{unknown[0][:40]} is not a hint to confirm; they are {', '.join(CONFIRM_CODES)}",
        )
    return frozenset(value)


def refuse_unconfirmed(text: str, confirmed: frozenset[str]) -> None:
    """Ask once more, naming the codes, unless every hint that needs it was confirmed."""
    missing = [code for code in to_confirm(text) if code not in confirmed]
    if missing:
        raise Refusal(
            "confirm_hints",
            "confirm_hints",
            f"this comment has {', '.join(missing)}: confirm with "
            '{"confirm_hints": [...]} naming each to publish it',
            Kind.CONFLICT,
            details={"hints": missing},
        )
