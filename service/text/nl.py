"""Chorus's words in Dutch: every message the service shows or sends, keyed by message id.

The keys are the same in every language (tests/domain/test_text.py checks them and their
{placeholders}); see service/text/__init__.py for how they are looked up and how a language is
added. Placeholders are str.format names: {n} a count, {max} a limit, {wait} a time in words.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # the comments widget (widget/comments.js); data-t-KEY on its tag replaces one
    "widget.comments.fail": "Er ging iets mis. Probeer het later opnieuw.",
    "widget.comments.title": "Reacties",
    "widget.comments.loading": "Reacties laden…",
    "widget.comments.empty": "Nog geen reacties.",
    "widget.comments.form": "Deel je verhaal",
    "widget.comments.name": "Naam",
    "widget.comments.email": "E-mail (optioneel)",
    "widget.comments.emailHint": "Nooit zichtbaar, alleen voor de eigenaar.",
    "widget.comments.site": "Website (optioneel)",
    "widget.comments.body": "Je verhaal",
    "widget.comments.rating": "Waardering (optioneel)",
    "widget.comments.stars": "{n} van 5 sterren",
    "widget.comments.consent": (
        "Mijn verhaal mag met mijn naam als aanbeveling op deze website staan."
    ),
    "widget.comments.notify": "Mail mij als iemand op mij reageert.",
    "widget.comments.remember": "Onthoud mijn naam en e-mail op dit apparaat.",
    "widget.comments.manage": "Mijn reacties beheren",
    "widget.comments.send": "Verstuur",
    "widget.comments.reply": "Reageer",
    "widget.comments.replyTo": "Reageer op {n}",
    "widget.comments.report": "Meld",
    "widget.comments.reportLabel": "Meld de reactie van {n}",
    "widget.comments.cancel": "Annuleer",
    "widget.comments.owner": "Eigenaar",
    "widget.comments.pending": "Wacht op goedkeuring",
    "widget.comments.unavailable": "Reacties zijn hier niet beschikbaar.",
    "widget.comments.tooLong": "Maximaal {n} tekens.",
    # checking and sending its form (widget/send.js)
    "widget.send.required": "Vul dit veld in.",
    "widget.send.thanks": "Dank je wel! Je verhaal verschijnt na goedkeuring.",
    "widget.send.live": "Dank je wel! Je reactie staat online.",
    # the reader's tools for their own comments (widget/mine.js)
    "widget.mine.edit": "Bewerk",
    "widget.mine.editLabel": "Bewerk je reactie",
    "widget.mine.save": "Bewaar",
    "widget.mine.cancel": "Annuleer",
    "widget.mine.withdraw": "Trek toestemming in",
    "widget.mine.withdrawLabel": "Trek je toestemming in om dit als aanbeveling te tonen",
    "widget.mine.remove": "Verwijder",
    "widget.mine.removeLabel": "Verwijder je reactie",
    "widget.mine.sure": "Je reactie verwijderen? Dit kan niet ongedaan worden gemaakt.",
    "widget.mine.removed": "Je reactie is verwijderd.",
    "widget.mine.withdrawn": "Je verhaal staat niet meer als aanbeveling op deze website.",
    "widget.mine.edited": "Je reactie is bijgewerkt.",
    "widget.mine.editedPending": "Je wijziging verschijnt na goedkeuring.",
    "widget.mine.email": "Het e-mailadres bij je reacties",
    "widget.mine.send": "Stuur mij een link",
    "widget.mine.sent": (
        "Als er reacties bij dit adres horen, staat er zo een link in je mailbox. Hij werkt één "
        "keer en een dag lang."
    ),
    # the testimonials widget (widget/testimonials.js); data-t-KEY replaces one
    "widget.testimonials.fail": "De verhalen konden niet worden geladen.",
    "widget.testimonials.title": "Wat lezers vertellen",
    "widget.testimonials.empty": "Nog geen verhalen.",
    "widget.testimonials.read": "Lees het hele verhaal",
    "widget.testimonials.stars": "{n} van 5 sterren",
    "widget.testimonials.prev": "Vorige",
    "widget.testimonials.next": "Volgende",
    "widget.testimonials.slide": "{n} van {m}",
    "widget.testimonials.label": "Verhalen van lezers",
    "widget.testimonials.carousel": "carrousel",
    "widget.testimonials.slideName": "dia",
    "widget.testimonials.policy": "Zo gaan we om met ervaringen",
    "widget.testimonials.report": "Meld",
    "widget.testimonials.reportLabel": "Meld het verhaal van {n}",
    # the testimonials' honesty line (widget/summary.js): _one and _other by count
    "widget.summary.received_one": "{n} ervaring ontvangen",
    "widget.summary.received_other": "{n} ervaringen ontvangen",
    "widget.summary.published_one": "{n} gepubliceerd",
    "widget.summary.published_other": "{n} gepubliceerd",
    "widget.summary.average_one": "gemiddeld {a} van 5 uit {n} beoordeling",
    "widget.summary.average_other": "gemiddeld {a} van 5 uit {n} beoordelingen",
    # what a reader is told when the public API refuses a request (service/web/reader_text.py);
    # {max} is the limit the refusal names, {wait} how long to wait, in words
    "widget.report.title": "Meld deze reactie",
    "widget.report.intro": "Een mens leest je melding en beslist wat ermee gebeurt.",
    "widget.report.reason": "Wat is er mis mee?",
    "widget.report.illegal": "Het is in strijd met de wet",
    "widget.report.privacy": "Het gaat over iemand anders zonder toestemming (privacy)",
    "widget.report.spam": "Het is spam of reclame",
    "widget.report.other": "Iets anders",
    "widget.report.message": "Uitleg",
    "widget.report.email": "Je e-mailadres (niet verplicht, alleen voor een antwoord)",
    "widget.report.send": "Melding versturen",
    "widget.report.cancel": "Annuleren",
    "widget.report.sending": "Bezig met versturen…",
    "widget.report.thanks": "Dank je. Je melding is ontvangen.",
    "widget.report.fail": "Dat lukte niet. Probeer het later opnieuw.",
    "refusal.required": "Vul dit veld in.",
    "refusal.too_long": "Dit is te lang: maximaal {max} tekens.",
    "refusal.too_many_lines": "Dit heeft te veel regels.",
    "refusal.too_many_links": "Te veel links.",
    "refusal.invalid_email": "Geen geldig e-mailadres.",
    "refusal.invalid_domain": "Dit e-maildomein bestaat niet.",
    "refusal.invalid_url": "Geen geldig webadres.",
    "refusal.control_character": "Bevat ongeldige tekens.",
    "refusal.bidi_control": "Bevat ongeldige tekens.",
    "refusal.reserved_name": "Deze naam is voor de eigenaar van de site.",
    "refusal.duplicate": "Dit verhaal staat er al.",
    "refusal.expired": "Het formulier was verlopen; verstuur het opnieuw.",
    "refusal.rate_limited": "Even geduld: probeer het {wait} opnieuw.",
    "refusal.edit_window_closed": "De tijd om dit te bewerken is voorbij.",
    "refusal.not_found": "Deze reactie bestaat niet (meer).",
    "refusal.forbidden_origin": "Reacties zijn hier niet beschikbaar.",
    "refusal.unavailable": "Het lukt nu even niet. Probeer het over een paar minuten opnieuw.",
    "refusal.too_long_no_limit": "Dit is te lang.",
    "refusal.about_a_field": "Controleer dit veld.",
    "refusal.anything_else": "Er ging iets mis. Probeer het later opnieuw.",
    # how long a reader is asked to wait, in words (filled into {wait} above)
    "wait.seconds_one": "over 1 seconde",
    "wait.seconds_other": "over {n} seconden",
    "wait.minutes_other": "over {n} minuten",
    "wait.hours_other": "over {n} uur",
    # the owner's hints on a comment before it goes live (service/domain/hints.py, by code)
    "hint.phone": "Bevat een telefoonnummer",
    "hint.email": "Bevat een e-mailadres",
    "hint.health_claim": "Gezondheidsclaim: controleer voor gebruik als aanbeveling",
    "hint.medical": "Noemt medicijnen of een diagnose (bijzondere persoonsgegevens)",
    "hint.links": "Bevat links",
    "hint.shouting": "Veel hoofdletters of uitroeptekens",
    # What a hint protects, said at the second look before publishing ("" where the hint says it).
    "hint_why.health_claim": (
        "Zegt dit verhaal dat een product of behandeling een aandoening geneest of behandelt, "
        "dan mag je praktijk dat niet als reclame herhalen: een aanbeveling op je homepage is "
        "reclame. Zo staat het in de Europese verordening over gezondheidsclaims (1924/2006) "
        "en in de Nederlandse reclamecodes voor gezondheidsproducten. Onder de blog mag het "
        "verhaal blijven staan; als aanbeveling gebruik je beter alleen de zinnen zonder de claim."
    ),
    # the name an anonymised comment keeps (service/owner.py)
    "owner.anonymous": "een lezer",
    # the reader's own pages: managing their comments, mail about replies (web/reader_pages.py)
    "reader_page.manage_title": "Je reacties",
    "reader_page.manage_intro": "Dit zijn de reacties die met {email} zijn geplaatst.",
    "reader_page.none": "Er zijn geen reacties (meer) met dit adres.",
    "reader_page.status_pending": "wacht op beoordeling",
    "reader_page.status_approved": "gepubliceerd",
    "reader_page.status_rejected": "niet gepubliceerd",
    "reader_page.status_spam": "wacht op beoordeling",
    "reader_page.consent_given": "Je gaf toestemming om dit als aanbeveling te tonen.",
    "reader_page.withdraw": "Toestemming intrekken",
    "reader_page.delete": "Verwijderen",
    "reader_page.delete_confirm": "Ja, verwijder deze reactie voorgoed",
    "reader_page.edit": "Aanpassen",
    "reader_page.save": "Opslaan",
    "reader_page.edit_closed": "Aanpassen kan alleen kort na het plaatsen.",
    "reader_page.done_withdraw_consent": (
        "Je toestemming is ingetrokken; je verhaal staat niet meer bij de aanbevelingen."
    ),
    "reader_page.done_delete": "Je reactie is verwijderd.",
    "reader_page.done_edit": "Je reactie is aangepast.",
    "reader_page.refused_edit_window_closed": "De tijd om aan te passen is voorbij.",
    "reader_page.refused_not_found": "Die reactie is niet (meer) van dit adres.",
    "reader_page.refused_other": "Dat lukte niet; controleer de tekst en probeer het opnieuw.",
    "reader_page.invalid": (
        "Deze link is ongeldig, al gebruikt of verlopen. Vraag in het reactieformulier een "
        "nieuwe aan."
    ),
    "reader_page.confirm_title": "Bericht bij antwoorden",
    "reader_page.confirm_ask": "Wil je een mail krijgen als iemand op je reactie antwoordt?",
    "reader_page.confirm_button": "Ja, stuur me een bericht",
    "reader_page.confirmed": (
        "Bevestigd. Je krijgt een mail als er een antwoord verschijnt (hooguit één per uur)."
    ),
    "reader_page.unsub_title": "Geen berichten meer",
    "reader_page.unsub_ask": "Wil je geen mail meer over antwoorden op deze reactie?",
    "reader_page.unsub_button": "Afmelden",
    "reader_page.unsubscribed": (
        "Je bent afgemeld. Je krijgt geen berichten meer over deze reactie."
    ),
    "reader_page.back_to_site": "Terug naar {site}",
    "reader_page.report_title": "Een reactie melden",
    "reader_page.report_intro": (
        "Hoort deze reactie hier volgens jou niet? Vertel ons waarom. Een mens leest je melding"
        " en beslist wat ermee gebeurt."
    ),
    "reader_page.report_reason": "Wat is er mis mee?",
    "reader_page.report_reason_illegal": "Het is in strijd met de wet",
    "reader_page.report_reason_privacy": "Het gaat over iemand anders zonder toestemming (privacy)",
    "reader_page.report_reason_spam": "Het is spam of reclame",
    "reader_page.report_reason_other": "Iets anders",
    "reader_page.report_message": "Uitleg",
    "reader_page.report_message_hint": (
        "Waarom hoort dit hier niet? Bij strijd met de wet: welke regel."
    ),
    "reader_page.report_email": "Je e-mailadres (niet verplicht)",
    "reader_page.report_email_hint": (
        "Alleen voor een antwoord over je melding; we publiceren het nooit."
    ),
    "reader_page.report_send": "Melding versturen",
    "reader_page.report_thanks": (
        "Dank je. Je melding is ontvangen; een mens kijkt er zo snel mogelijk naar."
    ),
    "reader_page.report_gone": (
        "Deze reactie staat niet (meer) online, dus er valt niets te melden."
    ),
    "reader_page.report_refused": "Dat lukte niet: {message}",
    "reader_page.report_policy": "Zo gaan we om met ervaringen",
    # months, for dates written out ("7 december 2026")
    "month.1": "januari",
    "month.2": "februari",
    "month.3": "maart",
    "month.4": "april",
    "month.5": "mei",
    "month.6": "juni",
    "month.7": "juli",
    "month.8": "augustus",
    "month.9": "september",
    "month.10": "oktober",
    "month.11": "november",
    "month.12": "december",
    # -- WordPress: imports and the plugin's counts (issue 28) --
    # the name of an imported comment that had none
    "import.anonymous": "Anoniem",
}
