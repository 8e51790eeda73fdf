"""The moderation page's words in Dutch and English; `settings.ADMIN_LANG` picks one.

Kept apart from the templates so both languages can be checked for the same keys, and so the
script gets exactly the strings the page shows. Placeholders use str.format names.
"""

from __future__ import annotations

import settings
from service.domain.wall import MAX_PINS

NL: dict[str, str] = {
    "lang": "nl",
    "title_queue": "Reacties beoordelen",
    "title_login": "Inloggen",
    "title_activity": "Activiteit",
    "title_comment": "Reactie #{id}",
    "title_delete": "Reactie verwijderen?",
    "title_error": "Dat lukte niet",
    "brand": "Moderatie",
    "nav": "Hoofdmenu",
    "nav_queue": "Reacties",
    "nav_activity": "Activiteit",
    "nav_rules": "Regels",
    "title_rules": "Eigen regels",
    "rules_intro": (
        "Woorden, zinnen en linkdomeinen die een nieuwe reactie naar spam of naar de wachtrij "
        "sturen. Hoofdletters, spaties en onzichtbare tekens maken niet uit."
    ),
    "rule_kind": "Soort",
    "rule_kind_word": "Woord",
    "rule_kind_phrase": "Zin",
    "rule_kind_domain": "Linkdomein",
    "rule_value": "Tekst of domein",
    "rule_action": "Dan",
    "rule_action_spam": "Naar spam",
    "rule_action_queue": "Laten beoordelen",
    "rule_add": "Regel toevoegen",
    "rule_delete": "Verwijderen",
    "no_rules": "Nog geen eigen regels.",
    "log_intake": "Tegengehouden door regel",
    "log_intake_rule": "regel ({kind}): {value}",
    "actor_rules": "Eigen regels",
    "error_rule_exists": "Die regel bestaat al.",
    "error_invalid_domain": "Geef een domein zoals spam.example.",
    "error_not_a_word": "Een woordregel is één woord; kies Zin voor meer woorden.",
    "error_too_many_rules": "Er zijn te veel regels; verwijder er eerst een paar.",
    "logout": "Uitloggen",
    "skip": "Naar de inhoud",
    "shortcuts_button": "Sneltoetsen",
    # login
    "password": "Wachtwoord",
    "login": "Inloggen",
    "login_intro": "Log in om reacties te beoordelen.",
    "login_wrong": "Dat wachtwoord klopt niet.",
    "login_locked_one": "Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.",
    "login_locked_other": "Te veel mislukte pogingen. Probeer het over {n} minuten opnieuw.",
    "login_no_password": (
        "Er is nog geen wachtwoord ingesteld. Stel er een in met: make admin-password"
    ),
    "logged_out": "Je bent uitgelogd.",
    # tabs and filters
    "tabs": "Status",
    "tab_pending": "Te beoordelen",
    "tab_approved": "Goedgekeurd",
    "tab_testimonials": "Aanbevelingen",
    "tab_spam": "Spam",
    "tab_rejected": "Afgewezen",
    "tab_all": "Alles",
    "filters": "Filteren",
    "filter_page": "Pagina",
    "filter_all_pages": "Alle pagina's",
    "filter_search": "Zoeken in naam, tekst, e-mail en pagina",
    "filter_order": "Volgorde",
    "order_newest": "Nieuwste eerst",
    "order_oldest": "Oudste eerst",
    "filter_apply": "Toepassen",
    "filter_clear": "Wissen",
    "empty_pending": "Niets te beoordelen. Alles is bijgewerkt.",
    "empty_pending_next": "Nieuwe reacties verschijnen hier zodra lezers ze plaatsen.",
    "empty": "Geen reacties gevonden.",
    "empty_next": "Kies een ander tabblad, of wis het filter.",
    "showing": "{first}–{last} van {total}",
    "pagination": "Paginering",
    "previous": "Vorige",
    "next": "Volgende",
    # cards
    "status_pending": "Te beoordelen",
    "status_approved": "Goedgekeurd",
    "status_rejected": "Afgewezen",
    "status_spam": "Spam",
    "testimonial": "Aanbeveling",
    "owner_reply": "Jouw antwoord",
    "on_page": "op",
    "rating": "{n} van 5 sterren",
    "consent_yes": "Toestemming voor gebruik als aanbeveling (versie {version}, {date})",
    "consent_no": "Geen toestemming voor gebruik als aanbeveling",
    "consent_withdrawn": "Toestemming ingetrokken door de schrijver ({date})",
    "in_reply_to": "Antwoord op {author}:",
    "parent_gone": "Antwoord op een reactie die niet meer bestaat.",
    "excerpt_shown": "Getoonde passage:",
    "hints": "Let op",
    "select": "Selecteer reactie van {author}",
    "actions": "Acties voor reactie van {author}",
    "approve": "Goedkeuren",
    "reject": "Afwijzen",
    "spam": "Spam",
    "restore": "Terugzetten",
    "delete": "Verwijderen",
    "demote": "Geen aanbeveling meer",
    "pin": "Vastzetten bovenaan",
    "unpin": "Niet meer vastzetten",
    "pinned": "Vastgezet",
    "pin_help": (
        "Vastgezette aanbevelingen staan bovenaan, de laatst vastgezette eerst (hooguit {limit}); "
        "de rest volgt, nieuwste eerst."
    ),
    "promote": "Aanbeveling maken",
    "reply": "Antwoorden",
    "promote_no_consent": (
        "Kan niet: de schrijver gaf geen toestemming voor gebruik als aanbeveling."
    ),
    "promote_withdrawn": "Kan niet: de schrijver heeft de toestemming ingetrokken ({date}).",
    "promote_not_approved": "Keur de reactie eerst goed om er een aanbeveling van te maken.",
    "excerpt_label": "Passage voor de aanbeveling",
    "excerpt_help": (
        "Verwijder woorden aan het begin of eind, of selecteer een stuk tekst (in de reactie of "
        "in dit tekstvak) en kies ‘Selectie gebruiken’. Je kunt niets herschrijven: het blijven "
        "de woorden van de schrijver."
    ),
    "use_selection": "Selectie gebruiken",
    "use_whole": "Hele tekst",
    "excerpt_invalid": "Dit is geen passage uit de tekst. Herschrijven kan niet.",
    "excerpt_no_selection": "Selecteer eerst een stuk tekst, in de reactie of in het tekstvak.",
    "preview": "Zo wordt het:",
    "promote_submit": "Maak aanbeveling",
    "reply_label": "Je antwoord (verschijnt meteen onder jouw naam)",
    "reply_submit": "Antwoord plaatsen",
    "redact": "Inkorten",
    "redact_label": "Ingekorte tekst",
    "redact_help": (
        "Vervang wat weg moet (een telefoonnummer, een achternaam) door […]: selecteer het (in de "
        "reactie of in dit tekstvak) en kies ‘Selectie wegknippen’, of typ zelf [...] op die "
        "plek. Alleen weghalen kan, niets toevoegen of herschrijven. Na het opslaan kun je het "
        "{seconds} seconden ongedaan maken; daarna is de weggeknipte tekst voorgoed weg."
    ),
    "cut_selection": "Selectie wegknippen",
    "redact_no_selection": "Selecteer eerst wat weg moet, in de reactie of in het tekstvak.",
    "redact_submit": "Inkorten opslaan",
    # bulk
    "bulk": "Meerdere tegelijk",
    "select_all": "Alles op deze pagina selecteren",
    "selected": "{n} geselecteerd",
    "with_selected": "Met selectie:",
    "bulk_approve": "Selectie goedkeuren",
    "bulk_reject": "Selectie afwijzen",
    "bulk_spam": "Selectie naar spam",
    "bulk_none": "Selecteer eerst een of meer reacties.",
    # notices
    "done_approve": "Goedgekeurd.",
    "done_reject": "Afgewezen.",
    "done_spam": "Naar spam verplaatst.",
    "done_restore": "Teruggezet naar te beoordelen.",
    "done_demote": "Geen aanbeveling meer.",
    "done_pin": "Vastgezet bovenaan.",
    "done_unpin": "Niet meer vastgezet.",
    "done_promote": "Aanbeveling gemaakt.",
    "done_reply": "Antwoord geplaatst.",
    "done_redact": "Ingekort.",
    "done_delete": "Verwijderd.",
    "done_undo": "Ongedaan gemaakt.",
    "done_bulk_one": "1 reactie bijgewerkt.",
    "done_bulk_other": "{n} reacties bijgewerkt.",
    "undo": "Ongedaan maken",
    "undo_row": "Ongedaan maken: {what} bij #{id}",
    "dismiss": "Sluiten",
    "not_here": "Die actie kan niet bij deze reactie.",
    "failed": "Dat lukte niet. Laad de pagina opnieuw en probeer het nog eens.",
    # delete
    "delete_question": "Deze reactie voorgoed verwijderen? Dit kun je niet ongedaan maken.",
    "delete_confirm": "Ja, verwijderen",
    "cancel": "Annuleren",
    "back": "Terug naar de reacties",
    # shortcuts
    "shortcuts": "Sneltoetsen",
    "key_next": "Volgende reactie",
    "key_prev": "Vorige reactie",
    "key_approve": "Goedkeuren",
    "key_reject": "Afwijzen",
    "key_spam": "Spam",
    "key_select": "Selecteren",
    "key_help": "Deze hulp tonen",
    "close": "Sluiten",
    # activity
    "activity_intro": "Wie deed wat, wanneer, met welke reactie.",
    "col_when": "Wanneer",
    "col_who": "Wie",
    "col_what": "Wat",
    "col_comment": "Reactie",
    "actor_owner": "Jij",
    "actor_api": "API-token",
    "actor_author": "De schrijver",
    "actor_mail": "Jij, via e-mail",
    "actor_other": "Onbekend ({actor})",
    "log_approve": "keurde #{id} goed",
    "log_reject": "wees #{id} af",
    "log_spam": "zette #{id} bij spam",
    "log_restore": "zette #{id} terug naar te beoordelen",
    "log_promote": "maakte een aanbeveling van #{id}",
    "log_demote": "haalde #{id} van de aanbevelingen",
    "log_pin": "zette #{id} bovenaan vast",
    "log_unpin": "zette #{id} niet meer vast",
    "log_delete": "verwijderde #{id}",
    "log_reply": "antwoordde op #{id}",
    "log_reply_detail": "jouw antwoord is #{reply}",
    "log_redact": "kortte #{id} in",
    "log_redact_cuts_one": "1 stuk weggeknipt",
    "log_redact_cuts_other": "{n} stukken weggeknipt",
    "log_undo": "maakte een wijziging aan #{id} ongedaan",
    "log_undo_status": "zette de status van #{id} terug",
    "log_undo_promote": "maakte de aanbeveling van #{id} ongedaan",
    "log_undo_demote": "maakte #{id} weer aanbeveling",
    "log_undo_reply": "haalde het antwoord op #{id} weg",
    "log_undo_redact": "zette de weggeknipte tekst van #{id} terug",
    "log_withdraw_consent": "trok de toestemming voor #{id} in",
    "log_edit": "bewerkte #{id}",
    "log_other": "een onbekende handeling ({action}) bij #{id}",
    # reports (DSA art. 16) and statements of reasons (art. 17)
    "tab_reported": "Gemeld",
    "title_reports": "Gemelde reacties",
    "reports_intro": (
        "Lezers meldden deze gepubliceerde reacties. Lees de meldingen en beslis: laten staan, "
        "offline halen of verwijderen. Je besluit geldt voor alle meldingen over die reactie."
    ),
    "reports_count_one": "1 melding",
    "reports_count_other": "{n} meldingen",
    "report_reason_illegal": "In strijd met de wet",
    "report_reason_privacy": "Privacy van een ander",
    "report_reason_spam": "Spam",
    "report_reason_other": "Iets anders",
    "report_by": "Van {email}",
    "report_by_nobody": "Zonder e-mailadres",
    "report_on": "Gemeld op {date}",
    "decide_dismiss": "Melding afwijzen",
    "decide_unpublish": "Offline halen",
    "decide_delete": "Verwijderen",
    "done_report_dismiss": "Melding afgewezen; de reactie blijft staan.",
    "done_report_unpublish": "De reactie is offline gehaald.",
    "done_report_delete": "De reactie is verwijderd.",
    "empty_reports": "Geen open meldingen.",
    "reason_label": "Reden voor de schrijver",
    "reason_none": "Geen reden: geen bericht",
    "reason_privacy": "Persoonlijke gegevens",
    "reason_spam": "Spam of reclame",
    "reason_off_topic": "Niet over het onderwerp",
    "reason_health_claim": "Gezondheidsclaim",
    "reason_illegal": "In strijd met de wet",
    "reason_note_label": "Eigen toelichting (niet verplicht)",
    "reason_hint": (
        "Met een reden krijgt de schrijver bij afwijzen of verwijderen een mail met je besluit "
        "en waarom (zo wil de Europese DSA het). Zonder reden gaat er niets."
    ),
    "log_report_dismissed": "wees een melding over #{id} af",
    "log_report_unpublished": "haalde #{id} offline na een melding",
    "log_report_deleted": "verwijderde #{id} na een melding",
    "log_reports_one": "1 melding",
    "log_reports_other": "{n} meldingen",
    "comment_deleted": "(verwijderd)",
    "older": "Oudere activiteit",
    "no_activity": "Nog geen activiteit.",
    # errors
    "error_csrf": "Dit verzoek kwam niet van de moderatiepagina. Ga terug en probeer het opnieuw.",
    "error_not_found": "Die reactie bestaat niet (meer).",
    "error_conflict": "De reactie is intussen veranderd. Laad de pagina opnieuw.",
    "error_not_in_text": "De passage moet letterlijk uit de tekst komen.",
    "error_no_consent": "De schrijver gaf geen toestemming voor gebruik als aanbeveling.",
    "error_consent_withdrawn": (
        "De schrijver heeft de toestemming voor gebruik als aanbeveling ingetrokken."
    ),
    "error_not_approved": "Alleen goedgekeurde reacties kunnen aanbeveling worden.",
    "error_too_many_pins": (
        "Er kunnen hooguit {max_pins} aanbevelingen vastgezet zijn. Zet er eerst een los."
    ),
    "error_not_testimonial": "Alleen een gepubliceerde aanbeveling kan bovenaan vastgezet worden.",
    "error_not_published": "Keur de reactie eerst goed om erop te antwoorden.",
    "error_duplicate": "Dit antwoord heb je al geplaatst.",
    "error_no_cut": "Zet […] op elke plek waar je iets wegknipt; er staat nog geen […] in.",
    "error_not_a_redaction": (
        "Je kunt alleen stukken weghalen: wat overblijft moet letterlijk en in dezelfde volgorde "
        "in de oorspronkelijke tekst staan."
    ),
    "error_required": "Vul dit veld in.",
    "error_too_long": "Die tekst is te lang.",
    "error_invalid": "Dat verzoek klopt niet.",
    "error_generic": "Er ging iets mis. Ga terug en probeer het opnieuw.",
    "error_undo_expired": "Dit kan niet meer ongedaan worden gemaakt.",
    # appearance
    "theme_dark": "Donker",
    # one-click links in the e-mail notice
    "title_mail": "Reactie beoordelen",
    "mail_question": "Wil je deze reactie van {author} {verb}?",
    "mail_verb_approve": "goedkeuren",
    "mail_verb_reject": "afwijzen",
    "mail_verb_spam": "als spam markeren",
    "mail_handled": "Deze reactie is al beoordeeld; deze link doet niets meer.",
    "error_invalid_link": "Deze link is ongeldig of verlopen. Log in om de reactie te beoordelen.",
}

EN: dict[str, str] = {
    "lang": "en",
    "title_queue": "Review comments",
    "title_login": "Log in",
    "title_activity": "Activity",
    "title_comment": "Comment #{id}",
    "title_delete": "Delete comment?",
    "title_error": "That did not work",
    "brand": "Moderation",
    "nav": "Main menu",
    "nav_queue": "Comments",
    "nav_activity": "Activity",
    "nav_rules": "Rules",
    "title_rules": "Your own rules",
    "rules_intro": (
        "Words, phrases and link domains that send a new comment to spam or to the queue. "
        "Case, spacing and invisible characters do not matter."
    ),
    "rule_kind": "Kind",
    "rule_kind_word": "Word",
    "rule_kind_phrase": "Phrase",
    "rule_kind_domain": "Link domain",
    "rule_value": "Text or domain",
    "rule_action": "Then",
    "rule_action_spam": "Send to spam",
    "rule_action_queue": "Hold for review",
    "rule_add": "Add rule",
    "rule_delete": "Delete",
    "no_rules": "No rules of your own yet.",
    "log_intake": "Held by a rule",
    "log_intake_rule": "rule ({kind}): {value}",
    "actor_rules": "Your rules",
    "error_rule_exists": "That rule exists already.",
    "error_invalid_domain": "Give a domain such as spam.example.",
    "error_not_a_word": "A word rule is one word; choose Phrase for more words.",
    "error_too_many_rules": "There are too many rules; delete a few first.",
    "logout": "Log out",
    "skip": "Skip to content",
    "shortcuts_button": "Shortcuts",
    "password": "Password",
    "login": "Log in",
    "login_intro": "Log in to review comments.",
    "login_wrong": "That password is not right.",
    "login_locked_one": "Too many failed attempts. Try again in 1 minute.",
    "login_locked_other": "Too many failed attempts. Try again in {n} minutes.",
    "login_no_password": "No password has been set yet. Set one with: make admin-password",
    "logged_out": "You are logged out.",
    "tabs": "Status",
    "tab_pending": "To review",
    "tab_approved": "Approved",
    "tab_testimonials": "Testimonials",
    "tab_spam": "Spam",
    "tab_rejected": "Rejected",
    "tab_all": "All",
    "filters": "Filter",
    "filter_page": "Page",
    "filter_all_pages": "All pages",
    "filter_search": "Search name, text, e-mail and page",
    "filter_order": "Order",
    "order_newest": "Newest first",
    "order_oldest": "Oldest first",
    "filter_apply": "Apply",
    "filter_clear": "Clear",
    "empty_pending": "Nothing to review. You are all caught up.",
    "empty_pending_next": "New comments appear here as soon as readers post them.",
    "empty": "No comments found.",
    "empty_next": "Choose another tab, or clear the filter.",
    "showing": "{first}–{last} of {total}",
    "pagination": "Pagination",
    "previous": "Previous",
    "next": "Next",
    "status_pending": "To review",
    "status_approved": "Approved",
    "status_rejected": "Rejected",
    "status_spam": "Spam",
    "testimonial": "Testimonial",
    "owner_reply": "Your reply",
    "on_page": "on",
    "rating": "{n} out of 5 stars",
    "consent_yes": "Consented to testimonial use (version {version}, {date})",
    "consent_no": "No consent for testimonial use",
    "consent_withdrawn": "Consent withdrawn by the author ({date})",
    "in_reply_to": "Reply to {author}:",
    "parent_gone": "Reply to a comment that no longer exists.",
    "excerpt_shown": "Passage shown:",
    "hints": "Check",
    "select": "Select comment by {author}",
    "actions": "Actions for comment by {author}",
    "approve": "Approve",
    "reject": "Reject",
    "spam": "Spam",
    "restore": "Restore",
    "delete": "Delete",
    "demote": "Remove testimonial",
    "pin": "Pin to top",
    "unpin": "Unpin",
    "pinned": "Pinned",
    "pin_help": (
        "Pinned testimonials come first, the latest pinned on top (at most {limit}); the rest "
        "follow, newest first."
    ),
    "promote": "Make testimonial",
    "reply": "Reply",
    "promote_no_consent": "Not possible: the author did not agree to testimonial use.",
    "promote_withdrawn": "Not possible: the author withdrew consent ({date}).",
    "promote_not_approved": "Approve the comment first to make it a testimonial.",
    "excerpt_label": "Passage for the testimonial",
    "excerpt_help": (
        "Delete words at the start or end, or select part of the text (in the comment or in this "
        "box) and choose ‘Use selection’. You cannot rewrite: it stays in the author's own words."
    ),
    "use_selection": "Use selection",
    "use_whole": "Whole text",
    "excerpt_invalid": "This is not a passage of the text. Rewriting is not possible.",
    "excerpt_no_selection": "First select some text, in the comment or in the text box.",
    "preview": "It will read:",
    "promote_submit": "Make testimonial",
    "reply_label": "Your reply (published at once under your name)",
    "reply_submit": "Post reply",
    "redact": "Redact",
    "redact_label": "Redacted text",
    "redact_help": (
        "Replace what must go (a phone number, a surname) by […]: select it (in the comment or in "
        "this box) and choose ‘Cut selection’, or type [...] in its place yourself. You can only "
        "remove, never add or reword. After saving you can undo it for {seconds} seconds; then "
        "the cut text is gone for good."
    ),
    "cut_selection": "Cut selection",
    "redact_no_selection": "First select what must go, in the comment or in the text box.",
    "redact_submit": "Save redaction",
    "bulk": "Several at once",
    "select_all": "Select all on this page",
    "selected": "{n} selected",
    "with_selected": "With selected:",
    "bulk_approve": "Approve selected",
    "bulk_reject": "Reject selected",
    "bulk_spam": "Spam selected",
    "bulk_none": "First select one or more comments.",
    "done_approve": "Approved.",
    "done_reject": "Rejected.",
    "done_spam": "Moved to spam.",
    "done_restore": "Moved back to review.",
    "done_demote": "No longer a testimonial.",
    "done_pin": "Pinned to the top.",
    "done_unpin": "No longer pinned.",
    "done_promote": "Testimonial made.",
    "done_reply": "Reply posted.",
    "done_redact": "Redacted.",
    "done_delete": "Deleted.",
    "done_undo": "Undone.",
    "done_bulk_one": "1 comment updated.",
    "done_bulk_other": "{n} comments updated.",
    "undo": "Undo",
    "undo_row": "Undo: {what} on #{id}",
    "dismiss": "Dismiss",
    "not_here": "That action is not available for this comment.",
    "failed": "That did not work. Reload the page and try again.",
    "delete_question": "Delete this comment for good? This cannot be undone.",
    "delete_confirm": "Yes, delete",
    "cancel": "Cancel",
    "back": "Back to the comments",
    "shortcuts": "Keyboard shortcuts",
    "key_next": "Next comment",
    "key_prev": "Previous comment",
    "key_approve": "Approve",
    "key_reject": "Reject",
    "key_spam": "Spam",
    "key_select": "Select",
    "key_help": "Show this help",
    "close": "Close",
    "activity_intro": "Who did what, when, to which comment.",
    "col_when": "When",
    "col_who": "Who",
    "col_what": "What",
    "col_comment": "Comment",
    "actor_owner": "You",
    "actor_api": "API token",
    "actor_author": "The author",
    "actor_mail": "You, by e-mail",
    "actor_other": "Unknown ({actor})",
    "log_approve": "approved #{id}",
    "log_reject": "rejected #{id}",
    "log_spam": "marked #{id} as spam",
    "log_restore": "moved #{id} back to review",
    "log_promote": "made #{id} a testimonial",
    "log_demote": "took #{id} off the testimonials",
    "log_pin": "pinned #{id} to the top",
    "log_unpin": "unpinned #{id}",
    "log_delete": "deleted #{id}",
    "log_reply": "replied to #{id}",
    "log_reply_detail": "your reply is #{reply}",
    "log_redact": "redacted #{id}",
    "log_redact_cuts_one": "1 passage cut",
    "log_redact_cuts_other": "{n} passages cut",
    "log_undo": "undid a change to #{id}",
    "log_undo_status": "put back the status of #{id}",
    "log_undo_promote": "undid the testimonial of #{id}",
    "log_undo_demote": "made #{id} a testimonial again",
    "log_undo_reply": "took back the reply to #{id}",
    "log_undo_redact": "put back the cut text of #{id}",
    "log_withdraw_consent": "withdrew consent for #{id}",
    "log_edit": "edited #{id}",
    "log_other": "an unknown action ({action}) on #{id}",
    # reports (DSA art. 16) and statements of reasons (art. 17)
    "tab_reported": "Reported",
    "title_reports": "Reported comments",
    "reports_intro": (
        "Readers reported these published comments. Read the reports and decide: keep, take "
        "offline or delete. Your decision answers every report about that comment."
    ),
    "reports_count_one": "1 report",
    "reports_count_other": "{n} reports",
    "report_reason_illegal": "Against the law",
    "report_reason_privacy": "Someone else's privacy",
    "report_reason_spam": "Spam",
    "report_reason_other": "Something else",
    "report_by": "From {email}",
    "report_by_nobody": "No e-mail address",
    "report_on": "Reported on {date}",
    "decide_dismiss": "Dismiss report",
    "decide_unpublish": "Take offline",
    "decide_delete": "Delete",
    "done_report_dismiss": "Report dismissed; the comment stays.",
    "done_report_unpublish": "The comment was taken offline.",
    "done_report_delete": "The comment was deleted.",
    "empty_reports": "No open reports.",
    "reason_label": "Reason for the writer",
    "reason_none": "No reason: no mail",
    "reason_privacy": "Personal details",
    "reason_spam": "Spam or advertising",
    "reason_off_topic": "Off topic",
    "reason_health_claim": "Health claim",
    "reason_illegal": "Against the law",
    "reason_note_label": "Your own note (optional)",
    "reason_hint": (
        "With a reason, rejecting or deleting mails the writer your decision and why (as the "
        "EU's DSA asks). Without one, nothing is sent."
    ),
    "log_report_dismissed": "dismissed a report about #{id}",
    "log_report_unpublished": "took #{id} offline after a report",
    "log_report_deleted": "deleted #{id} after a report",
    "log_reports_one": "1 report",
    "log_reports_other": "{n} reports",
    "comment_deleted": "(deleted)",
    "older": "Older activity",
    "no_activity": "No activity yet.",
    "error_csrf": "This request did not come from the moderation page. Go back and try again.",
    "error_not_found": "That comment does not exist (any more).",
    "error_conflict": "The comment has changed in the meantime. Reload the page.",
    "error_not_in_text": "The passage must come word for word from the text.",
    "error_no_consent": "The author did not agree to testimonial use.",
    "error_consent_withdrawn": "The author withdrew consent to testimonial use.",
    "error_not_approved": "Only approved comments can become testimonials.",
    "error_too_many_pins": "At most {max_pins} testimonials can be pinned. Unpin one first.",
    "error_not_testimonial": "Only a published testimonial can be pinned to the top.",
    "error_not_published": "Approve the comment first to reply to it.",
    "error_duplicate": "You already posted this reply.",
    "error_no_cut": "Put […] wherever you cut something; the text has no […] yet.",
    "error_not_a_redaction": (
        "You can only remove passages: what is left must stand word for word, in the same order, "
        "in the original text."
    ),
    "error_required": "Please fill in this field.",
    "error_too_long": "That text is too long.",
    "error_invalid": "That request is not valid.",
    "error_generic": "Something went wrong. Go back and try again.",
    "error_undo_expired": "This can no longer be undone.",
    # appearance
    "theme_dark": "Dark",
    # one-click links in the e-mail notice
    "title_mail": "Review comment",
    "mail_question": "Do you want to {verb} this comment by {author}?",
    "mail_verb_approve": "approve",
    "mail_verb_reject": "reject",
    "mail_verb_spam": "mark as spam",
    "mail_handled": "This comment has already been reviewed; this link does nothing any more.",
    "error_invalid_link": "This link is invalid or has expired. Log in to review the comment.",
}

# Moving in and out (import, export) and the read-only settings page.
NL.update(
    {
        "nav_move": "Importeren en exporteren",
        "nav_settings": "Instellingen",
        "title_move": "Importeren en exporteren",
        "move_intro": "Neem reacties mee uit WordPress, Disqus of Isso, of zet een export van "
        "Chorus terug. Hetzelfde bestand twee keer importeren voegt niets toe.",
        "import_title": "Reacties importeren",
        "import_file": "Exportbestand",
        "import_source": "Afkomstig uit",
        "source_wordpress": "WordPress (WXR-export, .xml)",
        "source_disqus": "Disqus (XML-export)",
        "source_isso": "Isso (database, comments.db)",
        "source_chorus": "Chorus (JSON-export)",
        "import_page_map": "Oude adressen omzetten (optioneel, één per regel: /oud/=/nieuw/)",
        "import_dry_run": "Alleen tellen, niets veranderen",
        "import_start": "Importeren",
        "import_noscript": "Importeren via deze pagina heeft JavaScript nodig. Zonder kan het "
        "ook: python -m service import wordpress bestand.xml",
        "import_uploading": "Bestand versturen… {percent}%",
        "import_writing": "Reacties opslaan… {done} van {total}",
        "import_done_one": "Geïmporteerd: {imported} van 1 reactie.",
        "import_done_other": "Geïmporteerd: {imported} van {n} reacties.",
        "import_done_dry_one": "Proefrit, er is niets veranderd. Te importeren: {imported} van "
        "1 reactie.",
        "import_done_dry_other": "Proefrit, er is niets veranderd. Te importeren: {imported} "
        "van {n} reacties.",
        "import_failed": "Niet geïmporteerd: {message} Er is niets veranderd.",
        "import_skipped": "Overgeslagen ({reason}): {n}",
        "import_status": "{status}: {n}",
        "import_detail": "Details: {message}",
        "import_error_unreadable_file": "dit bestand is geen export van de gekozen bron, of het "
        "is beschadigd.",
        "import_error_too_large": "het bestand is te groot.",
        "import_error_timeout": "het bestand kwam te langzaam binnen.",
        "import_error_unauthorized": "je bent uitgelogd. Log opnieuw in en probeer het nog eens.",
        "import_error_csrf": "deze pagina is verlopen. Laad haar opnieuw en probeer het nog eens.",
        "import_error_page_map": "een regel bij ‘Oude adressen omzetten’ klopt niet; schrijf "
        "/oud/=/nieuw/.",
        "import_error_internal": "er ging iets mis bij het opslaan.",
        "skip_already_imported": "al geïmporteerd",
        "skip_pingback": "pingback",
        "skip_trackback": "trackback",
        "skip_other_type": "ander soort bericht",
        "skip_unreadable": "onleesbaar",
        "skip_deleted": "verwijderd",
        "skip_empty": "leeg",
        "skip_too_long": "te lang",
        "skip_log_of_deleted_comments": "logboek van verwijderde reacties",
        "skip_bad_date": "geen geldige datum",
        "skip_no_page": "zonder pagina",
        "skip_unknown_status": "onbekende status",
        "skip_testimonial_excerpt_not_in_text": "wel geïmporteerd, geen aanbeveling: het "
        "fragment staat niet zo in de tekst",
        "skip_testimonial_without_consent": "wel geïmporteerd, geen aanbeveling: geen toestemming",
        "skip_testimonial_not_approved": "wel geïmporteerd, geen aanbeveling: niet goedgekeurd "
        "of van jezelf",
        "export_title": "Exporteren",
        "export_intro": "Alles wat Chorus bewaart is van jou. Bewaar een export als back-up of "
        "om te verhuizen.",
        "export_json": "Alles als JSON",
        "export_csv": "Aanbevelingen als CSV",
        "title_settings": "Instellingen",
        "settings_intro": "Zo draait Chorus nu. Wijzigen doe je in het .env-bestand; daarna "
        "opnieuw starten.",
        "settings_moderation": "Moderatie (MODERATION)",
        "settings_origins": "Sites die mogen insluiten (ALLOWED_ORIGINS)",
        "settings_origins_none": "Geen, alleen Chorus zelf",
        "settings_public_url": "Adres (PUBLIC_URL)",
        "settings_database": "Database",
        "settings_version": "Versie",
        "settings_mail": "E-mail",
        "settings_mail_off": "Uit (stel NOTIFY_EMAIL en SMTP_HOST in)",
        "settings_mail_to": "Meldingen naar",
        "settings_mail_server": "Mailserver",
        "settings_mail_from": "Afzender",
        "settings_mail_login": "Inlognaam",
        "settings_last_error": "Laatste mailfout",
        "settings_no_error": "Geen",
        "settings_test_mail": "Stuur een testmail",
        "done_test_mail": "Testmail verstuurd.",
        "done_test_mail_failed": "De testmail kon niet worden verstuurd; zie de laatste mailfout.",
        "title_confirm_hints": "Nog één keer kijken",
        "confirm_hints_moderate": "Deze reactie bevat iets wat je misschien niet online wilt "
        "zetten. Kijk het na; goedkeuren zet haar zo op de website:",
        "confirm_hints_promote": "Deze passage komt als aanbeveling op de homepage en in de "
        "feeds. Ze bevat:",
        "confirm_hints_mail": "Let op, deze reactie bevat:",
        "confirm_hints_submit_moderate": "Toch goedkeuren",
        "confirm_hints_submit_promote": "Toch aanbeveling maken",
        "confirm_hints_ask": "Deze reactie bevat: {hints}. Toch publiceren?",
        "confirm_hints_reply": "Je antwoord verschijnt meteen onder de reactie, onder jouw naam. "
        "Kijk of dit erin mag staan:",
        "confirm_hints_submit_reply": "Toch antwoord plaatsen",
        "confirm_hints_your_reply": "Jouw antwoord",
        "confirm_hints_reply_ask": "Je antwoord bevat: {hints}. Toch plaatsen?",
        "confirm_hints_without_claim": "De zinnen zonder de claim, als passage:",
        "confirm_hints_use_without_claim": "Alleen deze zinnen als aanbeveling",
        "confirm_hints_claim_offer": "{why}\n\nAlleen de zinnen zonder de claim als passage "
        "gebruiken?",
        "done_without_claim": "Passage zonder de claim gekozen. Kijk hem na en kies ‘Maak "
        "aanbeveling’.",
        "bulk_skipped_one": "1 overgeslagen: deze bevat persoonsgegevens of een "
        "gezondheidsclaim; keur haar apart goed.",
        "bulk_skipped_other": "{n} overgeslagen: deze bevatten persoonsgegevens of een "
        "gezondheidsclaim; keur ze één voor één goed.",
        "error_confirm_hints": "Deze reactie bevat persoonsgegevens of een gezondheidsclaim; "
        "bevestig dat eerst.",
        "error_drops_negation": "Zo valt er een ontkenning (zoals ‘niet’ of ‘geen’) weg uit een "
        "zin die blijft staan, en dat kan de betekenis omdraaien. Laat het woord staan of knip "
        "de hele zin weg.",
        "error_partial_word": "Begin en eindig de passage met hele woorden.",
        "mail_changed": "Deze reactie is veranderd sinds de e-mail is verstuurd; deze link doet "
        "niets meer. Open de moderatiepagina om haar te beoordelen.",
        "error_changed_since": "Deze reactie is veranderd nadat je haar las, dus er is niets "
        "gepubliceerd. Lees de nieuwe tekst hieronder en beslis opnieuw.",
        "bulk_changed_since_one": "1 niet goedgekeurd: de tekst is veranderd nadat je haar las; "
        "lees haar opnieuw.",
        "bulk_changed_since_other": "{n} niet goedgekeurd: hun tekst is veranderd nadat je ze "
        "las; lees ze opnieuw.",
        "log_edit_page": "paste de pagina van #{id} aan",
        "nav_pages": "Pagina's",
        "title_pages": "Pagina's",
        "pages_intro": "De titel en het adres waaronder aanbevelingen en feeds naar een verhaal "
        "linken. De eerste reactie op een pagina vult ze in; daarna verander alleen jij ze.",
        "page_title_label": "Titel",
        "page_url_label": "Adres (https://…)",
        "page_key": "Paginasleutel: {key}",
        "page_save": "Opslaan",
        "no_pages": "Nog geen pagina's met reacties.",
        "done_page": "Pagina opgeslagen.",
    }
)
EN.update(
    {
        "nav_move": "Import and export",
        "nav_settings": "Settings",
        "title_move": "Import and export",
        "move_intro": "Bring your comments from WordPress, Disqus or Isso, or restore a Chorus "
        "export. Importing the same file twice adds nothing.",
        "import_title": "Import comments",
        "import_file": "Export file",
        "import_source": "Comes from",
        "source_wordpress": "WordPress (WXR export, .xml)",
        "source_disqus": "Disqus (XML export)",
        "source_isso": "Isso (database, comments.db)",
        "source_chorus": "Chorus (JSON export)",
        "import_page_map": "Map old addresses (optional, one rule a line: /old/=/new/)",
        "import_dry_run": "Only count, change nothing",
        "import_start": "Import",
        "import_noscript": "Importing from this page needs JavaScript. Without it, use: "
        "python -m service import wordpress file.xml",
        "import_uploading": "Sending the file… {percent}%",
        "import_writing": "Saving comments… {done} of {total}",
        "import_done_one": "Imported {imported} of 1 comment.",
        "import_done_other": "Imported {imported} of {n} comments.",
        "import_done_dry_one": "Dry run, nothing was changed. To import: {imported} of 1 comment.",
        "import_done_dry_other": "Dry run, nothing was changed. To import: {imported} of {n} "
        "comments.",
        "import_failed": "Not imported: {message} Nothing was changed.",
        "import_skipped": "Skipped ({reason}): {n}",
        "import_status": "{status}: {n}",
        "import_detail": "Details: {message}",
        "import_error_unreadable_file": "this file is not an export from the chosen source, or "
        "it is damaged.",
        "import_error_too_large": "the file is too large.",
        "import_error_timeout": "the file arrived too slowly.",
        "import_error_unauthorized": "you are logged out. Log in again and try once more.",
        "import_error_csrf": "this page has expired. Reload it and try once more.",
        "import_error_page_map": "a rule under ‘Map old addresses’ is not right; write "
        "/old/=/new/.",
        "import_error_internal": "something went wrong while saving.",
        "skip_already_imported": "already imported",
        "skip_pingback": "pingback",
        "skip_trackback": "trackback",
        "skip_other_type": "another kind of post",
        "skip_unreadable": "unreadable",
        "skip_deleted": "deleted",
        "skip_empty": "empty",
        "skip_too_long": "too long",
        "skip_log_of_deleted_comments": "log of deleted comments",
        "skip_bad_date": "no valid date",
        "skip_no_page": "no page",
        "skip_unknown_status": "unknown status",
        "skip_testimonial_excerpt_not_in_text": "imported, but not as a testimonial: the "
        "excerpt is not in the text as given",
        "skip_testimonial_without_consent": "imported, but not as a testimonial: no consent",
        "skip_testimonial_not_approved": "imported, but not as a testimonial: not approved, or "
        "your own",
        "export_title": "Export",
        "export_intro": "Everything Chorus keeps is yours. Keep an export as a backup or to move.",
        "export_json": "Everything as JSON",
        "export_csv": "Testimonials as CSV",
        "title_settings": "Settings",
        "settings_intro": "How Chorus runs now. Change these in the .env file, then restart.",
        "settings_moderation": "Moderation (MODERATION)",
        "settings_origins": "Sites that may embed (ALLOWED_ORIGINS)",
        "settings_origins_none": "None, only Chorus itself",
        "settings_public_url": "Address (PUBLIC_URL)",
        "settings_database": "Database",
        "settings_version": "Version",
        "settings_mail": "E-mail",
        "settings_mail_off": "Off (set NOTIFY_EMAIL and SMTP_HOST)",
        "settings_mail_to": "Notices to",
        "settings_mail_server": "Mail server",
        "settings_mail_from": "Sender",
        "settings_mail_login": "Login name",
        "settings_last_error": "Last mail error",
        "settings_no_error": "None",
        "settings_test_mail": "Send a test mail",
        "done_test_mail": "Test mail sent.",
        "done_test_mail_failed": "The test mail could not be sent; see the last mail error.",
        "title_confirm_hints": "One more look",
        "confirm_hints_moderate": "This comment holds something you may not want online. Check "
        "it; approving puts it on the website as it is:",
        "confirm_hints_promote": "This passage goes onto the homepage and into the feeds as a "
        "testimonial. It holds:",
        "confirm_hints_mail": "Note, this comment holds:",
        "confirm_hints_submit_moderate": "Approve anyway",
        "confirm_hints_submit_promote": "Make it a testimonial anyway",
        "confirm_hints_ask": "This comment holds: {hints}. Publish it anyway?",
        "confirm_hints_reply": "Your reply appears under the comment at once, under your name. "
        "Check that this may be in it:",
        "confirm_hints_submit_reply": "Post the reply anyway",
        "confirm_hints_your_reply": "Your reply",
        "confirm_hints_reply_ask": "Your reply holds: {hints}. Post it anyway?",
        "confirm_hints_without_claim": "The sentences without the claim, as the passage:",
        "confirm_hints_use_without_claim": "Use only these sentences as the testimonial",
        "confirm_hints_claim_offer": "{why}\n\nUse only the sentences without the claim as the "
        "passage?",
        "done_without_claim": "Passage without the claim chosen. Check it and choose ‘Make "
        "testimonial’.",
        "bulk_skipped_one": "1 skipped: it holds personal data or a health claim; approve it "
        "on its own.",
        "bulk_skipped_other": "{n} skipped: they hold personal data or a health claim; approve "
        "them one by one.",
        "error_confirm_hints": "This comment holds personal data or a health claim; confirm that "
        "first.",
        "error_drops_negation": "That cut drops a negation (such as ‘not’ or ‘no’) from a "
        "sentence that stays, which can turn its meaning around. Keep the word or cut the whole "
        "sentence.",
        "error_partial_word": "Start and end the passage with whole words.",
        "mail_changed": "This comment has changed since the e-mail was sent; this link does "
        "nothing any more. Open the moderation page to review it.",
        "error_changed_since": "This comment changed after you read it, so nothing was "
        "published. Read the new text below and decide again.",
        "bulk_changed_since_one": "1 not approved: its text changed after you read it; read it "
        "again.",
        "bulk_changed_since_other": "{n} not approved: their text changed after you read them; "
        "read them again.",
        "log_edit_page": "edited the page of #{id}",
        "nav_pages": "Pages",
        "title_pages": "Pages",
        "pages_intro": "The title and address that testimonials and feeds link a story to. A "
        "page's first comment fills them in; after that only you change them.",
        "page_title_label": "Title",
        "page_url_label": "Address (https://…)",
        "page_key": "Page key: {key}",
        "page_save": "Save",
        "no_pages": "No pages with comments yet.",
        "done_page": "Page saved.",
    }
)

# A reader's privacy request: find, export and erase everything tied to an e-mail address.
NL.update(
    {
        "nav_privacy": "Privacyverzoek",
        "title_privacy": "Privacyverzoek",
        "privacy_intro": "Vraagt een lezer wat Chorus van hem of haar bewaart, of vraagt iemand "
        "alles te wissen? Zoek op e-mailadres, stuur het JSON-bestand, en wis.",
        "privacy_email": "E-mailadres van de lezer",
        "privacy_find": "Zoeken",
        "privacy_found": "Gevonden bij {email}",
        "privacy_nothing": "Niets gevonden bij {email}: geen reacties, toestemmingen, meldingen "
        "of logregels.",
        "privacy_comments": "Reacties",
        "privacy_consents": "Toestemmingen voor aanbeveling",
        "privacy_subscriptions": "Meldingen bij antwoorden",
        "privacy_log": "Moderatielog",
        "privacy_no_consents": "Geen toestemming gegeven.",
        "privacy_no_subscriptions": "Geen meldingen bij antwoorden aangevraagd.",
        "privacy_no_log": "Geen logregels.",
        "col_page": "Pagina",
        "col_status": "Status",
        "col_text": "Tekst",
        "col_version": "Versie van de tekst",
        "col_given": "Gegeven",
        "col_state": "Toestemming nu",
        "col_since": "Sinds",
        "col_confirmation": "Bevestiging",
        "consent_in_force": "Geldig",
        "consent_withdrawn_on": "Ingetrokken op {date}",
        "consent_not_given": "Niet gegeven",
        "subscription_confirmed": "Bevestigd op {date}",
        "subscription_unconfirmed": "Niet bevestigd",
        "privacy_export": "JSON downloaden",
        "privacy_export_help": "Alles hierboven in één bestand, om de lezer te sturen.",
        "privacy_erase_title": "Wissen",
        "privacy_erase_intro": "Wist de reacties van dit adres (of houdt ze zonder naam), de "
        "meldingen bij antwoorden, beheerlinks, wachtende mail en de logregels van die reacties. "
        "Het log houdt alleen bij dat er gewist is.",
        "privacy_how": "Wat gebeurt er met de reacties?",
        "privacy_keep_delete": "Reacties verwijderen",
        "privacy_keep_anonymised": "Reacties houden als ‘een lezer’, zonder naam, e-mailadres, "
        "website of toestemming",
        "privacy_confirm": "Ik begrijp dat wissen niet ongedaan kan worden.",
        "privacy_erase_button": "Alles van dit adres wissen",
        "privacy_erased": "Gewist",
        "privacy_erased_note": "Het log houdt alleen bij dat er gewist is, zonder het adres.",
        "privacy_erased_deleted_one": "1 reactie verwijderd",
        "privacy_erased_deleted_other": "{n} reacties verwijderd",
        "privacy_erased_anonymised_one": "1 reactie gehouden als ‘een lezer’",
        "privacy_erased_anonymised_other": "{n} reacties gehouden als ‘een lezer’",
        "privacy_erased_subscriptions_one": "1 melding bij antwoorden gestopt",
        "privacy_erased_subscriptions_other": "{n} meldingen bij antwoorden gestopt",
        "privacy_erased_log_one": "1 logregel gewist",
        "privacy_erased_log_other": "{n} logregels gewist",
        "privacy_error_email": "Geef een geldig e-mailadres, zoals lezer@example.nl.",
        "privacy_error_keep_anonymised": "Kies wat er met de reacties gebeurt.",
        "privacy_error_confirm": "Vink aan dat je begrijpt dat wissen niet ongedaan kan worden.",
        "log_erase": "wiste de gegevens van een lezer",
        "no_comment": "geen",
    }
)
EN.update(
    {
        "nav_privacy": "Privacy",
        "title_privacy": "Privacy request",
        "privacy_intro": "A reader asks what Chorus keeps about them, or asks you to erase it "
        "all? Find it by e-mail address, send the JSON file, and erase.",
        "privacy_email": "The reader's e-mail address",
        "privacy_find": "Find",
        "privacy_found": "Found for {email}",
        "privacy_nothing": "Nothing found for {email}: no comments, consents, reply notices or "
        "log rows.",
        "privacy_comments": "Comments",
        "privacy_consents": "Consents to testimonial use",
        "privacy_subscriptions": "Reply notices",
        "privacy_log": "Moderation log",
        "privacy_no_consents": "No consent given.",
        "privacy_no_subscriptions": "No reply notices asked for.",
        "privacy_no_log": "No log rows.",
        "col_page": "Page",
        "col_status": "Status",
        "col_text": "Text",
        "col_version": "Wording version",
        "col_given": "Given",
        "col_state": "Consent now",
        "col_since": "Since",
        "col_confirmation": "Confirmation",
        "consent_in_force": "In force",
        "consent_withdrawn_on": "Withdrawn on {date}",
        "consent_not_given": "Not given",
        "subscription_confirmed": "Confirmed on {date}",
        "subscription_unconfirmed": "Not confirmed",
        "privacy_export": "Download JSON",
        "privacy_export_help": "Everything above in one file, to send to the reader.",
        "privacy_erase_title": "Erase",
        "privacy_erase_intro": "Erases this address's comments (or keeps them without a name), "
        "its reply notices, manage links, queued mail and those comments' log rows. The log "
        "keeps only that an erasure happened.",
        "privacy_how": "What happens to the comments?",
        "privacy_keep_delete": "Delete the comments",
        "privacy_keep_anonymised": "Keep the comments as ‘a reader’, with no name, e-mail "
        "address, website or consent",
        "privacy_confirm": "I understand that erasing cannot be undone.",
        "privacy_erase_button": "Erase everything of this address",
        "privacy_erased": "Erased",
        "privacy_erased_note": "The log keeps only that an erasure happened, not the address.",
        "privacy_erased_deleted_one": "1 comment deleted",
        "privacy_erased_deleted_other": "{n} comments deleted",
        "privacy_erased_anonymised_one": "1 comment kept as ‘a reader’",
        "privacy_erased_anonymised_other": "{n} comments kept as ‘a reader’",
        "privacy_erased_subscriptions_one": "1 reply notice stopped",
        "privacy_erased_subscriptions_other": "{n} reply notices stopped",
        "privacy_erased_log_one": "1 log row erased",
        "privacy_erased_log_other": "{n} log rows erased",
        "privacy_error_email": "Give a valid e-mail address, such as reader@example.com.",
        "privacy_error_keep_anonymised": "Choose what happens to the comments.",
        "privacy_error_confirm": "Tick the box to say you understand erasing cannot be undone.",
        "log_erase": "erased a reader's data",
        "no_comment": "none",
    }
)

LANGUAGES: dict[str, dict[str, str]] = {"nl": NL, "en": EN}
MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


# Words that are the same in both languages on purpose; any other equal pair is untranslated.
SAME_IN_BOTH = {
    "tabs",
    "spam",
    "tab_spam",
    "status_spam",
    "key_spam",
    "report_reason_spam",
    # Names and a bare placeholder pair read the same in Dutch and English.
    "source_isso",
    "import_status",
    "settings_database",
    "settings_mail",
    "import_detail",
    "skip_pingback",
    "skip_trackback",
    "col_status",
}


def plural(key: str, n: int, **values: object) -> str:
    """`key_one` for exactly one, `key_other` for any other count (Dutch and English agree)."""
    words = current()
    return words[f"{key}_one" if n == 1 else f"{key}_other"].format(n=n, **values)


def current() -> dict[str, str]:
    """The strings for the configured language, read per request so tests can switch."""
    return LANGUAGES.get(settings.ADMIN_LANG, NL)


def describe(action: str, comment_id: int, detail: str) -> tuple[str, str]:
    """A log row in words: what was done ("antwoordde op #8") and a detail, if any."""
    words = current()
    if action == "undo" and f"log_undo_{detail}" in words:
        return words[f"log_undo_{detail}"].format(id=comment_id), ""
    key = f"log_{action}"
    if key not in words:
        return words["log_other"].format(action=action, id=comment_id), ""
    what = words[key].format(id=comment_id)
    head = detail.split(" ")
    if action == "reply" and len(head) == 2 and head[1].isdigit():
        return what, words["log_reply_detail"].format(reply=head[1])
    if action == "redact":
        cuts = head[0] if head[0].isascii() and head[0].isdigit() else ""
        return what, plural("log_redact_cuts", int(cuts)) if cuts else ""
    if action == "promote" and detail:
        return what, f"“{detail}”"
    if action == "erase":
        count, _, how = detail.partition(" comment(s) ")
        known = count.isascii() and count.isdigit() and how in ("deleted", "anonymised")
        return what, plural(f"privacy_erased_{how}", int(count)) if known else ""
    if action == "intake" and detail:
        return what, _rule(detail, words)
    if action.startswith("report_"):
        count = head[0] if head[0].isascii() and head[0].isdigit() else ""
        return what, plural("log_reports", int(count)) if count else ""
    if action == "edit_page" and detail:
        return what, detail  # the page's new title and address, as the owner typed them
    return what, ""


def _rule(detail: str, words: dict[str, str]) -> str:
    """The rule that held a comment ("rule word: casino") in the owner's words."""
    head, sep, value = detail.partition(": ")
    kind = head.removeprefix("rule ")
    if not sep or not head.startswith("rule ") or f"rule_kind_{kind}" not in words:
        return detail
    return words["log_intake_rule"].format(kind=words[f"rule_kind_{kind}"].lower(), value=value)


def actor(name: str) -> str:
    """Who did it, in words: "Jij", "De schrijver", "Jij, via e-mail"; unknown names marked."""
    words = current()
    return words.get(f"actor_{name}") or words["actor_other"].format(actor=name)


def error_message(code: str) -> str:
    """A refusal's code as a sentence the owner understands."""
    words = current()
    message = words.get(f"error_{code}", words["error_generic"])
    return message.replace("{max_pins}", str(MAX_PINS))
