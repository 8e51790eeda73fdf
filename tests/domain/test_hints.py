"""Hints about risky content, in Dutch, English, German and French stories."""

from __future__ import annotations

import pytest

from service.domain.hints import for_text
from service.text import message

CASES = [
    ("Mooi stuk, dank je wel voor de uitleg.", []),
    ("Bel me gerust op 06-12345678.", ["phone"]),
    ("Call me on +31 20 123 4567 please", ["phone"]),
    ("Mail me: anna@example.nl", ["email"]),
    ("Magnesium heeft mijn slapeloosheid genezen!", ["health_claim"]),
    ("This cured my insomnia in a week", ["health_claim"]),
    ("Mijn rugpijn is helemaal verdwenen", ["health_claim"]),
    ("Mijn huisarts schreef slaappillen voor", ["medical"]),
    ("I stopped my antidepressants", ["medical"]),
    ("Lees https://example.nl/artikel-2024-11-12345678", ["links"]),
    ("GEWELDIG GEWELDIG GEWELDIG ECHT HEEL GOED", ["shouting"]),
    ("Top!!!!! Echt!!!!", ["shouting"]),
    ("Ik sliep 8 uur op 12-11-2024 en 13-11-2024", []),
]

# The sleep medicines and the sleep hormone readers name, in Dutch and English: each is health
# data, like "slaappillen". Supplements nearly every story names are not.
MEDICATION = [
    "Sinds ik melatonine neem slaap ik door",
    "Melatonin helped me fall asleep",
    "Ik gebruik al jaren slaapmiddelen",
    "De slaaptabletten hielpen niet",
    "Mijn slaapmedicatie werkt niet meer",
    "Ik kreeg oxazepam van de dokter",
    "Temazepam made me groggy",
    "I was on zolpidem for a year",
    "Zopiclon gaf me een vieze smaak",
    "Ik ben gestopt met de benzo's",
    "My sleeping tablets stopped working",
    "Een antihistaminicum maakte me suf",
    "Mijn sleep medicine was too strong, said the psychiatrist",
    "De arts heeft iets voorgeschreven",
]
NOT_MEDICATION = [
    "Magnesium en valeriaan helpen mij goed",
    "Kamillethee voor het slapengaan is heerlijk",
    "A warm bath and lavender help me sleep",
]


# The same hints on German and French stories: the numbers, addresses, claims and medicines a
# practice near the border or with Belgian and French clients reads.
GERMAN_AND_FRENCH = [
    ("Danke für den schönen Text, sehr entspannend.", []),
    ("Merci pour ce bel article, très apaisant.", []),
    ("Ruf mich an: 0171 1234567", ["phone"]),
    ("Meine Nummer: +49 30 12345678", ["phone"]),
    ("Tel. 030/1234567", ["phone"]),
    ("Appelle-moi au 06 12 34 56 78", ["phone"]),
    ("Mon numéro : +33 6 12 34 56 78", ["phone"]),
    ("Ou au 06.12.34.56.78 le soir", ["phone"]),
    ("Schreib mir: anna.mueller@beispiel.de", ["email"]),
    ("Écris-moi : marie@exemple.fr", ["email"]),
    ("Die Massage heilt Rückenschmerzen", ["health_claim"]),
    ("Sie hat mich geheilt", ["health_claim"]),
    ("Das hilft gegen Migräne", ["health_claim"]),
    ("Seitdem nie wieder Schmerzen", ["health_claim"]),
    ("Meine Schlaflosigkeit ist verschwunden", ["health_claim"]),
    ("Ce massage guérit l'insomnie", ["health_claim"]),
    ("J'ai été guérie en trois séances", ["health_claim"]),
    ("Elle soigne mes migraines", ["health_claim"]),
    ("Mes douleurs ont complètement disparu", ["health_claim"]),
    ("Un effet miraculeux", ["health_claim"]),
    ("Mein Hausarzt hat mir Schlaftabletten verschrieben", ["medical"]),
    ("Ich nehme Antidepressiva", ["medical"]),
    ("Die Medikamente halfen nicht", ["medical"]),
    ("Mon médecin m'a prescrit des somnifères", ["medical"]),
    ("Je prends des antidépresseurs", ["medical"]),
    ("Ich bin schwanger", ["medical"]),
    ("Je suis enceinte de cinq mois", ["medical"]),
    # what they must not flag: dates, a practitioner's title, supplements, everyday words
    ("Am 12.11.2024 und am 13.11.2024 gut geschlafen", []),
    ("Le 12/11/2024 et le 13/11/2024", []),
    ("Die Heilpraktikerin war sehr nett", []),
    ("Ich habe Magnesium und Baldrian probiert", []),
    ("J'ai essayé la camomille et la lavande", []),
    ("Une salle soignée et calme", []),
]


@pytest.mark.parametrize(("text", "codes"), GERMAN_AND_FRENCH)
def test_hints_work_on_german_and_french_stories(text: str, codes: list[str]) -> None:
    assert [h.code for h in for_text(text)] == codes


@pytest.mark.parametrize(("text", "codes"), CASES)
def test_hints_name_what_the_owner_should_check(text: str, codes: list[str]) -> None:
    assert [h.code for h in for_text(text)] == codes


@pytest.mark.parametrize("text", MEDICATION)
def test_sleep_medication_gets_the_medical_hint(text: str) -> None:
    assert [h.code for h in for_text(text)] == ["medical"]


@pytest.mark.parametrize("text", NOT_MEDICATION)
def test_everyday_sleep_aids_get_no_medical_hint(text: str) -> None:
    assert for_text(text) == []


def test_every_hint_speaks_every_language() -> None:
    hints = for_text("Genezen! Bel 0612345678, mail a@b.nl, huisarts, https://x.nl !!!!!")
    assert len(hints) == 6
    # The words are the catalogs' (service/text), by code: the domain holds no language.
    said = [[message(lang, "hint." + h.code) for lang in ("nl", "en", "de", "fr")] for h in hints]
    assert all(len(set(words)) == 4 for words in said)


def test_hints_are_stored_as_codes_and_read_back_in_order() -> None:
    from service.domain.hints import codes, from_codes, of

    found = for_text("Bel 0612345678 of mail a@b.nl")
    stored = codes(found)
    assert stored == "phone,email"
    assert from_codes(stored) == found
    # Stored hints are read, not computed again: the text no longer matters.
    assert of(stored, "anything") == found
    assert of("", "Bel 0612345678") == []
    # A comment from before hints were stored gets them computed.
    assert [h.code for h in of(None, "Bel 0612345678")] == ["phone"]


def test_the_health_claim_says_what_it_protects_in_both_languages() -> None:
    from service.domain.hints import TO_CONFIRM
    from service.text import catalog

    nl, en = message("nl", "hint_why.health_claim"), message("en", "hint_why.health_claim")
    assert "1924/2006" in nl and "1924/2006" in en
    assert "reclame" in nl and "advertising" in en
    assert "geneest of behandelt" in nl and "cures or treats" in en
    # Only the claim needs saying why: the other hints name their own reason.
    said = [h.code for h in TO_CONFIRM if "hint_why." + h.code in catalog("nl")]
    assert said == ["health_claim"]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Mijn migraine is genezen.", True),
        ("It cured my back pain.", True),
        ("Fijne, rustige behandeling.", False),
        ("A calm and friendly place.", False),
    ],
)
def test_has_claim_finds_the_health_claim_alone(text: str, claim: bool) -> None:
    from service.domain.hints import has_claim

    assert has_claim(text) is claim
