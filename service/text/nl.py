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
    # --- admin pages: the moderation pages (service/web/admin*.py, templates/admin/) and
    # their script (static/admin.js gets every admin.* message, keyed without the prefix).
    # _one and _other by count; {max_pins} and the like are filled in where they are used.
    "admin.title_queue": "Reacties beoordelen",
    "admin.title_login": "Inloggen",
    "admin.title_activity": "Activiteit",
    "admin.title_comment": "Reactie #{id}",
    "admin.title_delete": "Reactie verwijderen?",
    "admin.title_error": "Dat lukte niet",
    "admin.brand": "Moderatie",
    "admin.nav": "Hoofdmenu",
    "admin.nav_queue": "Reacties",
    "admin.nav_activity": "Activiteit",
    "admin.nav_rules": "Regels",
    "admin.title_rules": "Eigen regels",
    "admin.rules_intro": (
        "Woorden, zinnen en linkdomeinen die een nieuwe reactie naar spam of naar de wachtrij "
        "sturen. Hoofdletters, spaties en onzichtbare tekens maken niet uit."
    ),
    "admin.rule_kind": "Soort",
    "admin.rule_kind_word": "Woord",
    "admin.rule_kind_phrase": "Zin",
    "admin.rule_kind_domain": "Linkdomein",
    "admin.rule_value": "Tekst of domein",
    "admin.rule_action": "Dan",
    "admin.rule_action_spam": "Naar spam",
    "admin.rule_action_queue": "Laten beoordelen",
    "admin.rule_add": "Regel toevoegen",
    "admin.rule_delete": "Verwijderen",
    "admin.no_rules": "Nog geen eigen regels.",
    "admin.log_intake": "Tegengehouden door regel",
    "admin.log_intake_rule": "regel ({kind}): {value}",
    "admin.actor_rules": "Eigen regels",
    "admin.error_rule_exists": "Die regel bestaat al.",
    "admin.error_invalid_domain": "Geef een domein zoals spam.example.",
    "admin.error_not_a_word": "Een woordregel is één woord; kies Zin voor meer woorden.",
    "admin.error_too_many_rules": "Er zijn te veel regels; verwijder er eerst een paar.",
    "admin.logout": "Uitloggen",
    "admin.skip": "Naar de inhoud",
    "admin.shortcuts_button": "Sneltoetsen",
    # login
    "admin.password": "Wachtwoord",
    "admin.login": "Inloggen",
    "admin.login_intro": "Log in om reacties te beoordelen.",
    "admin.login_wrong": "Dat wachtwoord klopt niet.",
    "admin.login_locked_one": "Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.",
    "admin.login_locked_other": "Te veel mislukte pogingen. Probeer het over {n} minuten opnieuw.",
    "admin.login_no_password": (
        "Er is nog geen wachtwoord ingesteld. Stel er een in met: make admin-password"
    ),
    "admin.logged_out": "Je bent uitgelogd.",
    # tabs and filters
    "admin.tabs": "Status",
    "admin.tab_pending": "Te beoordelen",
    "admin.tab_approved": "Goedgekeurd",
    "admin.tab_testimonials": "Aanbevelingen",
    "admin.tab_spam": "Spam",
    "admin.tab_rejected": "Afgewezen",
    "admin.tab_all": "Alles",
    "admin.filters": "Filteren",
    "admin.filter_page": "Pagina",
    "admin.filter_all_pages": "Alle pagina's",
    "admin.filter_search": "Zoeken in naam, tekst, e-mail en pagina",
    "admin.filter_order": "Volgorde",
    "admin.order_newest": "Nieuwste eerst",
    "admin.order_oldest": "Oudste eerst",
    "admin.filter_apply": "Toepassen",
    "admin.filter_clear": "Wissen",
    "admin.empty_pending": "Niets te beoordelen. Alles is bijgewerkt.",
    "admin.empty_pending_next": "Nieuwe reacties verschijnen hier zodra lezers ze plaatsen.",
    "admin.empty": "Geen reacties gevonden.",
    "admin.empty_next": "Kies een ander tabblad, of wis het filter.",
    "admin.showing": "{first}–{last} van {total}",
    "admin.pagination": "Paginering",
    "admin.previous": "Vorige",
    "admin.next": "Volgende",
    # cards
    "admin.status_pending": "Te beoordelen",
    "admin.status_approved": "Goedgekeurd",
    "admin.status_rejected": "Afgewezen",
    "admin.status_spam": "Spam",
    "admin.testimonial": "Aanbeveling",
    "admin.owner_reply": "Jouw antwoord",
    "admin.on_page": "op",
    "admin.rating": "{n} van 5 sterren",
    "admin.consent_yes": "Toestemming voor gebruik als aanbeveling (versie {version}, {date})",
    "admin.consent_no": "Geen toestemming voor gebruik als aanbeveling",
    "admin.consent_withdrawn": "Toestemming ingetrokken door de schrijver ({date})",
    "admin.in_reply_to": "Antwoord op {author}:",
    "admin.parent_gone": "Antwoord op een reactie die niet meer bestaat.",
    "admin.excerpt_shown": "Getoonde passage:",
    "admin.hints": "Let op",
    "admin.select": "Selecteer reactie van {author}",
    "admin.actions": "Acties voor reactie van {author}",
    "admin.approve": "Goedkeuren",
    "admin.reject": "Afwijzen",
    "admin.spam": "Spam",
    "admin.restore": "Terugzetten",
    "admin.delete": "Verwijderen",
    "admin.demote": "Geen aanbeveling meer",
    "admin.pin": "Vastzetten bovenaan",
    "admin.unpin": "Niet meer vastzetten",
    "admin.pinned": "Vastgezet",
    "admin.pin_help": (
        "Vastgezette aanbevelingen staan bovenaan, de laatst vastgezette eerst (hooguit {limit}); "
        "de rest volgt, nieuwste eerst."
    ),
    "admin.promote": "Aanbeveling maken",
    "admin.reply": "Antwoorden",
    "admin.promote_no_consent": (
        "Kan niet: de schrijver gaf geen toestemming voor gebruik als aanbeveling."
    ),
    "admin.promote_withdrawn": "Kan niet: de schrijver heeft de toestemming ingetrokken ({date}).",
    "admin.promote_not_approved": "Keur de reactie eerst goed om er een aanbeveling van te maken.",
    "admin.excerpt_label": "Passage voor de aanbeveling",
    "admin.excerpt_help": (
        "Verwijder woorden aan het begin of eind, of selecteer een stuk tekst (in de reactie of in "
        "dit tekstvak) en kies ‘Selectie gebruiken’. Je kunt niets herschrijven: het blijven de "
        "woorden van de schrijver."
    ),
    "admin.use_selection": "Selectie gebruiken",
    "admin.use_whole": "Hele tekst",
    "admin.excerpt_invalid": "Dit is geen passage uit de tekst. Herschrijven kan niet.",
    "admin.excerpt_no_selection": (
        "Selecteer eerst een stuk tekst, in de reactie of in het tekstvak."
    ),
    "admin.preview": "Zo wordt het:",
    "admin.promote_submit": "Maak aanbeveling",
    "admin.reply_label": "Je antwoord (verschijnt meteen onder jouw naam)",
    "admin.reply_submit": "Antwoord plaatsen",
    "admin.redact": "Inkorten",
    "admin.redact_label": "Ingekorte tekst",
    "admin.redact_help": (
        "Vervang wat weg moet (een telefoonnummer, een achternaam) door […]: selecteer het (in de "
        "reactie of in dit tekstvak) en kies ‘Selectie wegknippen’, of typ zelf [...] op die plek. "
        "Alleen weghalen kan, niets toevoegen of herschrijven. Na het opslaan kun je het {seconds} "
        "seconden ongedaan maken; daarna is de weggeknipte tekst voorgoed weg."
    ),
    "admin.cut_selection": "Selectie wegknippen",
    "admin.redact_no_selection": "Selecteer eerst wat weg moet, in de reactie of in het tekstvak.",
    "admin.redact_submit": "Inkorten opslaan",
    # bulk
    "admin.bulk": "Meerdere tegelijk",
    "admin.select_all": "Alles op deze pagina selecteren",
    "admin.selected": "{n} geselecteerd",
    "admin.with_selected": "Met selectie:",
    "admin.bulk_approve": "Selectie goedkeuren",
    "admin.bulk_reject": "Selectie afwijzen",
    "admin.bulk_spam": "Selectie naar spam",
    "admin.bulk_none": "Selecteer eerst een of meer reacties.",
    # notices
    "admin.done_approve": "Goedgekeurd.",
    "admin.done_reject": "Afgewezen.",
    "admin.done_spam": "Naar spam verplaatst.",
    "admin.done_restore": "Teruggezet naar te beoordelen.",
    "admin.done_demote": "Geen aanbeveling meer.",
    "admin.done_pin": "Vastgezet bovenaan.",
    "admin.done_unpin": "Niet meer vastgezet.",
    "admin.done_promote": "Aanbeveling gemaakt.",
    "admin.done_reply": "Antwoord geplaatst.",
    "admin.done_redact": "Ingekort.",
    "admin.done_delete": "Verwijderd.",
    "admin.done_undo": "Ongedaan gemaakt.",
    "admin.done_bulk_one": "1 reactie bijgewerkt.",
    "admin.done_bulk_other": "{n} reacties bijgewerkt.",
    "admin.undo": "Ongedaan maken",
    "admin.undo_row": "Ongedaan maken: {what} bij #{id}",
    "admin.dismiss": "Sluiten",
    "admin.not_here": "Die actie kan niet bij deze reactie.",
    "admin.failed": "Dat lukte niet. Laad de pagina opnieuw en probeer het nog eens.",
    # delete
    "admin.delete_question": "Deze reactie voorgoed verwijderen? Dit kun je niet ongedaan maken.",
    "admin.delete_confirm": "Ja, verwijderen",
    "admin.cancel": "Annuleren",
    "admin.back": "Terug naar de reacties",
    # shortcuts
    "admin.shortcuts": "Sneltoetsen",
    "admin.key_next": "Volgende reactie",
    "admin.key_prev": "Vorige reactie",
    "admin.key_approve": "Goedkeuren",
    "admin.key_reject": "Afwijzen",
    "admin.key_spam": "Spam",
    "admin.key_select": "Selecteren",
    "admin.key_help": "Deze hulp tonen",
    "admin.close": "Sluiten",
    # activity
    "admin.activity_intro": "Wie deed wat, wanneer, met welke reactie.",
    "admin.col_when": "Wanneer",
    "admin.col_who": "Wie",
    "admin.col_what": "Wat",
    "admin.col_comment": "Reactie",
    "admin.actor_owner": "Jij",
    "admin.actor_api": "API-token (van de eigenaar)",
    "admin.actor_author": "De schrijver",
    "admin.actor_mail": "Jij, via e-mail",
    "admin.actor_other": "Onbekend ({actor})",
    "admin.log_approve": "keurde #{id} goed",
    "admin.log_reject": "wees #{id} af",
    "admin.log_spam": "zette #{id} bij spam",
    "admin.log_restore": "zette #{id} terug naar te beoordelen",
    "admin.log_promote": "maakte een aanbeveling van #{id}",
    "admin.log_demote": "haalde #{id} van de aanbevelingen",
    "admin.log_pin": "zette #{id} bovenaan vast",
    "admin.log_unpin": "zette #{id} niet meer vast",
    "admin.log_delete": "verwijderde #{id}",
    "admin.log_reply": "antwoordde op #{id}",
    "admin.log_reply_detail": "jouw antwoord is #{reply}",
    "admin.log_redact": "kortte #{id} in",
    "admin.log_redact_cuts_one": "1 stuk weggeknipt",
    "admin.log_redact_cuts_other": "{n} stukken weggeknipt",
    "admin.log_undo": "maakte een wijziging aan #{id} ongedaan",
    "admin.log_undo_status": "zette de status van #{id} terug",
    "admin.log_undo_promote": "maakte de aanbeveling van #{id} ongedaan",
    "admin.log_undo_demote": "maakte #{id} weer aanbeveling",
    "admin.log_undo_reply": "haalde het antwoord op #{id} weg",
    "admin.log_undo_redact": "zette de weggeknipte tekst van #{id} terug",
    "admin.log_withdraw_consent": "trok de toestemming voor #{id} in",
    "admin.log_edit": "bewerkte #{id}",
    "admin.log_other": "een onbekende handeling ({action}) bij #{id}",
    # reports (DSA art. 16) and statements of reasons (art. 17)
    "admin.tab_reported": "Gemeld",
    "admin.title_reports": "Gemelde reacties",
    "admin.reports_intro": (
        "Lezers meldden deze gepubliceerde reacties. Lees de meldingen en beslis: laten staan, "
        "offline halen of verwijderen. Je besluit geldt voor alle meldingen over die reactie."
    ),
    "admin.reports_count_one": "1 melding",
    "admin.reports_count_other": "{n} meldingen",
    "admin.report_reason_illegal": "In strijd met de wet",
    "admin.report_reason_privacy": "Privacy van een ander",
    "admin.report_reason_spam": "Spam",
    "admin.report_reason_other": "Iets anders",
    "admin.report_by": "Van {email}",
    "admin.report_by_nobody": "Zonder e-mailadres",
    "admin.report_on": "Gemeld op {date}",
    "admin.decide_dismiss": "Melding afwijzen",
    "admin.decide_unpublish": "Offline halen",
    "admin.decide_delete": "Verwijderen",
    "admin.done_report_dismiss": "Melding afgewezen; de reactie blijft staan.",
    "admin.done_report_unpublish": "De reactie is offline gehaald.",
    "admin.done_report_delete": "De reactie is verwijderd.",
    "admin.empty_reports": "Geen open meldingen.",
    "admin.reason_label": "Reden voor de schrijver",
    "admin.reason_none": "Geen reden: geen bericht",
    "admin.reason_privacy": "Persoonlijke gegevens",
    "admin.reason_spam": "Spam of reclame",
    "admin.reason_off_topic": "Niet over het onderwerp",
    "admin.reason_health_claim": "Gezondheidsclaim",
    "admin.reason_illegal": "In strijd met de wet",
    "admin.reason_note_label": "Eigen toelichting (niet verplicht)",
    "admin.reason_hint": (
        "Met een reden krijgt de schrijver bij afwijzen of verwijderen een mail met je besluit en "
        "waarom (zo wil de Europese DSA het). Zonder reden gaat er niets."
    ),
    "admin.log_report_dismissed": "wees een melding over #{id} af",
    "admin.log_report_unpublished": "haalde #{id} offline na een melding",
    "admin.log_report_deleted": "verwijderde #{id} na een melding",
    "admin.log_reports_one": "1 melding",
    "admin.log_reports_other": "{n} meldingen",
    "admin.comment_deleted": "(verwijderd)",
    "admin.older": "Oudere activiteit",
    "admin.no_activity": "Nog geen activiteit.",
    # errors
    "admin.error_csrf": (
        "Dit verzoek kwam niet van de moderatiepagina. Ga terug en probeer het opnieuw."
    ),
    "admin.error_not_found": "Die reactie bestaat niet (meer).",
    "admin.error_conflict": "De reactie is intussen veranderd. Laad de pagina opnieuw.",
    "admin.error_not_in_text": "De passage moet letterlijk uit de tekst komen.",
    "admin.error_no_consent": "De schrijver gaf geen toestemming voor gebruik als aanbeveling.",
    "admin.error_consent_withdrawn": (
        "De schrijver heeft de toestemming voor gebruik als aanbeveling ingetrokken."
    ),
    "admin.error_not_approved": "Alleen goedgekeurde reacties kunnen aanbeveling worden.",
    "admin.error_too_many_pins": (
        "Er kunnen hooguit {max_pins} aanbevelingen vastgezet zijn. Zet er eerst een los."
    ),
    "admin.error_not_testimonial": (
        "Alleen een gepubliceerde aanbeveling kan bovenaan vastgezet worden."
    ),
    "admin.error_not_published": "Keur de reactie eerst goed om erop te antwoorden.",
    "admin.error_duplicate": "Dit antwoord heb je al geplaatst.",
    "admin.error_no_cut": "Zet […] op elke plek waar je iets wegknipt; er staat nog geen […] in.",
    "admin.error_not_a_redaction": (
        "Je kunt alleen stukken weghalen: wat overblijft moet letterlijk en in dezelfde volgorde "
        "in de oorspronkelijke tekst staan."
    ),
    "admin.error_required": "Vul dit veld in.",
    "admin.error_too_long": "Die tekst is te lang.",
    "admin.error_invalid": "Dat verzoek klopt niet.",
    "admin.error_generic": "Er ging iets mis. Ga terug en probeer het opnieuw.",
    "admin.error_undo_expired": "Dit kan niet meer ongedaan worden gemaakt.",
    # appearance
    "admin.theme_dark": "Donker",
    # one-click links in the e-mail notice
    "admin.title_mail": "Reactie beoordelen",
    "admin.mail_question": "Wil je deze reactie van {author} {verb}?",
    "admin.mail_verb_approve": "goedkeuren",
    "admin.mail_verb_reject": "afwijzen",
    "admin.mail_verb_spam": "als spam markeren",
    "admin.mail_handled": "Deze reactie is al beoordeeld; deze link doet niets meer.",
    "admin.error_invalid_link": (
        "Deze link is ongeldig of verlopen. Log in om de reactie te beoordelen."
    ),
    # Moving in and out (import, export) and the read-only settings page.
    "admin.nav_move": "Importeren en exporteren",
    "admin.nav_settings": "Instellingen",
    "admin.title_move": "Importeren en exporteren",
    "admin.move_intro": (
        "Neem reacties mee uit WordPress, Disqus of Isso, of zet een export van Chorus terug. "
        "Hetzelfde bestand twee keer importeren voegt niets toe."
    ),
    "admin.import_title": "Reacties importeren",
    "admin.import_file": "Exportbestand",
    "admin.import_source": "Afkomstig uit",
    "admin.source_wordpress": "WordPress (WXR-export, .xml)",
    "admin.source_disqus": "Disqus (XML-export)",
    "admin.source_isso": "Isso (database, comments.db)",
    "admin.source_chorus": "Chorus (JSON-export)",
    "admin.import_page_map": "Oude adressen omzetten (optioneel, één per regel: /oud/=/nieuw/)",
    "admin.import_dry_run": "Alleen tellen, niets veranderen",
    "admin.import_start": "Importeren",
    "admin.import_noscript": (
        "Importeren via deze pagina heeft JavaScript nodig. Zonder kan het ook: python -m service "
        "import wordpress bestand.xml"
    ),
    "admin.import_uploading": "Bestand versturen… {percent}%",
    "admin.import_writing": "Reacties opslaan… {done} van {total}",
    "admin.import_done_one": "Geïmporteerd: {imported} van 1 reactie.",
    "admin.import_done_other": "Geïmporteerd: {imported} van {n} reacties.",
    "admin.import_done_dry_one": (
        "Proefrit, er is niets veranderd. Te importeren: {imported} van 1 reactie."
    ),
    "admin.import_done_dry_other": (
        "Proefrit, er is niets veranderd. Te importeren: {imported} van {n} reacties."
    ),
    "admin.import_failed": "Niet geïmporteerd: {message} Er is niets veranderd.",
    "admin.import_skipped": "Overgeslagen ({reason}): {n}",
    "admin.import_status": "{status}: {n}",
    "admin.import_detail": "Details: {message}",
    "admin.import_error_unreadable_file": (
        "dit bestand is geen export van de gekozen bron, of het is beschadigd."
    ),
    "admin.import_error_too_large": "het bestand is te groot.",
    "admin.import_error_timeout": "het bestand kwam te langzaam binnen.",
    "admin.import_error_unauthorized": "je bent uitgelogd. Log opnieuw in en probeer het nog eens.",
    "admin.import_error_csrf": (
        "deze pagina is verlopen. Laad haar opnieuw en probeer het nog eens."
    ),
    "admin.import_error_page_map": (
        "een regel bij ‘Oude adressen omzetten’ klopt niet; schrijf /oud/=/nieuw/."
    ),
    "admin.import_error_internal": "er ging iets mis bij het opslaan.",
    "admin.skip_already_imported": "al geïmporteerd",
    "admin.skip_pingback": "pingback",
    "admin.skip_trackback": "trackback",
    "admin.skip_other_type": "ander soort bericht",
    "admin.skip_unreadable": "onleesbaar",
    "admin.skip_deleted": "verwijderd",
    "admin.skip_empty": "leeg",
    "admin.skip_too_long": "te lang",
    "admin.skip_log_of_deleted_comments": "logboek van verwijderde reacties",
    "admin.skip_bad_date": "geen geldige datum",
    "admin.skip_no_page": "zonder pagina",
    "admin.skip_unknown_status": "onbekende status",
    "admin.skip_testimonial_excerpt_not_in_text": (
        "wel geïmporteerd, geen aanbeveling: het fragment staat niet zo in de tekst"
    ),
    "admin.skip_testimonial_without_consent": (
        "wel geïmporteerd, geen aanbeveling: geen toestemming"
    ),
    "admin.skip_testimonial_not_approved": (
        "wel geïmporteerd, geen aanbeveling: niet goedgekeurd of van jezelf"
    ),
    "admin.export_title": "Exporteren",
    "admin.export_intro": (
        "Alles wat Chorus bewaart is van jou. Bewaar een export als back-up of om te verhuizen."
    ),
    "admin.export_json": "Alles als JSON",
    "admin.export_csv": "Aanbevelingen als CSV",
    "admin.title_settings": "Instellingen",
    "admin.settings_intro": (
        "Zo draait Chorus nu. Wijzigen doe je in het .env-bestand; daarna opnieuw starten."
    ),
    "admin.settings_moderation": "Moderatie (MODERATION)",
    "admin.settings_origins": "Sites die mogen insluiten (ALLOWED_ORIGINS)",
    "admin.settings_origins_none": "Geen, alleen Chorus zelf",
    "admin.settings_public_url": "Adres (PUBLIC_URL)",
    "admin.settings_database": "Database",
    "admin.settings_version": "Versie",
    "admin.settings_mail": "E-mail",
    "admin.settings_mail_off": "Uit (stel NOTIFY_EMAIL en SMTP_HOST in)",
    "admin.settings_mail_to": "Meldingen naar",
    "admin.settings_mail_server": "Mailserver",
    "admin.settings_mail_from": "Afzender",
    "admin.settings_mail_login": "Inlognaam",
    "admin.settings_last_error": "Laatste mailfout",
    "admin.settings_no_error": "Geen",
    "admin.settings_test_mail": "Stuur een testmail",
    "admin.done_test_mail": "Testmail verstuurd.",
    "admin.done_test_mail_failed": (
        "De testmail kon niet worden verstuurd; zie de laatste mailfout."
    ),
    "admin.title_confirm_hints": "Nog één keer kijken",
    "admin.confirm_hints_moderate": (
        "Deze reactie bevat iets wat je misschien niet online wilt zetten. Kijk het na; goedkeuren "
        "zet haar zo op de website:"
    ),
    "admin.confirm_hints_promote": (
        "Deze passage komt als aanbeveling op de homepage en in de feeds. Ze bevat:"
    ),
    "admin.confirm_hints_mail": "Let op, deze reactie bevat:",
    "admin.confirm_hints_submit_moderate": "Toch goedkeuren",
    "admin.confirm_hints_submit_promote": "Toch aanbeveling maken",
    "admin.confirm_hints_ask": "Deze reactie bevat: {hints}. Toch publiceren?",
    "admin.confirm_hints_reply": (
        "Je antwoord verschijnt meteen onder de reactie, onder jouw naam. Kijk of dit erin mag "
        "staan:"
    ),
    "admin.confirm_hints_submit_reply": "Toch antwoord plaatsen",
    "admin.confirm_hints_your_reply": "Jouw antwoord",
    "admin.confirm_hints_reply_ask": "Je antwoord bevat: {hints}. Toch plaatsen?",
    "admin.confirm_hints_without_claim": "De zinnen zonder de claim, als passage:",
    "admin.confirm_hints_use_without_claim": "Alleen deze zinnen als aanbeveling",
    "admin.confirm_hints_claim_offer": (
        "{why}\n\nAlleen de zinnen zonder de claim als passage gebruiken?"
    ),
    "admin.done_without_claim": (
        "Passage zonder de claim gekozen. Kijk hem na en kies ‘Maak aanbeveling’."
    ),
    "admin.bulk_skipped_one": (
        "1 overgeslagen: deze bevat persoonsgegevens of een gezondheidsclaim; keur haar apart goed."
    ),
    "admin.bulk_skipped_other": (
        "{n} overgeslagen: deze bevatten persoonsgegevens of een gezondheidsclaim; keur ze één "
        "voor één goed."
    ),
    "admin.error_confirm_hints": (
        "Deze reactie bevat persoonsgegevens of een gezondheidsclaim; bevestig dat eerst."
    ),
    "admin.error_drops_negation": (
        "Zo valt er een ontkenning (zoals ‘niet’ of ‘geen’) weg uit een zin die blijft staan, en "
        "dat kan de betekenis omdraaien. Laat het woord staan of knip de hele zin weg."
    ),
    "admin.error_partial_word": "Begin en eindig de passage met hele woorden.",
    "admin.mail_changed": (
        "Deze reactie is veranderd sinds de e-mail is verstuurd; deze link doet niets meer. Open "
        "de moderatiepagina om haar te beoordelen."
    ),
    "admin.error_changed_since": (
        "Deze reactie is veranderd nadat je haar las, dus er is niets gepubliceerd. Lees de nieuwe "
        "tekst hieronder en beslis opnieuw."
    ),
    "admin.bulk_changed_since_one": (
        "1 niet goedgekeurd: de tekst is veranderd nadat je haar las; lees haar opnieuw."
    ),
    "admin.bulk_changed_since_other": (
        "{n} niet goedgekeurd: hun tekst is veranderd nadat je ze las; lees ze opnieuw."
    ),
    "admin.log_edit_page": "paste de pagina van #{id} aan",
    "admin.nav_pages": "Pagina's",
    "admin.title_pages": "Pagina's",
    "admin.pages_intro": (
        "De titel en het adres waaronder aanbevelingen en feeds naar een verhaal linken. De eerste "
        "reactie op een pagina vult ze in; daarna verander alleen jij ze."
    ),
    "admin.page_title_label": "Titel",
    "admin.page_url_label": "Adres (https://…)",
    "admin.page_key": "Paginasleutel: {key}",
    "admin.page_save": "Opslaan",
    "admin.no_pages": "Nog geen pagina's met reacties.",
    "admin.done_page": "Pagina opgeslagen.",
    # A reader's privacy request: find, export and erase everything tied to an e-mail address.
    "admin.nav_privacy": "Privacyverzoek",
    "admin.title_privacy": "Privacyverzoek",
    "admin.privacy_intro": (
        "Vraagt een lezer wat Chorus van hem of haar bewaart, of vraagt iemand alles te wissen? "
        "Zoek op e-mailadres, stuur het JSON-bestand, en wis."
    ),
    "admin.privacy_email": "E-mailadres van de lezer",
    "admin.privacy_find": "Zoeken",
    "admin.privacy_found": "Gevonden bij {email}",
    "admin.privacy_nothing": (
        "Niets gevonden bij {email}: geen reacties, toestemmingen, meldingen of logregels."
    ),
    "admin.privacy_comments": "Reacties",
    "admin.privacy_consents": "Toestemmingen voor aanbeveling",
    "admin.privacy_subscriptions": "Meldingen bij antwoorden",
    "admin.privacy_log": "Moderatielog",
    "admin.privacy_no_consents": "Geen toestemming gegeven.",
    "admin.privacy_no_subscriptions": "Geen meldingen bij antwoorden aangevraagd.",
    "admin.privacy_no_log": "Geen logregels.",
    "admin.col_page": "Pagina",
    "admin.col_status": "Status",
    "admin.col_text": "Tekst",
    "admin.col_version": "Versie van de tekst",
    "admin.col_given": "Gegeven",
    "admin.col_state": "Toestemming nu",
    "admin.col_since": "Sinds",
    "admin.col_confirmation": "Bevestiging",
    "admin.consent_in_force": "Geldig",
    "admin.consent_withdrawn_on": "Ingetrokken op {date}",
    "admin.consent_not_given": "Niet gegeven",
    "admin.subscription_confirmed": "Bevestigd op {date}",
    "admin.subscription_unconfirmed": "Niet bevestigd",
    "admin.privacy_export": "JSON downloaden",
    "admin.privacy_export_help": "Alles hierboven in één bestand, om de lezer te sturen.",
    "admin.privacy_erase_title": "Wissen",
    "admin.privacy_erase_intro": (
        "Wist de reacties van dit adres (of houdt ze zonder naam), de meldingen bij antwoorden, "
        "beheerlinks, wachtende mail en de logregels van die reacties. Het log houdt alleen bij "
        "dat er gewist is."
    ),
    "admin.privacy_how": "Wat gebeurt er met de reacties?",
    "admin.privacy_keep_delete": "Reacties verwijderen",
    "admin.privacy_keep_anonymised": (
        "Reacties houden als ‘een lezer’, zonder naam, e-mailadres, website of toestemming"
    ),
    "admin.privacy_confirm": "Ik begrijp dat wissen niet ongedaan kan worden.",
    "admin.privacy_erase_button": "Alles van dit adres wissen",
    "admin.privacy_erased": "Gewist",
    "admin.privacy_erased_note": "Het log houdt alleen bij dat er gewist is, zonder het adres.",
    "admin.privacy_erased_deleted_one": "1 reactie verwijderd",
    "admin.privacy_erased_deleted_other": "{n} reacties verwijderd",
    "admin.privacy_erased_anonymised_one": "1 reactie gehouden als ‘een lezer’",
    "admin.privacy_erased_anonymised_other": "{n} reacties gehouden als ‘een lezer’",
    "admin.privacy_erased_subscriptions_one": "1 melding bij antwoorden gestopt",
    "admin.privacy_erased_subscriptions_other": "{n} meldingen bij antwoorden gestopt",
    "admin.privacy_erased_log_one": "1 logregel gewist",
    "admin.privacy_erased_log_other": "{n} logregels gewist",
    "admin.privacy_error_email": "Geef een geldig e-mailadres, zoals lezer@example.nl.",
    "admin.privacy_error_keep_anonymised": "Kies wat er met de reacties gebeurt.",
    "admin.privacy_error_confirm": "Vink aan dat je begrijpt dat wissen niet ongedaan kan worden.",
    "admin.log_erase": "wiste de gegevens van een lezer",
    "admin.no_comment": "geen",
    # months in short, for the moderation pages' dates ("7 dec 2026 15:05 CET")
    "month_short.1": "jan",
    "month_short.2": "feb",
    "month_short.3": "mrt",
    "month_short.4": "apr",
    "month_short.5": "mei",
    "month_short.6": "jun",
    "month_short.7": "jul",
    "month_short.8": "aug",
    "month_short.9": "sep",
    "month_short.10": "okt",
    "month_short.11": "nov",
    "month_short.12": "dec",
    # --- the review policy page (/reviews/policy, service/web/policy.py)
    "policy.title": "Zo gaan we om met ervaringen",
    "policy.figures": "De cijfers",
    "policy.version": "Versie {version}, laatst gewijzigd op {date}.",
    "policy.the_website": "de website",
    "policy.who.heading": "Wie een ervaring kan delen",
    "policy.who.anyone": (
        "Iedereen die een blogbericht van {site} leest, kan eronder reageren. Wie daarbij "
        "aanvinkt dat de reactie als aanbeveling getoond mag worden, deelt een ervaring. Alleen "
        "zulke ervaringen kunnen bij de aanbevelingen komen, en alleen als {owner} ze daar zelf "
        "voor uitkiest."
    ),
    "policy.who.unchecked": (
        "Bij een reactie of een verhaal van de verhalenpagina controleert {site} niet of de "
        "schrijver echt klant is geweest: iedereen kan er een plaatsen. Zo'n verhaal is dus een "
        "ervaring van een lezer, geen bewezen klantbeoordeling."
    ),
    "policy.who.imported": (
        "Een deel van de reacties is overgezet uit het reactiesysteem dat de site eerder "
        "gebruikte; die staan er zoals ze toen geplaatst zijn."
    ),
    "policy.checked.heading": "Wat we controleren voordat iets verschijnt",
    "policy.checked.all": (
        "Elke reactie wordt door een mens gelezen voordat ze verschijnt. Tot die tijd ziet alleen"
        " de schrijver haar."
    ),
    "policy.checked.first": (
        "De eerste reactie van iemand wordt door een mens gelezen voordat ze verschijnt. Is er "
        "eerder een reactie uit dezelfde browser goedgekeurd, dan verschijnt een nieuwe reactie "
        "meteen; we lezen haar daarna alsnog en halen haar weg als ze niet voldoet."
    ),
    "policy.checked.none": (
        "Reacties verschijnen meteen onder het bericht, zonder dat iemand ze eerst leest. We "
        "lezen ze daarna en halen weg wat niet voldoet."
    ),
    "policy.checked.spam": (
        "Een spamfilter houdt verdachte reacties tegen; die blijven liggen tot iemand ze bekijkt."
        " Bij de aanbevelingen komt een verhaal alleen met jouw toestemming, en alleen nadat "
        "{owner} het gelezen en gekozen heeft."
    ),
    "policy.refused.heading": "Waarom een verhaal niet verschijnt",
    "policy.refused.intro": "We plaatsen een verhaal niet, of niet als aanbeveling, als het:",
    "policy.refused.privacy": (
        "persoonlijke gegevens noemt, van jezelf of van een ander (zoals een telefoonnummer of "
        "e-mailadres);"
    ),
    "policy.refused.spam": "spam of reclame is;",
    "policy.refused.off_topic": "niet over het onderwerp of over de praktijk gaat;",
    "policy.refused.unlawful": (
        "in strijd is met de wet, bijvoorbeeld omdat het iemand beledigt of bedreigt;"
    ),
    "policy.refused.health": (
        "zegt dat een behandeling of product een ziekte of klacht geneest of behandelt. Zo'n "
        "bewering mag de praktijk volgens de regels voor gezondheidsclaims niet als reclame "
        "herhalen. Je reactie kan dan onder het bericht blijven staan, maar bij de aanbevelingen "
        "komt ze niet, of alleen een deel zonder die bewering."
    ),
    "policy.stars.heading": "Sterren en het gemiddelde",
    "policy.stars.equal": (
        "Je kunt bij je verhaal 1 tot 5 sterren geven. Een verhaal met één ster wordt net zo "
        "behandeld als een verhaal met vijf: niets hier filtert of sorteert op beoordeling, en "
        "een lage beoordeling is nooit een reden om een verhaal niet te plaatsen."
    ),
    "policy.stars.average": (
        "Het gemiddelde is het gewone gemiddelde van alle beoordelingen bij de gepubliceerde "
        "ervaringen, de lage net zo goed als de hoge. We tonen het pas vanaf {least} "
        "beoordelingen, en altijd met het aantal waaruit het berekend is."
    ),
    "policy.stars.none": (
        "Bij de verhalen worden geen sterren gegeven, dus er is ook geen gemiddelde."
    ),
    "policy.report.heading": "Een verhaal melden",
    "policy.report.how": (
        "Klopt een verhaal niet, gaat het over jou of mag het volgens jou niet? Kies dan 'Meld' "
        "bij het verhaal, zeg wat er mis mee is en waarom. Dat kan ook zonder formulier: mail "
        "{owner} via {contact}, en noem de pagina en het verhaal. Een mens leest elke melding en "
        "beslist wat ermee gebeurt."
    ),
    "policy.report.reasons": (
        "Halen we een reactie weg, of plaatsen we haar niet, en liet de schrijver een e-mailadres"
        " achter? Dan krijgt die een mail met wat we besloten, waarom, en hoe je kunt reageren. "
        "Zo'n besluit neemt altijd een mens."
    ),
    "policy.consent.heading": "Je toestemming intrekken",
    "policy.consent.how": (
        "Vraag in het reactieformulier onder een bericht een link naar je reacties aan (via 'Mijn"
        " reacties beheren'); die komt per mail naar het adres waarmee je reageerde. Daar trek je"
        " je toestemming in: je verhaal verdwijnt dan meteen bij de aanbevelingen. Je kunt je "
        "reactie daar ook verwijderen."
    ),
    "policy.extra.heading": "Van {owner}",
    "policy.figures.counts": (
        "Ontvangen ervaringen: {received} · gepubliceerd: {published} · om privacyredenen niet "
        "geplaatst: {privacy} · spam: {spam}."
    ),
    "policy.figures.not_yet": (
        "{counts} Gemiddelde beoordeling: nog niet getoond (aantal beoordelingen: {n}; we tonen "
        "het vanaf {least})."
    ),
    "policy.figures.average": (
        "{counts} Gemiddelde beoordeling: {average} van 5 (aantal beoordelingen: {n})."
    ),
    # -- WordPress: imports and the plugin's counts (issue 28) --
    # the name of an imported comment that had none
    "import.anonymous": "Anoniem",
    # --- mails (service/notify/): a body's last line break is added where it is sent
    # the owner's notice of a new comment, in ADMIN_LANG (service/notify/owner_mail.py)
    "mail.owner.subject_pending": "Nieuwe reactie van {author} om te beoordelen",
    "mail.owner.subject_approved": "Nieuwe reactie van {author}",
    "mail.owner.wrote": "{author} schreef onder “{page}”:",
    "mail.owner.review": "Bekijk en beoordeel: {url}",
    "mail.owner.action_approve": "Goedkeuren",
    "mail.owner.action_reject": "Afwijzen",
    "mail.owner.action_spam": "Spam",
    # one one-click link of the notice: the action's name, then its address
    "mail.owner.action_line": "{action}: {url}",
    # what the owner needs to decide from the notice, above its links
    "mail.fact.rating": "Beoordeling: {stars} ({n} van 5)",
    "mail.fact.no_rating": "Beoordeling: geen",
    "mail.fact.consent": "Toestemming voor gebruik als aanbeveling: ja (versie {version})",
    "mail.fact.no_consent": "Toestemming voor gebruik als aanbeveling: nee",
    "mail.fact.email": "E-mail van de schrijver: {email}",
    "mail.fact.no_email": "E-mail van de schrijver: niet opgegeven",
    "mail.fact.page": "Pagina: {page}",
    "mail.fact.reply_to": "Antwoord op de reactie van {author}",
    "mail.fact.hints": "Let op: {hints}",
    # the owner's notices folded into one mail under a flood
    "mail.digest.subject": "Nog {n} nieuwe reacties in één bericht",
    "mail.digest.intro": (
        "Er kwamen veel reacties tegelijk binnen. Om je inbox te sparen staan deze {n} in één "
        "bericht:"
    ),
    "mail.digest.line": "- {author} onder “{page}” ({status})",
    "mail.digest.more": "… en nog {n}",
    "mail.digest.status_pending": "wacht op jou",
    "mail.digest.status_approved": "gepubliceerd",
    "mail.digest.status_gone": "niet meer in de wachtrij",
    # the settings page's test mail
    "mail.test.subject": "Testmail van {site}",
    "mail.test.body": "Mail van {url} komt aan.",
    # mail to readers, in the comment's language (service/notify/reader_mail.py). Mail to an
    # address nobody confirmed names only what the owner wrote: never a poster's words.
    "mail.reader.manage_subject": "Je reacties op {site} beheren",
    "mail.reader.manage": (
        "Iemand (hopelijk jij) vroeg om je reacties op {site} te beheren.\n"
        "Met deze link zie je ze, en kun je ze aanpassen, je toestemming intrekken of ze "
        "verwijderen. De link werkt één keer per actie en verloopt binnen een dag:\n"
        "\n"
        "{url}\n"
        "\n"
        "Heb je dit niet gevraagd? Dan kun je deze mail negeren."
    ),
    "mail.reader.confirm_subject": "Bevestig je berichten over antwoorden op {site}",
    "mail.reader.confirm": (
        "Iemand (hopelijk jij) vroeg om een bericht als er een antwoord komt op een reactie op "
        "{site} ({home}).\n"
        "Bevestig dat met deze link:\n"
        "\n"
        "{url}\n"
        "\n"
        "Niet gevraagd? Negeer deze mail; je krijgt dan niets."
    ),
    "mail.reader.reply_subject": "Nieuw antwoord op je reactie op {site}",
    "mail.reader.reply": (
        "{author} antwoordde op je reactie onder “{page}”:\n\n{quote}\n\nLees het hier: {url}"
    ),
    "mail.reader.stop": "Geen berichten meer over antwoorden: {url}",
    "mail.reader.statement_subject": "Over je reactie op {site}",
    "mail.reader.statement": (
        "Je reactie van {date} op {site} ({home}) is {decision}.\n"
        "\n"
        "Waarom: {reason}\n"
        "{note}\n"
        "Dit besluit heeft een mens genomen ({owner}), geen automatisch systeem. Zo gaan we om met "
        "reacties: {policy}\n"
        "\n"
        "Ben je het er niet mee eens, of wil je iets uitleggen? Antwoord dan op deze mail; we "
        "kijken er opnieuw naar."
    ),
    "mail.reader.statement_note": "Toelichting: {note}",
    "mail.reader.decision_rejected": "niet gepubliceerd",
    "mail.reader.decision_unpublished": "offline gehaald",
    "mail.reader.decision_deleted": "verwijderd",
    "mail.reader.grounds_privacy": (
        "ze noemt persoonlijke gegevens, van de schrijver of van een ander."
    ),
    "mail.reader.grounds_spam": "ze is spam of reclame.",
    "mail.reader.grounds_off_topic": "ze gaat niet over het onderwerp of over de praktijk.",
    "mail.reader.grounds_health_claim": (
        "ze zegt dat een behandeling of product een ziekte of klacht geneest of behandelt, en zo'n "
        "bewering mag de praktijk niet als reclame herhalen."
    ),
    "mail.reader.grounds_illegal": "ze is in strijd met de wet.",
    "mail.reader.report_ack_subject": "Je melding op {site} is ontvangen",
    "mail.reader.report_ack": (
        "We hebben je melding over een reactie op {site} ({home}) ontvangen. Een mens kijkt ernaar "
        "en beslist wat ermee gebeurt."
    ),
    # --- names on testimonials and consent given again (service/domain/display_names.py) ---
    "name.client": "een cliënt",
    "admin.log_display_name": "wijzigde de naam bij #{id}",
    "admin.log_undo_display_name": "zette de naam bij #{id} terug",
    "hint.full_name": "Noemt een volledige naam",
    "widget.mine.withdrawSure": "Je verhaal verdwijnt van de voorpagina. Zeker?",
    "widget.mine.give": "Geef toestemming",
    "widget.mine.giveLabel": "Geef opnieuw toestemming om dit als aanbeveling te tonen",
    "widget.mine.given": "Dank je! Je verhaal mag weer als aanbeveling getoond worden.",
    "reader_page.no_consent": "Dit staat niet als aanbeveling op de website.",
    "reader_page.give_consent": (
        "Toestemming geven: mijn verhaal mag als aanbeveling op deze website staan"
    ),
    "reader_page.done_give_consent": (
        "Dank je! Je toestemming is vastgelegd; je verhaal kan weer als aanbeveling getoond worden."
    ),
    "mail.reader.ask_consent_subject": "Mag je verhaal weer op {site} staan?",
    "mail.reader.ask_consent": (
        "{owner} van {site} ({home}) vraagt of je verhaal van {date} bij ‘{page}’ weer als "
        "aanbeveling op de website mag staan.\n"
        "Met deze link zie je je reacties en kun je opnieuw toestemming geven, of niet. De link "
        "werkt één keer per actie en verloopt binnen een dag:\n"
        "\n"
        "{url}\n"
        "\n"
        "Liever niet? Dan hoef je niets te doen: zonder jouw toestemming blijft het zoals het is."
    ),
    "admin.name_shown": "Naam bij de aanbeveling",
    "admin.name_shown_help": (
        "Nu getoond als: {name}. Alleen inkorten: woorden weglaten of tot een voorletter maken."
    ),
    "admin.name_choose": "Kies hoe de naam verschijnt",
    "admin.name_style_full": "volledig",
    "admin.name_style_first_initial": "voornaam en voorletter",
    "admin.name_style_initials": "voorletters",
    "admin.name_style_client": "zonder naam",
    "admin.name_default": "Standaard (voornaam en voorletter)",
    "admin.name_other": "Of typ een inkorting van de naam",
    "admin.name_submit": "Naam opslaan",
    "admin.done_display_name": "De naam bij de aanbeveling is aangepast.",
    "admin.error_not_a_shortening": (
        "Dat kan niet: alleen een inkorting van de eigen naam van de schrijver, of ‘een cliënt’."
    ),
    "admin.ask_consent": "Vraag opnieuw om toestemming",
    "admin.done_ask_consent": "Het verzoek om toestemming gaat per mail naar de schrijver.",
    "admin.error_no_address": "De schrijver liet geen e-mailadres achter.",
    "admin.error_address_unconfirmed": (
        "De schrijver heeft dit e-mailadres nooit bevestigd; Chorus mailt er daarom niet naar."
    ),
    "admin.error_mail_off": "Chorus kan geen mail naar lezers sturen (geen mailserver ingesteld).",
    "admin.error_consent_given": "De schrijver gaf al toestemming.",
    "admin.error_not_a_story": "Alleen een verhaal van een lezer kan toestemming hebben.",
    "admin.log_ask_consent": "vroeg de schrijver van #{id} om toestemming",
    "admin.log_give_consent": "gaf opnieuw toestemming voor #{id}",
    # --- webhooks ---
    "admin.webhooks.chat_comment_created": (
        "Nieuwe reactie van {author} onder “{page}” ({status}): {words}\nBekijk de wachtrij: {url}"
    ),
    "admin.webhooks.chat_comment_status_changed": (
        "De reactie van {author} onder “{page}” is nu {status}: {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_published": (
        "Het verhaal van {author} staat nu bij de ervaringen: {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_withdrawn": (
        "Het verhaal van {author} staat niet meer bij de ervaringen: {words}\n{url}"
    ),
    "admin.webhooks.chat_report_created": (
        "Iemand meldt de reactie van {author} onder “{page}”: {words}\nBekijk de meldingen: {url}"
    ),
    "admin.webhooks.chat_invite_answered": (
        "{author} heeft op je uitnodiging geantwoord: {words}\n{url}"
    ),
    "admin.webhooks.chat_webhook_test": (
        "Een testbericht van Chorus: deze koppeling werkt.\n{url}"
    ),
    "admin.webhooks.chat_other": "Chorus: {event}\n{url}",
    "admin.webhooks.status_pending": "wacht op beoordeling",
    "admin.webhooks.status_approved": "gepubliceerd",
    "admin.webhooks.status_rejected": "afgewezen",
    "admin.webhooks.status_spam": "als spam gemarkeerd",
    "admin.webhooks.test_message": "Een testbericht van Chorus: deze koppeling werkt.",
    "admin.webhooks.ntfy_open": "Openen",
    "mail.webhook_paused.subject": "Een koppeling van {site} is gepauzeerd",
    "mail.webhook_paused.body": (
        "Chorus kon een bericht na ruim een dag proberen niet afleveren bij {url}, en heeft die "
        "koppeling gepauzeerd. Wat er sindsdien gebeurt, wacht tot je haar hervat: {page}"
    ),
    # --- accounts, roles and the second factor ---
    "admin.actor_account": "{name}",
    "admin.nav_accounts": "Gebruikers",
    "admin.nav_account": "Mijn account",
    "admin.login_email": "E-mailadres",
    "admin.login_email_hint": "De eigenaar van het eerste account mag dit leeg laten.",
    "admin.login_joined": "Je account is klaar. Log in met je e-mailadres.",
    "admin.title_login_code": "Tweede stap",
    "admin.login_code_intro": (
        "Vul de code in die je authenticator-app toont, of een van je herstelcodes."
    ),
    "admin.login_code": "Code uit de app",
    "admin.login_code_wrong": "Die code klopt niet, of is al gebruikt.",
    "admin.title_invitation": "Meedoen",
    "admin.invitation_intro": "Je bent uitgenodigd als {role} met {email}. Kies je wachtwoord.",
    "admin.invitation_password": "Wachtwoord (minstens 12 tekens)",
    "admin.invitation_again": "Hetzelfde wachtwoord nog eens",
    "admin.invitation_accept": "Maak mijn account",
    "admin.title_account": "Mijn account",
    "admin.account_name": "Naam",
    "admin.account_role": "Rol",
    "admin.account_factor": "Tweede factor",
    "admin.account_factor_on_one": "Aan (nog 1 herstelcode)",
    "admin.account_factor_on_other": "Aan (nog {n} herstelcodes)",
    "admin.account_factor_off": "Uit.",
    "admin.account_factor_add": "Stel een code-app in",
    "admin.role_owner": "eigenaar",
    "admin.role_moderator": "moderator",
    "admin.sessions_title": "Waar je bent ingelogd",
    "admin.sessions_intro": "Elke open sessie van je account. Beëindig wat je niet herkent.",
    "admin.sessions_browser": "Browser",
    "admin.sessions_place": "Adres (eerste deel)",
    "admin.sessions_first": "Ingelogd",
    "admin.sessions_last": "Laatst gezien",
    "admin.sessions_end": "Beëindig",
    "admin.sessions_this": "deze",
    "admin.title_totp": "Tweede factor",
    "admin.totp_intro": (
        "Scan de code met een authenticator-app, of typ de sleutel over, en vul dan de eerste "
        "code in die de app toont."
    ),
    "admin.totp_qr_alt": "QR-code voor je authenticator-app",
    "admin.totp_key": "Sleutel:",
    "admin.totp_first_code": "Eerste code",
    "admin.totp_confirm": "Zet aan",
    "admin.totp_required": (
        "Deze site vraagt elk account om een tweede factor. Stel er een in om verder te gaan."
    ),
    "admin.totp_done": "Je tweede factor staat aan. Inloggen vraagt nu om een code.",
    "admin.totp_codes_title": "Herstelcodes",
    "admin.totp_codes_intro": (
        "Elke code werkt één keer, als je je telefoon kwijt bent. Bewaar ze goed: je ziet ze "
        "alleen nu."
    ),
    "admin.totp_already": (
        "Je tweede factor staat aan. Kwijt? Dan voert de beheerder van de server uit: python "
        "-m service reset-2fa"
    ),
    "admin.title_accounts": "Gebruikers",
    "admin.accounts_email": "E-mailadres",
    "admin.accounts_manage": "Beheer",
    "admin.accounts_disabled": "uitgeschakeld",
    "admin.accounts_factor_yes": "aan",
    "admin.accounts_factor_no": "uit",
    "admin.accounts_make_owner": "Maak eigenaar",
    "admin.accounts_make_moderator": "Maak moderator",
    "admin.accounts_disable": "Schakel uit",
    "admin.accounts_enable": "Schakel in",
    "admin.accounts_remove": "Verwijder",
    "admin.accounts_end_sessions": "Beëindig sessies",
    "admin.accounts_done_role": "Rol gewijzigd; dat account logt opnieuw in.",
    "admin.accounts_done_disabled": "Account uitgeschakeld; de sessies zijn beëindigd.",
    "admin.accounts_done_enabled": "Account ingeschakeld.",
    "admin.accounts_done_removed": "Account verwijderd; de sessies zijn beëindigd.",
    "admin.accounts_done_sessions": "De sessies zijn beëindigd.",
    "admin.invitations_title": "Openstaande uitnodigingen",
    "admin.invitations_made": "Uitgenodigd",
    "admin.invitations_withdraw": "Intrekken",
    "admin.accounts_done_withdrawn": "Uitnodiging ingetrokken: de link werkt niet meer.",
    "admin.account_name_title": "Je naam",
    "admin.account_name_label": "De naam onder je antwoorden",
    "admin.account_name_save": "Naam bewaren",
    "admin.account_done_name": "Naam bewaard.",
    "admin.account_password_title": "Je wachtwoord",
    "admin.account_password_intro": (
        "Wijzigen beëindigt je sessies in alle andere browsers; in deze blijf je ingelogd."
    ),
    "admin.account_password_current": "Huidig wachtwoord",
    "admin.account_password_new": "Nieuw wachtwoord (minstens {length} tekens)",
    "admin.account_password_save": "Wachtwoord wijzigen",
    "admin.account_done_password": "Wachtwoord gewijzigd; je andere sessies zijn beëindigd.",
    "admin.error_wrong_password": "Dat is niet je huidige wachtwoord.",
    "admin.error_password_in_settings": (
        "Je wachtwoord staat in ADMIN_PASSWORD_HASH op de server: wijzig het daar."
    ),
    "admin.error_rate_limited": "Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.",
    "admin.invite_title": "Nodig iemand uit",
    "admin.invite_send": "Nodig uit",
    "admin.invite_done": (
        "Uitnodiging voor {email} gemaakt. Die is gemaild als e-mail is ingesteld; je kunt de "
        "link ook kopiëren."
    ),
    "admin.invite_link": "Eenmalige link (een week geldig):",
    "admin.error_forbidden_role": "Alleen de eigenaar mag dit.",
    "admin.error_wrong_code": "Die code klopt niet.",
    "admin.error_invalid_email": "Dat is geen e-mailadres.",
    "admin.error_email_taken": "Er is al een account met dat adres.",
    "admin.error_last_owner": "Er moet een eigenaar overblijven.",
    "admin.error_passwords_differ": "De twee wachtwoorden verschillen.",
    "admin.error_password_short": "Kies een wachtwoord van minstens 12 tekens.",
    "admin.settings_factor": "Tweede factor",
    "admin.settings_factor_on": "Verplicht voor elk account (ADMIN_REQUIRE_2FA)",
    "admin.settings_factor_off": "Niet verplicht",
    "admin.settings_factor_recommend": (
        "Aanbevolen: zet ADMIN_REQUIRE_2FA=true, zodat elke login een tweede factor vraagt. "
        "Stel eerst je eigen in, onder Mijn account."
    ),
    "mail.account.invite_subject": "Je uitnodiging voor {site}",
    "mail.account.invite": (
        "{owner} nodigt je uit om te helpen met de reacties op {site}. Kies hier je "
        "wachtwoord (de link werkt één keer, een week lang):\n{url}"
    ),
    "mail.account.signin_subject": "Nieuwe login bij {site}",
    "mail.account.signin": (
        "Er is ingelogd op je account bij {site} vanuit een browser die we nog niet kenden "
        "({browser}). Was jij dat niet? Beëindig die sessie en wijzig je wachtwoord: {url}"
    ),
    "admin.passkey_sign_in": "Log in met een passkey",
    "admin.passkey_refused": "Die passkey opent hier geen account.",
    "admin.passkey_failed": (
        "De passkey werkte niet. Probeer het opnieuw, of gebruik je wachtwoord."
    ),
    "admin.login_passkey_intro": "Bevestig met een van je passkeys.",
    "admin.passkeys_title": "Passkeys",
    "admin.passkeys_intro": (
        "Met een passkey log je in zonder wachtwoord, met je vingerafdruk, gezicht of de pincode "
        "van je apparaat. Na een wachtwoord telt hij ook als tweede factor."
    ),
    "admin.passkey_name": "Naam van de passkey",
    "admin.passkey_added": "Toegevoegd",
    "admin.passkey_last_used": "Laatst gebruikt",
    "admin.passkey_remove": "Verwijder",
    "admin.passkey_add": "Voeg een passkey toe",
    "admin.account_done_passkey_added": "Passkey toegevoegd.",
    "admin.account_done_passkey_removed": "Passkey verwijderd: hij logt niet meer in.",
    "admin.error_passkey_refused": "Die passkey kon niet worden gecontroleerd.",
    "admin.error_passkey_expired": "Dat duurde te lang. Probeer het opnieuw.",
    "admin.error_too_many_passkeys": "Verwijder eerst een passkey voor je er een toevoegt.",
    "admin.error_passkey_known": "Die passkey is al geregistreerd.",
    # --- languages: how this language writes dates and numbers, and its name in the switch
    # between languages on the pages Chorus serves itself (service/text/__init__.py)
    "format.date": "{day} {month} {year}",
    "format.decimal": "{whole},{fraction}",
    "format.thousands": "{thousands}.{rest}",
    "format.list": "{first}; {then}",
    "language.name": "Nederlands",
    "language.switch": "Taal",
    # --- invitations and the story page ---
    "mail.reader.invite_subject": "Hoe was je behandeling bij {site}?",
    "mail.reader.invite_reminder_subject": "Nog even: hoe was je behandeling bij {site}?",
    "mail.reader.invite_greeting": "Hallo {name},",
    "mail.reader.invite_greeting_anonymous": "Hallo,",
    "mail.reader.invite": (
        "Dank je wel voor je bezoek aan {site}. Wil je in een paar zinnen vertellen hoe je "
        "behandeling was? Je verhaal helpt anderen kiezen, en {owner} leest het zelf.\n\n"
        "Vertel het hier: {url}\n\nDe link is persoonlijk en {days} dagen geldig. Je kiest "
        "zelf hoe je naam erbij komt te staan; niets verschijnt zonder je toestemming."
    ),
    "mail.reader.invite_reminder": (
        "Een paar dagen geleden vroeg {site} je hoe je behandeling was. Heb je nog even tijd? "
        "Een paar zinnen is genoeg.\n\nVertel het hier: {url}\n\nDit is de enige herinnering: "
        "je hoort hierover niets meer van ons."
    ),
    "story.title": "Hoe was je behandeling bij {site}?",
    "story.collect_title": "Vertel over je behandeling bij {site}",
    "story.intro": (
        "Vertel in je eigen woorden hoe het was. {owner} leest elk verhaal zelf voordat het op "
        "de website komt."
    ),
    "story.greeting": "Hallo {name}!",
    "story.page_title": "Ervaringen",
    "story.name": "Je naam",
    "story.rating": "Je waardering (optioneel)",
    "story.no_rating": "Geen sterren",
    "story.stars": "{n} van 5 sterren",
    "story.body": "Je verhaal",
    "story.consent": "Toestemming (versie {version})",
    "story.name_style": "Hoe mag je naam erbij staan?",
    "story.name_style_full": "Mijn volledige naam",
    "story.name_style_first_initial": "Voornaam en eerste letter van mijn achternaam",
    "story.name_style_initials": "Alleen mijn voorletters",
    "story.name_style_client": "Zonder naam: “een cliënt”",
    "story.client_word": "een cliënt",
    "story.email": "Je e-mailadres (optioneel)",
    "story.email_hint": "Alleen als je een antwoord wilt. Nooit zichtbaar op de website.",
    "story.send": "Verstuur mijn verhaal",
    "story.thanks": (
        "Dank je wel voor je verhaal! Het verschijnt op de website zodra {owner} het heeft gelezen."
    ),
    "story.refused": "Dat lukte niet: {message}",
    "story.used": "Met deze link is al een verhaal verstuurd. Dank je wel daarvoor!",
    "story.expired": (
        "Deze link is verlopen. Je kunt je verhaal nog steeds vertellen op de pagina van de "
        "praktijk."
    ),
    "story.withdrawn": (
        "Deze link werkt niet meer. Je kunt je verhaal nog steeds vertellen op de pagina van "
        "de praktijk."
    ),
    "story.unknown": (
        "Deze link kennen we niet. Misschien is hij niet helemaal meegekomen; je kunt je "
        "verhaal ook vertellen op de pagina van de praktijk."
    ),
    "story.to_collect": "Naar de pagina voor verhalen",
    "story.policy": "Zo gaan we om met ervaringen",
    "story.verified": "geverifieerde cliënt",
    "story.verified_on": "geverifieerde cliënt (uitgenodigd op {date})",
    "admin.tab_invites": "Uitnodigen",
    "admin.title_invites": "Uitnodigen",
    "admin.invites_intro": (
        "Vraag een cliënt om haar verhaal: Chorus maakt een persoonlijke link die één keer "
        "werkt en {days} dagen geldig is. Met een e-mailadres mailt Chorus hem; anders kopieer "
        "je de link (voor je afspraakbevestiging, WhatsApp of sms)."
    ),
    "admin.invites_no_mail": "Er is geen mailserver ingesteld: kopieer de link en stuur hem zelf.",
    "admin.invite_single": "Eén cliënt uitnodigen",
    "admin.invite_name": "Voornaam (optioneel)",
    "admin.invite_email": "E-mailadres (optioneel)",
    "admin.invite_email_hint": (
        "Chorus bewaart het adres alleen tot de cliënt antwoordt of de link verloopt."
    ),
    "admin.invite_lang": "Taal",
    "admin.lang_nl": "Nederlands",
    "admin.lang_en": "Engels",
    "admin.lang_de": "Duits",
    "admin.lang_fr": "Frans",
    "admin.story_invite_send": "Uitnodiging maken",
    "admin.invite_many": "Meer cliënten tegelijk",
    "admin.invite_emails": "E-mailadressen, één per regel (hoogstens {max})",
    "admin.invite_send_many": "Iedereen uitnodigen",
    "admin.invite_made_mailed": "De uitnodiging is gemaakt en wordt gemaild.",
    "admin.invite_made_copy": (
        "De uitnodiging is gemaakt. Kopieer de link en stuur hem aan je cliënt."
    ),
    "admin.invites_sent": (
        "{sent} uitgenodigd; geweigerd: {invalid} ongeldig adres, {already} al uitgenodigd."
    ),
    "admin.invite_withdrawn": "De uitnodiging is ingetrokken: de link werkt niet meer.",
    "admin.invites_list": "Uitnodigingen",
    "admin.invites_search": "Zoek op naam of adres",
    "admin.invites_none": "Nog geen uitnodigingen.",
    "admin.invite_who": "Cliënt",
    "admin.invite_state": "Stand",
    "admin.invite_when": "Gemaakt",
    "admin.story_invite_link": "Persoonlijke link",
    "admin.invite_link_of": "Link van uitnodiging {id}",
    "admin.invite_expires": "verloopt {date}",
    "admin.invite_withdraw": "Intrekken",
    "admin.invite_status_created": "gemaakt",
    "admin.invite_status_mailed": "gemaild",
    "admin.invite_status_opened": "geopend",
    "admin.invite_status_answered": "beantwoord",
    "admin.invite_status_expired": "verlopen",
    "admin.invite_status_withdrawn": "ingetrokken",
    "admin.invites_total_one": "1 uitnodiging in totaal",
    "admin.invites_total_other": "{n} uitnodigingen in totaal",
    "admin.invites_pages": "Bladeren",
    "admin.invites_newer": "Nieuwere",
    "admin.invites_older": "Oudere",
    "admin.invites_qr": "QR-code voor de balie",
    "admin.invites_qr_intro": (
        "De QR-code leidt naar de verhalenpagina van de praktijk, voor een kaartje aan de "
        "balie of op de website. Download hem om te printen."
    ),
    "admin.invites_qr_svg": "SVG (voor drukwerk)",
    "admin.invites_qr_png": "PNG (voor scherm en printer)",
    "admin.verified_client": "Geverifieerde cliënt (uitgenodigd op {date})",
    "admin.source_collect": "Via de verhalenpagina",
    "admin.invite_copy": "Kopieer",
    "admin.invite_copied": "Gekopieerd",
    "widget.testimonials.verified": "geverifieerde cliënt",
    "policy.who.invited": (
        "{owner} kan een cliënt na een behandeling ook zelf om haar verhaal vragen, met een "
        "persoonlijke link die één keer werkt en {days} dagen geldig is. Zo'n verhaal komt in "
        "dezelfde wachtrij als elke reactie."
    ),
    "policy.who.collected": (
        "Op de verhalenpagina van de praktijk ({url}), waar een link op de website of een "
        "QR-code aan de balie naartoe leidt, kan iedereen een verhaal vertellen; ook die "
        "verhalen komen in dezelfde wachtrij."
    ),
    "policy.verified.heading": "Geverifieerde cliënt",
    "policy.verified.how": (
        "Een verhaal heet “geverifieerde cliënt (uitgenodigd op <datum>)” alleen als het met "
        "zo'n persoonlijke uitnodiging is verstuurd: {owner} stuurde de link zelf aan een "
        "cliënt, en de link werkt maar één keer. Meer dan dat controleert {site} niet; wie een "
        "uitnodiging krijgt, bepaalt {owner}."
    ),
    "policy.verified.not": (
        "Reacties onder een blog en verhalen van de verhalenpagina krijgen dat kenmerk nooit, "
        "want die pagina's kan iedereen openen."
    ),
    "admin.privacy_invitations": "Uitnodigingen",
    "admin.privacy_no_invitations": "Geen open uitnodigingen naar dit adres.",
    "admin.nav_integrations": "Koppelingen",
    "admin.integrations_title": "Koppelingen",
    "admin.integrations_intro": (
        "Chorus kan andere systemen laten weten wat er gebeurt: een ondertekende webhook voor je "
        "eigen software, of een bericht in een Slack-, Mattermost- of Discord-kanaal."
    ),
    "admin.integrations_add_title": "Koppeling toevoegen",
    "admin.integrations_url": "Adres (URL)",
    "admin.integrations_format": "Vorm",
    "admin.integrations_format_standard": "Webhook (ondertekende JSON)",
    "admin.integrations_format_slack": "Slack",
    "admin.integrations_format_mattermost": "Mattermost",
    "admin.integrations_format_discord": "Discord",
    "admin.integrations_events": "Gebeurtenissen",
    "admin.integrations_event_comment_created": "Een nieuwe reactie",
    "admin.integrations_event_comment_status_changed": "De status van een reactie veranderde",
    "admin.integrations_event_testimonial_published": "Een ervaringsverhaal is gepubliceerd",
    "admin.integrations_event_testimonial_withdrawn": "Een ervaringsverhaal is teruggetrokken",
    "admin.integrations_event_report_created": "Een reactie is gemeld",
    "admin.integrations_event_invite_answered": "Een uitnodiging is beantwoord",
    "admin.integrations_own_system": "Dit is mijn eigen systeem",
    "admin.integrations_own_system_help": (
        "Alleen je eigen systeem krijgt de e-mailadressen van lezers; iets anders nooit."
    ),
    "admin.integrations_own_system_badge": "eigen systeem",
    "admin.integrations_add": "Koppeling toevoegen",
    "admin.integrations_created": "Koppeling toegevoegd: {url}",
    "admin.integrations_key_once": (
        "Dit is het geheim dat elk bericht ondertekent. Kopieer het nu: je ziet het niet nog eens."
    ),
    "admin.integrations_list_title": "Je koppelingen",
    "admin.integrations_none": "Nog geen koppelingen.",
    "admin.integrations_active": "actief",
    "admin.integrations_paused": "gepauzeerd sinds {date}",
    "admin.integrations_test": "Stuur een testbericht",
    "admin.integrations_resume": "Hervatten",
    "admin.integrations_delete": "Verwijderen",
    "admin.integrations_deliveries": "Laatste berichten",
    "admin.integrations_no_deliveries": "Nog niets verstuurd.",
    "admin.integrations_col_time": "Tijd",
    "admin.integrations_col_event": "Gebeurtenis",
    "admin.integrations_col_status": "Status",
    "admin.integrations_col_attempts": "Pogingen",
    "admin.integrations_state_waiting": "wacht",
    "admin.integrations_state_sending": "wordt verstuurd",
    "admin.integrations_state_delivered": "afgeleverd",
    "admin.integrations_state_failed": "mislukt",
    "admin.integrations_error_url": (
        "Chorus kan niet naar dat adres sturen: geef een https://-adres op internet."
    ),
    "admin.integrations_error_events": "Kies minstens één gebeurtenis.",
    "admin.integrations_error_format": "Kies een van de vormen.",
    "admin.done_webhook_test": "Testbericht klaargezet; het gaat zo de deur uit.",
    "admin.done_webhook_resume": "Koppeling hervat; wat wachtte gaat nu de deur uit.",
    "admin.done_webhook_delete": "Koppeling verwijderd.",
    "mail.ntfy_failed.subject": "Pushberichten van {site} komen niet aan",
    "mail.ntfy_failed.body": (
        "Chorus kon na ruim een dag proberen geen pushbericht afleveren bij {server}. Kijk "
        "NTFY_URL en NTFY_TOKEN na; deze mail krijg je pas weer nadat er een bericht aankwam. "
        "Je koppelingen: {page}"
    ),
}
