"""Chorus's words in German: every message the service shows or sends, keyed by message id.

The keys are the same in every language (tests/domain/test_text.py checks them and their
{placeholders}); see service/text/__init__.py for how they are looked up and how a language is
added.

Register: informal, "du" (lower case, as current German spelling has it) throughout, like the
Dutch "je". A small massage or wellness practice speaks to its clients by first name; "Sie" on a
form under a blog post about sleep would read like a bank. The owner's pages say "du" too: she
is the only one who reads them.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # the comments widget (widget/comments.js); data-t-KEY on its tag replaces one
    "widget.comments.fail": "Etwas ist schiefgelaufen. Versuch es später noch einmal.",
    "widget.comments.title": "Kommentare",
    "widget.comments.loading": "Kommentare laden…",
    "widget.comments.empty": "Noch keine Kommentare.",
    "widget.comments.form": "Erzähl deine Geschichte",
    "widget.comments.name": "Name",
    "widget.comments.email": "E-Mail (freiwillig)",
    "widget.comments.emailHint": "Nie sichtbar, nur für die Inhaberin.",
    "widget.comments.site": "Website (freiwillig)",
    "widget.comments.body": "Deine Geschichte",
    "widget.comments.rating": "Bewertung (freiwillig)",
    "widget.comments.stars": "{n} von 5 Sternen",
    "widget.comments.consent": (
        "Meine Geschichte darf mit meinem Namen als Empfehlung auf dieser Website stehen."
    ),
    "widget.comments.notify": "Schick mir eine Mail, wenn jemand mir antwortet.",
    "widget.comments.remember": "Name und E-Mail auf diesem Gerät merken.",
    "widget.comments.manage": "Meine Kommentare verwalten",
    "widget.comments.send": "Senden",
    "widget.comments.reply": "Antworten",
    "widget.comments.replyTo": "{n} antworten",
    "widget.comments.report": "Melden",
    "widget.comments.reportLabel": "Kommentar von {n} melden",
    "widget.comments.cancel": "Abbrechen",
    "widget.comments.owner": "Inhaberin",
    "widget.comments.pending": "Wird noch geprüft",
    "widget.comments.unavailable": "Kommentare sind hier nicht verfügbar.",
    "widget.comments.tooLong": "Höchstens {n} Zeichen.",
    # checking and sending its form (widget/send.js)
    "widget.send.required": "Bitte füll dieses Feld aus.",
    "widget.send.thanks": "Danke! Deine Geschichte erscheint nach der Prüfung.",
    "widget.send.live": "Danke! Dein Kommentar ist online.",
    # the reader's tools for their own comments (widget/mine.js)
    "widget.mine.edit": "Bearbeiten",
    "widget.mine.editLabel": "Deinen Kommentar bearbeiten",
    "widget.mine.save": "Speichern",
    "widget.mine.cancel": "Abbrechen",
    "widget.mine.withdraw": "Einwilligung widerrufen",
    "widget.mine.withdrawLabel": "Deine Einwilligung widerrufen, dies als Empfehlung zu zeigen",
    "widget.mine.remove": "Löschen",
    "widget.mine.removeLabel": "Deinen Kommentar löschen",
    "widget.mine.sure": "Deinen Kommentar löschen? Das lässt sich nicht rückgängig machen.",
    "widget.mine.removed": "Dein Kommentar wurde gelöscht.",
    "widget.mine.withdrawn": "Deine Geschichte steht nicht mehr als Empfehlung auf dieser Website.",
    "widget.mine.edited": "Dein Kommentar wurde aktualisiert.",
    "widget.mine.editedPending": "Deine Änderung erscheint nach der Prüfung.",
    "widget.mine.email": "Die E-Mail-Adresse zu deinen Kommentaren",
    "widget.mine.send": "Schick mir einen Link",
    "widget.mine.sent": (
        "Gehören Kommentare zu dieser Adresse, ist ein Link zu deinem Postfach unterwegs. Er "
        "funktioniert einmal, einen Tag lang."
    ),
    # the testimonials widget (widget/testimonials.js); data-t-KEY replaces one
    "widget.testimonials.fail": "Die Geschichten konnten nicht geladen werden.",
    "widget.testimonials.title": "Was Leser erzählen",
    "widget.testimonials.empty": "Noch keine Geschichten.",
    "widget.testimonials.read": "Ganze Geschichte lesen",
    "widget.testimonials.stars": "{n} von 5 Sternen",
    "widget.testimonials.prev": "Zurück",
    "widget.testimonials.next": "Weiter",
    "widget.testimonials.slide": "{n} von {m}",
    "widget.testimonials.label": "Geschichten von Lesern",
    "widget.testimonials.carousel": "Karussell",
    "widget.testimonials.slideName": "Folie",
    "widget.testimonials.policy": "So gehen wir mit Erfahrungen um",
    "widget.testimonials.report": "Melden",
    "widget.testimonials.reportLabel": "Geschichte von {n} melden",
    # the testimonials' honesty line (widget/summary.js): _one and _other by count
    "widget.summary.received_one": "{n} Erfahrung erhalten",
    "widget.summary.received_other": "{n} Erfahrungen erhalten",
    "widget.summary.published_one": "{n} veröffentlicht",
    "widget.summary.published_other": "{n} veröffentlicht",
    "widget.summary.average_one": "im Schnitt {a} von 5 aus {n} Bewertung",
    "widget.summary.average_other": "im Schnitt {a} von 5 aus {n} Bewertungen",
    # the report form (widget/report.js)
    "widget.report.title": "Diesen Kommentar melden",
    "widget.report.intro": "Ein Mensch liest deine Meldung und entscheidet, was damit passiert.",
    "widget.report.reason": "Was stimmt damit nicht?",
    "widget.report.illegal": "Es verstößt gegen das Gesetz",
    "widget.report.privacy": "Es geht ohne Einwilligung um jemand anderen (Privatsphäre)",
    "widget.report.spam": "Es ist Spam oder Werbung",
    "widget.report.other": "Etwas anderes",
    "widget.report.message": "Erklärung",
    "widget.report.email": "Deine E-Mail-Adresse (freiwillig, nur für eine Antwort)",
    "widget.report.send": "Meldung senden",
    "widget.report.cancel": "Abbrechen",
    "widget.report.sending": "Wird gesendet…",
    "widget.report.thanks": "Danke. Deine Meldung ist angekommen.",
    "widget.report.fail": "Das hat nicht geklappt. Versuch es später noch einmal.",
    # what a reader is told when the public API refuses a request (service/web/reader_text.py);
    # {max} is the limit the refusal names, {wait} how long to wait, in words
    "refusal.required": "Bitte füll dieses Feld aus.",
    "refusal.too_long": "Das ist zu lang: höchstens {max} Zeichen.",
    "refusal.too_many_lines": "Das hat zu viele Zeilen.",
    "refusal.too_many_links": "Zu viele Links.",
    "refusal.invalid_email": "Keine gültige E-Mail-Adresse.",
    "refusal.invalid_domain": "Diese E-Mail-Domain gibt es nicht.",
    "refusal.invalid_url": "Keine gültige Webadresse.",
    "refusal.control_character": "Enthält Zeichen, die nicht erlaubt sind.",
    "refusal.bidi_control": "Enthält Zeichen, die nicht erlaubt sind.",
    "refusal.reserved_name": "Dieser Name gehört der Inhaberin der Website.",
    "refusal.duplicate": "Das steht schon da.",
    "refusal.expired": "Das Formular war abgelaufen; schick es bitte noch einmal.",
    "refusal.rate_limited": "Einen Moment bitte: versuch es {wait} noch einmal.",
    "refusal.edit_window_closed": "Die Zeit zum Bearbeiten ist vorbei.",
    "refusal.not_found": "Diesen Kommentar gibt es nicht (mehr).",
    "refusal.forbidden_origin": "Kommentare sind hier nicht verfügbar.",
    "refusal.unavailable": "Das geht gerade nicht. Versuch es in ein paar Minuten noch einmal.",
    "refusal.too_long_no_limit": "Das ist zu lang.",
    "refusal.about_a_field": "Bitte prüf dieses Feld.",
    "refusal.anything_else": "Etwas ist schiefgelaufen. Versuch es später noch einmal.",
    # how long a reader is asked to wait, in words (filled into {wait} above)
    "wait.seconds_one": "in 1 Sekunde",
    "wait.seconds_other": "in {n} Sekunden",
    "wait.minutes_other": "in {n} Minuten",
    "wait.hours_other": "in {n} Stunden",
    # the owner's hints on a comment before it goes live (service/domain/hints.py, by code)
    "hint.phone": "Enthält eine Telefonnummer",
    "hint.email": "Enthält eine E-Mail-Adresse",
    "hint.health_claim": "Gesundheitsversprechen: vor der Nutzung als Empfehlung prüfen",
    "hint.medical": "Nennt Medikamente oder eine Diagnose (besondere Kategorie von Daten)",
    "hint.links": "Enthält Links",
    "hint.shouting": "Viele Großbuchstaben oder Ausrufezeichen",
    # What a hint protects, said at the second look before publishing ("" where the hint says it).
    "hint_why.health_claim": (
        "Sagt diese Geschichte, dass ein Produkt oder eine Behandlung ein Leiden heilt oder "
        "behandelt, darf deine Praxis das nicht als Werbung wiederholen, und eine Empfehlung auf "
        "deiner Startseite ist Werbung. So steht es in der EU-Verordnung über gesundheitsbezogene "
        "Angaben (1924/2006) und in den nationalen Werberegeln für Gesundheit (in Deutschland im "
        "Heilmittelwerbegesetz). Unter dem Beitrag darf die Geschichte stehen bleiben; als "
        "Empfehlung nimmst du besser nur die Sätze ohne das Versprechen."
    ),
    # the name an anonymised comment keeps (service/owner.py)
    "owner.anonymous": "ein Leser",
    # the reader's own pages: managing their comments, mail about replies (web/reader_pages.py)
    "reader_page.manage_title": "Deine Kommentare",
    "reader_page.manage_intro": "Das sind die Kommentare, die mit {email} geschrieben wurden.",
    "reader_page.none": "Zu dieser Adresse gibt es (keine) Kommentare (mehr).",
    "reader_page.status_pending": "wird noch geprüft",
    "reader_page.status_approved": "veröffentlicht",
    "reader_page.status_rejected": "nicht veröffentlicht",
    "reader_page.status_spam": "wird noch geprüft",
    "reader_page.consent_given": "Du hast zugestimmt, dass dies als Empfehlung erscheint.",
    "reader_page.withdraw": "Einwilligung widerrufen",
    "reader_page.delete": "Löschen",
    "reader_page.delete_confirm": "Ja, diesen Kommentar endgültig löschen",
    "reader_page.edit": "Bearbeiten",
    "reader_page.save": "Speichern",
    "reader_page.edit_closed": "Bearbeiten geht nur kurz nach dem Schreiben.",
    "reader_page.done_withdraw_consent": (
        "Deine Einwilligung ist widerrufen; deine Geschichte steht nicht mehr bei den Empfehlungen."
    ),
    "reader_page.done_delete": "Dein Kommentar wurde gelöscht.",
    "reader_page.done_edit": "Dein Kommentar wurde geändert.",
    "reader_page.refused_edit_window_closed": "Die Zeit zum Bearbeiten ist vorbei.",
    "reader_page.refused_not_found": "Dieser Kommentar gehört nicht (mehr) zu dieser Adresse.",
    "reader_page.refused_other": (
        "Das hat nicht geklappt; prüf den Text und versuch es noch einmal."
    ),
    "reader_page.invalid": (
        "Dieser Link ist ungültig, schon benutzt oder abgelaufen. Fordere im Kommentarformular "
        "einen neuen an."
    ),
    "reader_page.confirm_title": "Mail bei Antworten",
    "reader_page.confirm_ask": "Möchtest du eine Mail, wenn jemand auf deinen Kommentar antwortet?",
    "reader_page.confirm_button": "Ja, sag mir Bescheid",
    "reader_page.confirmed": (
        "Bestätigt. Du bekommst eine Mail, wenn eine Antwort erscheint (höchstens eine pro Stunde)."
    ),
    "reader_page.unsub_title": "Keine Mails mehr",
    "reader_page.unsub_ask": "Keine Mails mehr zu Antworten auf diesen Kommentar?",
    "reader_page.unsub_button": "Abmelden",
    "reader_page.unsubscribed": (
        "Du bist abgemeldet. Du bekommst keine Mails mehr zu diesem Kommentar."
    ),
    "reader_page.back_to_site": "Zurück zu {site}",
    "reader_page.report_title": "Einen Kommentar melden",
    "reader_page.report_intro": (
        "Findest du, dass dieser Kommentar hier nicht stehen sollte? Sag uns, warum. Ein Mensch "
        "liest deine Meldung und entscheidet, was damit passiert."
    ),
    "reader_page.report_reason": "Was stimmt damit nicht?",
    "reader_page.report_reason_illegal": "Es verstößt gegen das Gesetz",
    "reader_page.report_reason_privacy": (
        "Es geht ohne Einwilligung um jemand anderen (Privatsphäre)"
    ),
    "reader_page.report_reason_spam": "Es ist Spam oder Werbung",
    "reader_page.report_reason_other": "Etwas anderes",
    "reader_page.report_message": "Erklärung",
    "reader_page.report_message_hint": (
        "Warum sollte das hier nicht stehen? Wenn es rechtswidrig ist: gegen welche Regel."
    ),
    "reader_page.report_email": "Deine E-Mail-Adresse (freiwillig)",
    "reader_page.report_email_hint": (
        "Nur für eine Antwort auf deine Meldung; wir veröffentlichen sie nie."
    ),
    "reader_page.report_send": "Meldung senden",
    "reader_page.report_thanks": (
        "Danke. Deine Meldung ist angekommen; ein Mensch sieht sie sich so bald wie möglich an."
    ),
    "reader_page.report_gone": (
        "Dieser Kommentar ist nicht (mehr) online, es gibt also nichts zu melden."
    ),
    "reader_page.report_refused": "Das hat nicht geklappt: {message}",
    "reader_page.report_policy": "So gehen wir mit Erfahrungen um",
    # months, for dates written out ("7. Dezember 2026")
    "month.1": "Januar",
    "month.2": "Februar",
    "month.3": "März",
    "month.4": "April",
    "month.5": "Mai",
    "month.6": "Juni",
    "month.7": "Juli",
    "month.8": "August",
    "month.9": "September",
    "month.10": "Oktober",
    "month.11": "November",
    "month.12": "Dezember",
    # --- admin pages: the moderation pages (service/web/admin*.py, templates/admin/) and
    # their script (static/admin.js gets every admin.* message, keyed without the prefix).
    # _one and _other by count; {max_pins} and the like are filled in where they are used.
    "admin.title_queue": "Kommentare prüfen",
    "admin.title_login": "Anmelden",
    "admin.title_activity": "Aktivität",
    "admin.title_comment": "Kommentar #{id}",
    "admin.title_delete": "Kommentar löschen?",
    "admin.title_error": "Das hat nicht geklappt",
    "admin.brand": "Moderation",
    "admin.nav": "Hauptmenü",
    "admin.nav_queue": "Kommentare",
    "admin.nav_activity": "Aktivität",
    "admin.nav_rules": "Regeln",
    "admin.title_rules": "Eigene Regeln",
    "admin.rules_intro": (
        "Wörter, Wortgruppen und Link-Domains, die einen neuen Kommentar in den Spam oder in die "
        "Warteschlange schicken. Groß- und Kleinschreibung, Leerzeichen und unsichtbare Zeichen "
        "spielen keine Rolle."
    ),
    "admin.rule_kind": "Art",
    "admin.rule_kind_word": "Wort",
    "admin.rule_kind_phrase": "Wortgruppe",
    "admin.rule_kind_domain": "Link-Domain",
    "admin.rule_value": "Text oder Domain",
    "admin.rule_action": "Dann",
    "admin.rule_action_spam": "In den Spam",
    "admin.rule_action_queue": "Zur Prüfung zurückhalten",
    "admin.rule_add": "Regel hinzufügen",
    "admin.rule_delete": "Löschen",
    "admin.no_rules": "Noch keine eigenen Regeln.",
    "admin.log_intake": "Von einer Regel zurückgehalten",
    "admin.log_intake_rule": "Regel ({kind}): {value}",
    "admin.actor_rules": "Deine Regeln",
    "admin.error_rule_exists": "Diese Regel gibt es schon.",
    "admin.error_invalid_domain": "Gib eine Domain an, etwa spam.example.",
    "admin.error_not_a_word": "Eine Wortregel ist ein Wort; wähl Wortgruppe für mehrere Wörter.",
    "admin.error_too_many_rules": "Es gibt zu viele Regeln; lösch zuerst ein paar.",
    "admin.logout": "Abmelden",
    "admin.skip": "Zum Inhalt springen",
    "admin.shortcuts_button": "Tastenkürzel",
    "admin.password": "Passwort",
    "admin.login": "Anmelden",
    "admin.login_intro": "Melde dich an, um Kommentare zu prüfen.",
    "admin.login_wrong": "Dieses Passwort stimmt nicht.",
    "admin.login_locked_one": ("Zu viele Fehlversuche. Versuch es in 1 Minute noch einmal."),
    "admin.login_locked_other": ("Zu viele Fehlversuche. Versuch es in {n} Minuten noch einmal."),
    "admin.login_no_password": (
        "Es ist noch kein Passwort gesetzt. Setz eins mit: make admin-password"
    ),
    "admin.logged_out": "Du bist abgemeldet.",
    "admin.tabs": "Status",
    "admin.tab_pending": "Zu prüfen",
    "admin.tab_approved": "Freigegeben",
    "admin.tab_testimonials": "Empfehlungen",
    "admin.tab_spam": "Spam",
    "admin.tab_rejected": "Abgelehnt",
    "admin.tab_all": "Alle",
    "admin.filters": "Filter",
    "admin.filter_page": "Seite",
    "admin.filter_all_pages": "Alle Seiten",
    "admin.filter_search": "Name, Text, E-Mail und Seite durchsuchen",
    "admin.filter_order": "Reihenfolge",
    "admin.order_newest": "Neueste zuerst",
    "admin.order_oldest": "Älteste zuerst",
    "admin.filter_apply": "Anwenden",
    "admin.filter_clear": "Zurücksetzen",
    "admin.empty_pending": "Nichts zu prüfen. Du bist auf dem neuesten Stand.",
    "admin.empty_pending_next": "Neue Kommentare erscheinen hier, sobald Leser sie schreiben.",
    "admin.empty": "Keine Kommentare gefunden.",
    "admin.empty_next": "Wähl einen anderen Reiter oder setz den Filter zurück.",
    "admin.showing": "{first}–{last} von {total}",
    "admin.pagination": "Seitennavigation",
    "admin.previous": "Zurück",
    "admin.next": "Weiter",
    "admin.status_pending": "Zu prüfen",
    "admin.status_approved": "Freigegeben",
    "admin.status_rejected": "Abgelehnt",
    "admin.status_spam": "Spam",
    "admin.testimonial": "Empfehlung",
    "admin.owner_reply": "Deine Antwort",
    "admin.on_page": "auf",
    "admin.rating": "{n} von 5 Sternen",
    "admin.consent_yes": "Einwilligung als Empfehlung (Version {version}, {date})",
    "admin.consent_no": "Keine Einwilligung als Empfehlung",
    "admin.consent_withdrawn": "Einwilligung vom Autor widerrufen ({date})",
    "admin.in_reply_to": "Antwort an {author}:",
    "admin.parent_gone": "Antwort auf einen Kommentar, den es nicht mehr gibt.",
    "admin.excerpt_shown": "Gezeigter Ausschnitt:",
    "admin.hints": "Prüfen",
    "admin.select": "Kommentar von {author} auswählen",
    "admin.actions": "Aktionen für den Kommentar von {author}",
    "admin.approve": "Freigeben",
    "admin.reject": "Ablehnen",
    "admin.spam": "Spam",
    "admin.restore": "Wiederherstellen",
    "admin.delete": "Löschen",
    "admin.demote": "Empfehlung entfernen",
    "admin.pin": "Oben anheften",
    "admin.unpin": "Lösen",
    "admin.pinned": "Angeheftet",
    "admin.pin_help": (
        "Angeheftete Empfehlungen kommen zuerst, die zuletzt angeheftete oben (höchstens "
        "{limit}); der Rest folgt, die neuesten zuerst."
    ),
    "admin.promote": "Zur Empfehlung machen",
    "admin.reply": "Antworten",
    "admin.promote_no_consent": (
        "Nicht möglich: Der Autor hat der Nutzung als Empfehlung nicht zugestimmt."
    ),
    "admin.promote_withdrawn": "Nicht möglich: Der Autor hat die Einwilligung widerrufen ({date}).",
    "admin.promote_not_approved": "Gib den Kommentar zuerst frei, um ihn zur Empfehlung zu machen.",
    "admin.excerpt_label": "Ausschnitt für die Empfehlung",
    "admin.excerpt_help": (
        "Lösch Wörter am Anfang oder Ende, oder markier einen Teil des Textes (im Kommentar oder "
        "in diesem Feld) und wähl ‚Auswahl übernehmen‘. Umschreiben geht nicht: Es bleiben die "
        "eigenen Worte des Autors."
    ),
    "admin.use_selection": "Auswahl übernehmen",
    "admin.use_whole": "Ganzer Text",
    "admin.excerpt_invalid": "Das ist kein Ausschnitt des Textes. Umschreiben ist nicht möglich.",
    "admin.excerpt_no_selection": "Markier zuerst Text, im Kommentar oder im Textfeld.",
    "admin.preview": "So wird es zu lesen sein:",
    "admin.promote_submit": "Zur Empfehlung machen",
    "admin.reply_label": "Deine Antwort (sofort unter deinem Namen veröffentlicht)",
    "admin.reply_submit": "Antwort veröffentlichen",
    "admin.redact": "Schwärzen",
    "admin.redact_label": "Geschwärzter Text",
    "admin.redact_help": (
        "Ersetz, was weg muss (eine Telefonnummer, einen Nachnamen), durch […]: markier es (im "
        "Kommentar oder in diesem Feld) und wähl ‚Auswahl streichen‘, oder tipp selbst [...] an "
        "seine Stelle. Du kannst nur entfernen, nie etwas hinzufügen oder umformulieren. Nach dem "
        "Speichern kannst du es {seconds} Sekunden lang rückgängig machen; danach ist der "
        "gestrichene Text endgültig weg."
    ),
    "admin.cut_selection": "Auswahl streichen",
    "admin.redact_no_selection": "Markier zuerst, was weg muss, im Kommentar oder im Textfeld.",
    "admin.redact_submit": "Schwärzung speichern",
    "admin.bulk": "Mehrere auf einmal",
    "admin.select_all": "Alle auf dieser Seite auswählen",
    "admin.selected": "{n} ausgewählt",
    "admin.with_selected": "Mit den ausgewählten:",
    "admin.bulk_approve": "Ausgewählte freigeben",
    "admin.bulk_reject": "Ausgewählte ablehnen",
    "admin.bulk_spam": "Ausgewählte als Spam",
    "admin.bulk_none": "Wähl zuerst einen oder mehrere Kommentare aus.",
    "admin.done_approve": "Freigegeben.",
    "admin.done_reject": "Abgelehnt.",
    "admin.done_spam": "In den Spam verschoben.",
    "admin.done_restore": "Zurück zur Prüfung.",
    "admin.done_demote": "Keine Empfehlung mehr.",
    "admin.done_pin": "Oben angeheftet.",
    "admin.done_unpin": "Nicht mehr angeheftet.",
    "admin.done_promote": "Empfehlung erstellt.",
    "admin.done_reply": "Antwort veröffentlicht.",
    "admin.done_redact": "Geschwärzt.",
    "admin.done_delete": "Gelöscht.",
    "admin.done_undo": "Rückgängig gemacht.",
    "admin.done_bulk_one": "1 Kommentar aktualisiert.",
    "admin.done_bulk_other": "{n} Kommentare aktualisiert.",
    "admin.undo": "Rückgängig",
    "admin.undo_row": "Rückgängig: {what} bei #{id}",
    "admin.dismiss": "Ausblenden",
    "admin.not_here": "Diese Aktion gibt es für diesen Kommentar nicht.",
    "admin.failed": "Das hat nicht geklappt. Lad die Seite neu und versuch es noch einmal.",
    "admin.delete_question": (
        "Diesen Kommentar endgültig löschen? Das lässt sich nicht rückgängig machen."
    ),
    "admin.delete_confirm": "Ja, löschen",
    "admin.cancel": "Abbrechen",
    "admin.back": "Zurück zu den Kommentaren",
    "admin.shortcuts": "Tastenkürzel",
    "admin.key_next": "Nächster Kommentar",
    "admin.key_prev": "Vorheriger Kommentar",
    "admin.key_approve": "Freigeben",
    "admin.key_reject": "Ablehnen",
    "admin.key_spam": "Spam",
    "admin.key_select": "Auswählen",
    "admin.key_help": "Diese Hilfe zeigen",
    "admin.close": "Schließen",
    "admin.activity_intro": "Wer hat wann was mit welchem Kommentar gemacht.",
    "admin.col_when": "Wann",
    "admin.col_who": "Wer",
    "admin.col_what": "Was",
    "admin.col_comment": "Kommentar",
    "admin.actor_owner": "Du",
    "admin.actor_api": "API-Token",
    "admin.actor_author": "Der Autor",
    "admin.actor_mail": "Du, per E-Mail",
    "admin.actor_other": "Unbekannt ({actor})",
    "admin.log_approve": "hat #{id} freigegeben",
    "admin.log_reject": "hat #{id} abgelehnt",
    "admin.log_spam": "hat #{id} als Spam markiert",
    "admin.log_restore": "hat #{id} zurück zur Prüfung gelegt",
    "admin.log_promote": "hat #{id} zur Empfehlung gemacht",
    "admin.log_demote": "hat #{id} von den Empfehlungen genommen",
    "admin.log_pin": "hat #{id} oben angeheftet",
    "admin.log_unpin": "hat #{id} gelöst",
    "admin.log_delete": "hat #{id} gelöscht",
    "admin.log_reply": "hat auf #{id} geantwortet",
    "admin.log_reply_detail": "deine Antwort ist #{reply}",
    "admin.log_redact": "hat #{id} geschwärzt",
    "admin.log_redact_cuts_one": "1 Stelle gestrichen",
    "admin.log_redact_cuts_other": "{n} Stellen gestrichen",
    "admin.log_undo": "hat eine Änderung an #{id} rückgängig gemacht",
    "admin.log_undo_status": "hat den Status von #{id} zurückgesetzt",
    "admin.log_undo_promote": "hat die Empfehlung #{id} rückgängig gemacht",
    "admin.log_undo_demote": "hat #{id} wieder zur Empfehlung gemacht",
    "admin.log_undo_reply": "hat die Antwort auf #{id} zurückgenommen",
    "admin.log_undo_redact": "hat den gestrichenen Text von #{id} zurückgeholt",
    "admin.log_withdraw_consent": "hat die Einwilligung für #{id} widerrufen",
    "admin.log_edit": "hat #{id} bearbeitet",
    "admin.log_other": "eine unbekannte Aktion ({action}) bei #{id}",
    # reports (DSA art. 16) and statements of reasons (art. 17)
    "admin.tab_reported": "Gemeldet",
    "admin.title_reports": "Gemeldete Kommentare",
    "admin.reports_intro": (
        "Leser haben diese veröffentlichten Kommentare gemeldet. Lies die Meldungen und "
        "entscheide: behalten, offline nehmen oder löschen. Deine Entscheidung beantwortet jede "
        "Meldung zu diesem Kommentar."
    ),
    "admin.reports_count_one": "1 Meldung",
    "admin.reports_count_other": "{n} Meldungen",
    "admin.report_reason_illegal": "Gesetzeswidrig",
    "admin.report_reason_privacy": "Privatsphäre anderer",
    "admin.report_reason_spam": "Spam",
    "admin.report_reason_other": "Etwas anderes",
    "admin.report_by": "Von {email}",
    "admin.report_by_nobody": "Keine E-Mail-Adresse",
    "admin.report_on": "Gemeldet am {date}",
    "admin.decide_dismiss": "Meldung zurückweisen",
    "admin.decide_unpublish": "Offline nehmen",
    "admin.decide_delete": "Löschen",
    "admin.done_report_dismiss": "Meldung zurückgewiesen; der Kommentar bleibt.",
    "admin.done_report_unpublish": "Der Kommentar wurde offline genommen.",
    "admin.done_report_delete": "Der Kommentar wurde gelöscht.",
    "admin.empty_reports": "Keine offenen Meldungen.",
    "admin.reason_label": "Begründung für den Autor",
    "admin.reason_none": "Keine Begründung: keine Mail",
    "admin.reason_privacy": "Persönliche Daten",
    "admin.reason_spam": "Spam oder Werbung",
    "admin.reason_off_topic": "Am Thema vorbei",
    "admin.reason_health_claim": "Gesundheitsversprechen",
    "admin.reason_illegal": "Gesetzeswidrig",
    "admin.reason_note_label": "Deine eigene Notiz (freiwillig)",
    "admin.reason_hint": (
        "Mit einer Begründung schickt Ablehnen oder Löschen dem Autor deine Entscheidung und den "
        "Grund per Mail (wie es der DSA der EU verlangt). Ohne Begründung wird nichts verschickt."
    ),
    "admin.log_report_dismissed": "hat eine Meldung zu #{id} zurückgewiesen",
    "admin.log_report_unpublished": "hat #{id} nach einer Meldung offline genommen",
    "admin.log_report_deleted": "hat #{id} nach einer Meldung gelöscht",
    "admin.log_reports_one": "1 Meldung",
    "admin.log_reports_other": "{n} Meldungen",
    "admin.comment_deleted": "(gelöscht)",
    "admin.older": "Ältere Aktivität",
    "admin.no_activity": "Noch keine Aktivität.",
    "admin.error_csrf": (
        "Diese Anfrage kam nicht von der Moderationsseite. Geh zurück und versuch es noch einmal."
    ),
    "admin.error_not_found": "Diesen Kommentar gibt es nicht (mehr).",
    "admin.error_conflict": "Der Kommentar hat sich inzwischen geändert. Lad die Seite neu.",
    "admin.error_not_in_text": "Der Ausschnitt muss Wort für Wort aus dem Text stammen.",
    "admin.error_no_consent": "Der Autor hat der Nutzung als Empfehlung nicht zugestimmt.",
    "admin.error_consent_withdrawn": (
        "Der Autor hat die Einwilligung zur Nutzung als Empfehlung widerrufen."
    ),
    "admin.error_not_approved": "Nur freigegebene Kommentare können Empfehlungen werden.",
    "admin.error_too_many_pins": (
        "Höchstens {max_pins} Empfehlungen können angeheftet sein. Löse zuerst eine."
    ),
    "admin.error_not_testimonial": "Nur eine veröffentlichte Empfehlung lässt sich oben anheften.",
    "admin.error_not_published": "Gib den Kommentar zuerst frei, um darauf zu antworten.",
    "admin.error_duplicate": "Diese Antwort hast du schon veröffentlicht.",
    "admin.error_no_cut": (
        "Setz […] überall dort, wo du etwas streichst; der Text hat noch kein […]."
    ),
    "admin.error_not_a_redaction": (
        "Du kannst nur Stellen entfernen: Was übrig bleibt, muss Wort für Wort und in derselben "
        "Reihenfolge im Originaltext stehen."
    ),
    "admin.error_required": "Bitte füll dieses Feld aus.",
    "admin.error_too_long": "Dieser Text ist zu lang.",
    "admin.error_invalid": "Diese Anfrage ist ungültig.",
    "admin.error_generic": "Etwas ist schiefgelaufen. Geh zurück und versuch es noch einmal.",
    "admin.error_undo_expired": "Das lässt sich nicht mehr rückgängig machen.",
    # appearance
    "admin.theme_dark": "Dunkel",
    # one-click links in the e-mail notice
    "admin.title_mail": "Kommentar prüfen",
    "admin.mail_question": "Möchtest du diesen Kommentar von {author} {verb}?",
    "admin.mail_verb_approve": "freigeben",
    "admin.mail_verb_reject": "ablehnen",
    "admin.mail_verb_spam": "als Spam markieren",
    "admin.mail_handled": (
        "Dieser Kommentar wurde schon geprüft; dieser Link bewirkt nichts mehr."
    ),
    "admin.error_invalid_link": (
        "Dieser Link ist ungültig oder abgelaufen. Melde dich an, um den Kommentar zu prüfen."
    ),
    # Moving in and out (import, export) and the read-only settings page.
    "admin.nav_move": "Import und Export",
    "admin.nav_settings": "Einstellungen",
    "admin.title_move": "Import und Export",
    "admin.move_intro": (
        "Hol deine Kommentare aus WordPress, Disqus oder Isso, oder stell einen Chorus-Export "
        "wieder her. Dieselbe Datei zweimal zu importieren fügt nichts hinzu."
    ),
    "admin.import_title": "Kommentare importieren",
    "admin.import_file": "Exportdatei",
    "admin.import_source": "Stammt aus",
    "admin.source_wordpress": "WordPress (WXR-Export, .xml)",
    "admin.source_disqus": "Disqus (XML-Export)",
    "admin.source_isso": "Isso (Datenbank, comments.db)",
    "admin.source_chorus": "Chorus (JSON-Export)",
    "admin.import_page_map": (
        "Alte Adressen umschreiben (freiwillig, eine Regel pro Zeile: /alt/=/neu/)"
    ),
    "admin.import_dry_run": "Nur zählen, nichts ändern",
    "admin.import_start": "Importieren",
    "admin.import_noscript": (
        "Der Import auf dieser Seite braucht JavaScript. Ohne geht es so: python -m service "
        "import wordpress datei.xml"
    ),
    "admin.import_uploading": "Datei wird gesendet… {percent} %",
    "admin.import_writing": "Kommentare werden gespeichert… {done} von {total}",
    "admin.import_done_one": "{imported} von 1 Kommentar importiert.",
    "admin.import_done_other": "{imported} von {n} Kommentaren importiert.",
    "admin.import_done_dry_one": (
        "Probelauf, nichts wurde geändert. Zu importieren: {imported} von 1 Kommentar."
    ),
    "admin.import_done_dry_other": (
        "Probelauf, nichts wurde geändert. Zu importieren: {imported} von {n} Kommentaren."
    ),
    "admin.import_failed": "Nicht importiert: {message} Nichts wurde geändert.",
    "admin.import_skipped": "Übersprungen ({reason}): {n}",
    "admin.import_status": "{status}: {n}",
    "admin.import_detail": "Einzelheiten: {message}",
    "admin.import_error_unreadable_file": (
        "Diese Datei ist kein Export der gewählten Quelle, oder sie ist beschädigt."
    ),
    "admin.import_error_too_large": "Die Datei ist zu groß.",
    "admin.import_error_timeout": "Die Datei kam zu langsam an.",
    "admin.import_error_unauthorized": (
        "Du bist abgemeldet. Melde dich wieder an und versuch es noch einmal."
    ),
    "admin.import_error_csrf": (
        "Diese Seite ist abgelaufen. Lad sie neu und versuch es noch einmal."
    ),
    "admin.import_error_page_map": (
        "Eine Regel unter ‚Alte Adressen umschreiben‘ stimmt nicht; schreib /alt/=/neu/."
    ),
    "admin.import_error_internal": "Beim Speichern ist etwas schiefgelaufen.",
    "admin.skip_already_imported": "schon importiert",
    "admin.skip_pingback": "Pingback",
    "admin.skip_trackback": "Trackback",
    "admin.skip_other_type": "eine andere Art von Beitrag",
    "admin.skip_unreadable": "unlesbar",
    "admin.skip_deleted": "gelöscht",
    "admin.skip_empty": "leer",
    "admin.skip_too_long": "zu lang",
    "admin.skip_log_of_deleted_comments": "Protokoll gelöschter Kommentare",
    "admin.skip_bad_date": "kein gültiges Datum",
    "admin.skip_no_page": "keine Seite",
    "admin.skip_unknown_status": "unbekannter Status",
    "admin.skip_testimonial_excerpt_not_in_text": (
        "importiert, aber nicht als Empfehlung: Der Ausschnitt steht so nicht im Text"
    ),
    "admin.skip_testimonial_without_consent": (
        "importiert, aber nicht als Empfehlung: keine Einwilligung"
    ),
    "admin.skip_testimonial_not_approved": (
        "importiert, aber nicht als Empfehlung: nicht freigegeben oder von dir selbst"
    ),
    "admin.export_title": "Export",
    "admin.export_intro": (
        "Alles, was Chorus speichert, gehört dir. Heb einen Export als Sicherung oder für einen "
        "Umzug auf."
    ),
    "admin.export_json": "Alles als JSON",
    "admin.export_csv": "Empfehlungen als CSV",
    "admin.title_settings": "Einstellungen",
    "admin.settings_intro": (
        "So läuft Chorus gerade. Ändern kannst du das in der Datei .env, danach neu starten."
    ),
    "admin.settings_moderation": "Moderation (MODERATION)",
    "admin.settings_origins": "Websites, die einbetten dürfen (ALLOWED_ORIGINS)",
    "admin.settings_origins_none": "Keine, nur Chorus selbst",
    "admin.settings_public_url": "Adresse (PUBLIC_URL)",
    "admin.settings_database": "Datenbank",
    "admin.settings_version": "Version",
    "admin.settings_mail": "E-Mail",
    "admin.settings_mail_off": "Aus (setz NOTIFY_EMAIL und SMTP_HOST)",
    "admin.settings_mail_to": "Benachrichtigungen an",
    "admin.settings_mail_server": "Mailserver",
    "admin.settings_mail_from": "Absender",
    "admin.settings_mail_login": "Benutzername",
    "admin.settings_last_error": "Letzter Mailfehler",
    "admin.settings_no_error": "Keiner",
    "admin.settings_test_mail": "Testmail senden",
    "admin.done_test_mail": "Testmail gesendet.",
    "admin.done_test_mail_failed": (
        "Die Testmail konnte nicht gesendet werden; sieh dir den letzten Mailfehler an."
    ),
    "admin.title_confirm_hints": "Noch ein Blick",
    "admin.confirm_hints_moderate": (
        "Dieser Kommentar enthält etwas, das du vielleicht nicht online haben möchtest. Prüf ihn; "
        "Freigeben stellt ihn so, wie er ist, auf die Website:"
    ),
    "admin.confirm_hints_promote": (
        "Dieser Ausschnitt kommt als Empfehlung auf die Startseite und in die Feeds. Er enthält:"
    ),
    "admin.confirm_hints_mail": "Achtung, dieser Kommentar enthält:",
    "admin.confirm_hints_submit_moderate": "Trotzdem freigeben",
    "admin.confirm_hints_submit_promote": "Trotzdem zur Empfehlung machen",
    "admin.confirm_hints_ask": "Dieser Kommentar enthält: {hints}. Trotzdem veröffentlichen?",
    "admin.confirm_hints_reply": (
        "Deine Antwort erscheint sofort unter dem Kommentar, unter deinem Namen. Prüf, ob das "
        "darin stehen darf:"
    ),
    "admin.confirm_hints_submit_reply": "Antwort trotzdem veröffentlichen",
    "admin.confirm_hints_your_reply": "Deine Antwort",
    "admin.confirm_hints_reply_ask": "Deine Antwort enthält: {hints}. Trotzdem veröffentlichen?",
    "admin.confirm_hints_without_claim": "Die Sätze ohne das Versprechen, als Ausschnitt:",
    "admin.confirm_hints_use_without_claim": "Nur diese Sätze als Empfehlung nehmen",
    "admin.confirm_hints_claim_offer": (
        "{why}\n\nNur die Sätze ohne das Versprechen als Ausschnitt nehmen?"
    ),
    "admin.done_without_claim": (
        "Ausschnitt ohne das Versprechen gewählt. Prüf ihn und wähl ‚Zur Empfehlung machen‘."
    ),
    "admin.bulk_skipped_one": (
        "1 übersprungen: Er enthält persönliche Daten oder ein Gesundheitsversprechen; gib ihn "
        "einzeln frei."
    ),
    "admin.bulk_skipped_other": (
        "{n} übersprungen: Sie enthalten persönliche Daten oder ein Gesundheitsversprechen; gib "
        "sie einzeln frei."
    ),
    "admin.error_confirm_hints": (
        "Dieser Kommentar enthält persönliche Daten oder ein Gesundheitsversprechen; bestätige "
        "das zuerst."
    ),
    "admin.error_drops_negation": (
        "Diese Streichung nimmt eine Verneinung (etwa ‚nicht‘ oder ‚kein‘) aus einem Satz, der "
        "stehen bleibt, und kann so seinen Sinn umkehren. Behalte das Wort oder streich den ganzen "
        "Satz."
    ),
    "admin.error_partial_word": "Lass den Ausschnitt mit ganzen Wörtern beginnen und enden.",
    "admin.mail_changed": (
        "Dieser Kommentar hat sich geändert, seit die E-Mail verschickt wurde; dieser Link bewirkt "
        "nichts mehr. Öffne die Moderationsseite, um ihn zu prüfen."
    ),
    "admin.error_changed_since": (
        "Dieser Kommentar hat sich geändert, nachdem du ihn gelesen hast, deshalb wurde nichts "
        "veröffentlicht. Lies den neuen Text unten und entscheide noch einmal."
    ),
    "admin.bulk_changed_since_one": (
        "1 nicht freigegeben: Sein Text hat sich geändert, nachdem du ihn gelesen hast; lies ihn "
        "noch einmal."
    ),
    "admin.bulk_changed_since_other": (
        "{n} nicht freigegeben: Ihr Text hat sich geändert, nachdem du sie gelesen hast; lies sie "
        "noch einmal."
    ),
    "admin.log_edit_page": "hat die Seite von #{id} bearbeitet",
    "admin.nav_pages": "Seiten",
    "admin.title_pages": "Seiten",
    "admin.pages_intro": (
        "Titel und Adresse, auf die Empfehlungen und Feeds eine Geschichte verlinken. Der erste "
        "Kommentar einer Seite füllt sie aus; danach änderst nur du sie."
    ),
    "admin.page_title_label": "Titel",
    "admin.page_url_label": "Adresse (https://…)",
    "admin.page_key": "Seitenschlüssel: {key}",
    "admin.page_save": "Speichern",
    "admin.no_pages": "Noch keine Seiten mit Kommentaren.",
    "admin.done_page": "Seite gespeichert.",
    # A reader's privacy request: find, export and erase everything tied to an e-mail address.
    "admin.nav_privacy": "Datenschutz",
    "admin.title_privacy": "Datenschutzanfrage",
    "admin.privacy_intro": (
        "Ein Leser fragt, was Chorus über ihn speichert, oder bittet dich, alles zu löschen? Finde "
        "es über die E-Mail-Adresse, schick die JSON-Datei und lösche."
    ),
    "admin.privacy_email": "Die E-Mail-Adresse des Lesers",
    "admin.privacy_find": "Suchen",
    "admin.privacy_found": "Gefunden für {email}",
    "admin.privacy_nothing": (
        "Nichts gefunden für {email}: keine Kommentare, Einwilligungen, Antwort-Benachrichtigungen "
        "oder Protokollzeilen."
    ),
    "admin.privacy_comments": "Kommentare",
    "admin.privacy_consents": "Einwilligungen als Empfehlung",
    "admin.privacy_subscriptions": "Antwort-Benachrichtigungen",
    "admin.privacy_log": "Moderationsprotokoll",
    "admin.privacy_no_consents": "Keine Einwilligung gegeben.",
    "admin.privacy_no_subscriptions": "Keine Antwort-Benachrichtigungen bestellt.",
    "admin.privacy_no_log": "Keine Protokollzeilen.",
    "admin.col_page": "Seite",
    "admin.col_status": "Status",
    "admin.col_text": "Text",
    "admin.col_version": "Version des Wortlauts",
    "admin.col_given": "Gegeben",
    "admin.col_state": "Einwilligung jetzt",
    "admin.col_since": "Seit",
    "admin.col_confirmation": "Bestätigung",
    "admin.consent_in_force": "Gültig",
    "admin.consent_withdrawn_on": "Widerrufen am {date}",
    "admin.consent_not_given": "Nicht gegeben",
    "admin.subscription_confirmed": "Bestätigt am {date}",
    "admin.subscription_unconfirmed": "Nicht bestätigt",
    "admin.privacy_export": "JSON herunterladen",
    "admin.privacy_export_help": "Alles oben in einer Datei, zum Schicken an den Leser.",
    "admin.privacy_erase_title": "Löschen",
    "admin.privacy_erase_intro": (
        "Löscht die Kommentare dieser Adresse (oder behält sie ohne Namen), ihre "
        "Antwort-Benachrichtigungen, Verwaltungslinks, wartende Mails und die Protokollzeilen "
        "dieser Kommentare. Das Protokoll behält nur, dass gelöscht wurde."
    ),
    "admin.privacy_how": "Was passiert mit den Kommentaren?",
    "admin.privacy_keep_delete": "Die Kommentare löschen",
    "admin.privacy_keep_anonymised": (
        "Die Kommentare als ‚ein Leser‘ behalten, ohne Namen, E-Mail-Adresse, Website oder "
        "Einwilligung"
    ),
    "admin.privacy_confirm": "Mir ist klar, dass sich Löschen nicht rückgängig machen lässt.",
    "admin.privacy_erase_button": "Alles zu dieser Adresse löschen",
    "admin.privacy_erased": "Gelöscht",
    "admin.privacy_erased_note": (
        "Das Protokoll behält nur, dass gelöscht wurde, nicht die Adresse."
    ),
    "admin.privacy_erased_deleted_one": "1 Kommentar gelöscht",
    "admin.privacy_erased_deleted_other": "{n} Kommentare gelöscht",
    "admin.privacy_erased_anonymised_one": "1 Kommentar als ‚ein Leser‘ behalten",
    "admin.privacy_erased_anonymised_other": "{n} Kommentare als ‚ein Leser‘ behalten",
    "admin.privacy_erased_subscriptions_one": "1 Antwort-Benachrichtigung beendet",
    "admin.privacy_erased_subscriptions_other": "{n} Antwort-Benachrichtigungen beendet",
    "admin.privacy_erased_log_one": "1 Protokollzeile gelöscht",
    "admin.privacy_erased_log_other": "{n} Protokollzeilen gelöscht",
    "admin.privacy_error_email": "Gib eine gültige E-Mail-Adresse an, etwa leser@example.com.",
    "admin.privacy_error_keep_anonymised": "Wähl, was mit den Kommentaren passiert.",
    "admin.privacy_error_confirm": (
        "Kreuz das Kästchen an, um zu bestätigen, dass sich Löschen nicht rückgängig machen lässt."
    ),
    "admin.log_erase": "hat die Daten eines Lesers gelöscht",
    "admin.no_comment": "keiner",
    # months in short, for the moderation pages' dates ("7. Dez. 2026 15:05 MEZ")
    "month_short.1": "Jan.",
    "month_short.2": "Feb.",
    "month_short.3": "März",
    "month_short.4": "Apr.",
    "month_short.5": "Mai",
    "month_short.6": "Juni",
    "month_short.7": "Juli",
    "month_short.8": "Aug.",
    "month_short.9": "Sept.",
    "month_short.10": "Okt.",
    "month_short.11": "Nov.",
    "month_short.12": "Dez.",
    # --- the review policy page (/reviews/policy, service/web/policy.py)
    "policy.title": "So gehen wir mit Erfahrungen um",
    "policy.figures": "Die Zahlen",
    "policy.version": "Version {version}, zuletzt geändert am {date}.",
    "policy.the_website": "die Website",
    "policy.who.heading": "Wer eine Erfahrung teilen kann",
    "policy.who.anyone": (
        "Alle, die einen Blogbeitrag auf {site} lesen, können darunter kommentieren. Wer dabei "
        "ankreuzt, dass der Kommentar als Empfehlung gezeigt werden darf, teilt eine Erfahrung. "
        "Nur solche Erfahrungen können bei den Empfehlungen erscheinen, und nur, wenn {owner} sie "
        "selbst auswählt."
    ),
    "policy.who.unchecked": (
        "{site} prüft nicht, ob jemand wirklich Kunde war: Alle können einen Kommentar schreiben. "
        "Eine Erfahrung ist das Erlebnis eines Lesers, keine geprüfte Kundenbewertung."
    ),
    "policy.who.imported": (
        "Einige Kommentare wurden aus dem Kommentarsystem übernommen, das die Website vorher "
        "benutzt hat; sie stehen so da, wie sie damals geschrieben wurden."
    ),
    "policy.checked.heading": "Was wir prüfen, bevor etwas erscheint",
    "policy.checked.all": (
        "Jeder Kommentar wird von einem Menschen gelesen, bevor er erscheint. Bis dahin sieht ihn "
        "nur, wer ihn geschrieben hat."
    ),
    "policy.checked.first": (
        "Der erste Kommentar einer Person wird von einem Menschen gelesen, bevor er erscheint. "
        "Sobald ein Kommentar aus demselben Browser freigegeben wurde, erscheint ein neuer sofort; "
        "wir lesen ihn trotzdem danach und nehmen ihn herunter, wenn er die Regeln nicht einhält."
    ),
    "policy.checked.none": (
        "Kommentare erscheinen sofort unter dem Beitrag, bevor jemand sie liest. Wir lesen sie "
        "danach und nehmen herunter, was die Regeln nicht einhält."
    ),
    "policy.checked.spam": (
        "Ein Spamfilter hält verdächtige Kommentare zurück, bis jemand sie sich ansieht. Eine "
        "Erfahrung erscheint bei den Empfehlungen nur mit deiner Einwilligung und erst, nachdem "
        "{owner} sie gelesen und ausgewählt hat."
    ),
    "policy.refused.heading": "Warum eine Erfahrung nicht veröffentlicht wird",
    "policy.refused.intro": (
        "Wir veröffentlichen eine Erfahrung nicht, oder nicht als Empfehlung, wenn sie:"
    ),
    "policy.refused.privacy": (
        "persönliche Daten nennt, deine oder die von jemand anderem (etwa eine Telefonnummer oder "
        "eine E-Mail-Adresse);"
    ),
    "policy.refused.spam": "Spam oder Werbung ist;",
    "policy.refused.off_topic": "nichts mit dem Thema oder der Praxis zu tun hat;",
    "policy.refused.unlawful": (
        "gegen das Gesetz verstößt, zum Beispiel weil sie jemanden beleidigt oder bedroht;"
    ),
    "policy.refused.health": (
        "sagt, dass eine Behandlung oder ein Produkt eine Krankheit oder Beschwerde heilt oder "
        "behandelt. Die Regeln für gesundheitsbezogene Angaben erlauben der Praxis nicht, so ein "
        "Versprechen in ihrer Werbung zu wiederholen. Dein Kommentar kann unter dem Beitrag "
        "stehen bleiben, kommt aber nicht zu den Empfehlungen, oder nur ein Teil ohne das "
        "Versprechen."
    ),
    "policy.stars.heading": "Sterne und der Durchschnitt",
    "policy.stars.equal": (
        "Du kannst deiner Erfahrung 1 bis 5 Sterne geben. Eine Erfahrung mit einem Stern wird "
        "genauso behandelt wie eine mit fünf: Nichts hier filtert oder sortiert nach Bewertung, "
        "und eine niedrige Bewertung ist nie ein Grund, eine Erfahrung nicht zu veröffentlichen."
    ),
    "policy.stars.average": (
        "Der Durchschnitt ist das einfache Mittel aller Bewertungen der veröffentlichten "
        "Erfahrungen, die niedrigen so sehr wie die hohen. Wir zeigen ihn erst ab {least} "
        "Bewertungen, und immer mit der Zahl, aus der er berechnet ist."
    ),
    "policy.stars.none": "Erfahrungen tragen keine Sterne, also gibt es auch keinen Durchschnitt.",
    "policy.report.heading": "Eine Erfahrung melden",
    "policy.report.how": (
        "Ist eine Erfahrung unwahr, geht es darin um dich, oder findest du, dass sie nicht dort "
        "stehen sollte? Wähl ‚Melden‘ neben der Erfahrung und sag, was damit nicht stimmt und "
        "warum. Du kannst auch an {owner} unter {contact} schreiben und die Seite und die "
        "Erfahrung nennen. Ein Mensch liest jede Meldung und entscheidet, was damit passiert."
    ),
    "policy.report.reasons": (
        "Wenn wir einen Kommentar herunternehmen oder nicht veröffentlichen und die Person eine "
        "E-Mail-Adresse hinterlassen hat, bekommt sie eine Mail, die sagt, was wir entschieden "
        "haben, warum, und wie sie antworten kann. So eine Entscheidung trifft immer ein Mensch."
    ),
    "policy.consent.heading": "Deine Einwilligung widerrufen",
    "policy.consent.how": (
        "Fordere im Kommentarformular unter einem Beitrag einen Link zu deinen Kommentaren an "
        "(über ‚Meine Kommentare verwalten‘); er kommt an die Adresse, mit der du kommentiert "
        "hast. Dort widerrufst du deine Einwilligung: Deine Erfahrung verlässt die Empfehlungen "
        "sofort. Dort kannst du deinen Kommentar auch löschen."
    ),
    "policy.extra.heading": "Von {owner}",
    "policy.figures.counts": (
        "Erhaltene Erfahrungen: {received} · veröffentlicht: {published} · aus Gründen der "
        "Privatsphäre nicht veröffentlicht: {privacy} · Spam: {spam}."
    ),
    "policy.figures.not_yet": (
        "{counts} Durchschnittliche Bewertung: noch nicht gezeigt (Zahl der Bewertungen: {n}; wir "
        "zeigen sie ab {least})."
    ),
    "policy.figures.average": (
        "{counts} Durchschnittliche Bewertung: {average} von 5 (Zahl der Bewertungen: {n})."
    ),
    # -- WordPress: imports and the plugin's counts (issue 28) --
    # the name of an imported comment that had none
    "import.anonymous": "Anonym",
    # --- mails (service/notify/): a body's last line break is added where it is sent
    # the owner's notice of a new comment, in ADMIN_LANG (service/notify/owner_mail.py)
    "mail.owner.subject_pending": "Neuer Kommentar von {author} zu prüfen",
    "mail.owner.subject_approved": "Neuer Kommentar von {author}",
    "mail.owner.wrote": "{author} schrieb unter „{page}“:",
    "mail.owner.review": "Prüfen: {url}",
    "mail.owner.action_approve": "Freigeben",
    "mail.owner.action_reject": "Ablehnen",
    "mail.owner.action_spam": "Spam",
    # one one-click link of the notice: the action's name, then its address
    "mail.owner.action_line": "{action}: {url}",
    # what the owner needs to decide from the notice, above its links
    "mail.fact.rating": "Bewertung: {stars} ({n} von 5)",
    "mail.fact.no_rating": "Bewertung: keine",
    "mail.fact.consent": "Einwilligung als Empfehlung: ja (Version {version})",
    "mail.fact.no_consent": "Einwilligung als Empfehlung: nein",
    "mail.fact.email": "E-Mail des Autors: {email}",
    "mail.fact.no_email": "E-Mail des Autors: nicht angegeben",
    "mail.fact.page": "Seite: {page}",
    "mail.fact.reply_to": "Eine Antwort auf den Kommentar von {author}",
    "mail.fact.hints": "Prüfen: {hints}",
    # the owner's notices folded into one mail under a flood
    "mail.digest.subject": "{n} weitere neue Kommentare in einer Mail",
    "mail.digest.intro": (
        "Viele Kommentare kamen auf einmal. Damit dein Postfach nicht überläuft, stehen diese {n} "
        "in einer Mail:"
    ),
    "mail.digest.line": "- {author} unter „{page}“ ({status})",
    "mail.digest.more": "… und {n} weitere",
    "mail.digest.status_pending": "wartet auf dich",
    "mail.digest.status_approved": "veröffentlicht",
    "mail.digest.status_gone": "nicht mehr in der Warteschlange",
    # the settings page's test mail
    "mail.test.subject": "Testmail von {site}",
    "mail.test.body": "Mail von {url} funktioniert.",
    # mail to readers, in the comment's language (service/notify/reader_mail.py). Mail to an
    # address nobody confirmed names only what the owner wrote: never a poster's words.
    "mail.reader.manage_subject": "Deine Kommentare auf {site} verwalten",
    "mail.reader.manage": (
        "Jemand (hoffentlich du) wollte deine Kommentare auf {site} verwalten.\n"
        "Dieser Link zeigt sie dir; du kannst sie bearbeiten, deine Einwilligung widerrufen oder "
        "sie löschen. Er funktioniert einmal pro Aktion und läuft innerhalb eines Tages ab:\n"
        "\n"
        "{url}\n"
        "\n"
        "Das warst nicht du? Dann kannst du diese Mail einfach ignorieren."
    ),
    "mail.reader.confirm_subject": "Mails zu Antworten auf {site} bestätigen",
    "mail.reader.confirm": (
        "Jemand (hoffentlich du) möchte Bescheid bekommen, wenn ein Kommentar auf {site} ({home}) "
        "eine Antwort bekommt.\n"
        "Bestätige es mit diesem Link:\n"
        "\n"
        "{url}\n"
        "\n"
        "Das warst nicht du? Ignorier diese Mail, dann bekommst du nichts."
    ),
    "mail.reader.reply_subject": "Neue Antwort auf deinen Kommentar auf {site}",
    "mail.reader.reply": (
        "{author} hat auf deinen Kommentar unter „{page}“ geantwortet:\n\n{quote}\n\n"
        "Hier lesen: {url}"
    ),
    "mail.reader.stop": "Keine Mails mehr zu Antworten: {url}",
    "mail.reader.statement_subject": "Zu deinem Kommentar auf {site}",
    "mail.reader.statement": (
        "Dein Kommentar vom {date} auf {site} ({home}) wurde {decision}.\n"
        "\n"
        "Warum: {reason}\n"
        "{note}\n"
        "Diese Entscheidung hat ein Mensch getroffen ({owner}), kein automatisches System. So "
        "gehen wir mit Kommentaren um: {policy}\n"
        "\n"
        "Bist du anderer Meinung, oder möchtest du etwas erklären? Antworte auf diese Mail, dann "
        "sehen wir es uns noch einmal an."
    ),
    "mail.reader.statement_note": "Anmerkung: {note}",
    "mail.reader.decision_rejected": "nicht veröffentlicht",
    "mail.reader.decision_unpublished": "offline genommen",
    "mail.reader.decision_deleted": "gelöscht",
    "mail.reader.grounds_privacy": (
        "Er nennt persönliche Daten, die des Autors oder die von jemand anderem."
    ),
    "mail.reader.grounds_spam": "Er ist Spam oder Werbung.",
    "mail.reader.grounds_off_topic": "Er hat nichts mit dem Thema oder der Praxis zu tun.",
    "mail.reader.grounds_health_claim": (
        "Er sagt, dass eine Behandlung oder ein Produkt eine Krankheit oder Beschwerde heilt oder "
        "behandelt, und die Praxis darf so ein Versprechen nicht in ihrer Werbung wiederholen."
    ),
    "mail.reader.grounds_illegal": "Er verstößt gegen das Gesetz.",
    "mail.reader.report_ack_subject": "Deine Meldung auf {site} ist angekommen",
    "mail.reader.report_ack": (
        "Wir haben deine Meldung zu einem Kommentar auf {site} ({home}) erhalten. Ein Mensch sieht "
        "sie sich an und entscheidet, was damit passiert."
    ),
    # --- languages: how this language writes dates and numbers, and its name in the switch
    # between languages on the pages Chorus serves itself (service/text/__init__.py)
    "format.date": "{day}. {month} {year}",
    "format.decimal": "{whole},{fraction}",
    "format.thousands": "{thousands}.{rest}",
    "format.list": "{first}; {then}",
    "language.name": "Deutsch",
    "language.switch": "Sprache",
    # --- webhooks, names on testimonials, consent given again ---
    "name.client": "ein Kunde",
    "admin.log_display_name": "hat den angezeigten Namen bei #{id} geändert",
    "admin.log_undo_display_name": "hat den angezeigten Namen bei #{id} zurückgesetzt",
    "hint.full_name": "Nennt einen vollständigen Namen",
    "widget.mine.withdrawSure": "Deine Geschichte verlässt die Startseite. Sicher?",
    "widget.mine.give": "Einwilligung geben",
    "widget.mine.giveLabel": "Erneut einwilligen, dass dies als Empfehlung erscheint",
    "widget.mine.given": "Danke! Deine Geschichte darf wieder als Empfehlung erscheinen.",
    "reader_page.no_consent": "Dies erscheint nicht als Empfehlung.",
    "reader_page.give_consent": (
        "Einwilligung geben: Meine Geschichte darf als Empfehlung auf dieser Website stehen"
    ),
    "reader_page.done_give_consent": (
        "Danke! Deine Einwilligung ist gespeichert; deine Geschichte kann wieder als Empfehlung "
        "erscheinen."
    ),
    "mail.reader.ask_consent_subject": "Darf deine Geschichte wieder auf {site} stehen?",
    "mail.reader.ask_consent": (
        "{owner} von {site} ({home}) fragt, ob deine Geschichte vom {date} unter „{page}“ wieder "
        "als Empfehlung auf der Website erscheinen darf.\n"
        "Dieser Link zeigt dir deine Kommentare; dort kannst du deine Einwilligung erneut geben, "
        "oder eben nicht. Er funktioniert einmal pro Aktion und läuft innerhalb eines Tages ab:\n"
        "\n"
        "{url}\n"
        "\n"
        "Lieber nicht? Dann musst du nichts tun: Ohne deine Einwilligung bleibt alles, wie es ist."
    ),
    "admin.name_shown": "Angezeigter Name",
    "admin.name_shown_help": (
        "Jetzt angezeigt als: {name}. Nur kürzen: Wörter weglassen oder auf den "
        "Anfangsbuchstaben kürzen."
    ),
    "admin.name_choose": "Wähl, wie der Name erscheint",
    "admin.name_style_full": "vollständig",
    "admin.name_style_first_initial": "Vorname und Initiale",
    "admin.name_style_initials": "Initialen",
    "admin.name_style_client": "ohne Namen",
    "admin.name_default": "Standard (Vorname und Initiale)",
    "admin.name_other": "Oder tipp eine Kurzform des Namens ein",
    "admin.name_submit": "Name speichern",
    "admin.done_display_name": "Der Name bei der Empfehlung wurde geändert.",
    "admin.error_not_a_shortening": (
        "Nicht möglich: nur eine Kurzform des Namens, den der Autor selbst angegeben hat, oder "
        "‚ein Kunde‘."
    ),
    "admin.ask_consent": "Erneut um Einwilligung bitten",
    "admin.done_ask_consent": "Die Bitte um Einwilligung geht per Mail an den Autor.",
    "admin.error_no_address": "Der Autor hat keine E-Mail-Adresse hinterlassen.",
    "admin.error_address_unconfirmed": (
        "Der Autor hat diese E-Mail-Adresse nie bestätigt, deshalb schickt Chorus keine Mail "
        "dorthin."
    ),
    "admin.error_mail_off": (
        "Chorus kann Lesern keine Mails schicken (es ist kein Mailserver eingerichtet)."
    ),
    "admin.error_consent_given": "Der Autor hat bereits eingewilligt.",
    "admin.error_not_a_story": "Eine Einwilligung gibt es nur für die Geschichte eines Lesers.",
    "admin.log_ask_consent": "hat den Autor von #{id} um Einwilligung gebeten",
    "admin.log_give_consent": "hat die Einwilligung für #{id} erneut erteilt",
    "admin.webhooks.chat_comment_created": (
        "Neuer Kommentar von {author} unter „{page}“ ({status}): {words}\nZur Warteschlange: {url}"
    ),
    "admin.webhooks.chat_comment_status_changed": (
        "Der Kommentar von {author} unter „{page}“ ist jetzt {status}: {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_published": (
        "Die Geschichte von {author} steht jetzt bei den Empfehlungen: {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_withdrawn": (
        "Die Geschichte von {author} steht nicht mehr bei den Empfehlungen: {words}\n{url}"
    ),
    "admin.webhooks.chat_report_created": (
        "Jemand meldet den Kommentar von {author} unter „{page}“: {words}\nZu den Meldungen: {url}"
    ),
    "admin.webhooks.chat_invite_answered": (
        "{author} hat auf deine Einladung geantwortet: {words}\n{url}"
    ),
    "admin.webhooks.chat_webhook_test": (
        "Eine Testnachricht von Chorus: Diese Anbindung funktioniert.\n{url}"
    ),
    "admin.webhooks.chat_other": "Chorus meldet: {event}\n{url}",
    "admin.webhooks.status_pending": "zu prüfen",
    "admin.webhooks.status_approved": "veröffentlicht",
    "admin.webhooks.status_rejected": "abgelehnt",
    "admin.webhooks.status_spam": "als Spam markiert",
    "admin.webhooks.test_message": "Eine Testnachricht von Chorus: Diese Anbindung funktioniert.",
    "admin.webhooks.ntfy_open": "Öffnen",
    "mail.webhook_paused.subject": "Eine Anbindung von {site} ist pausiert",
    "mail.webhook_paused.body": (
        "Chorus konnte eine Nachricht an {url} auch nach mehr als einem Tag voller Versuche nicht "
        "zustellen und hat diese Anbindung pausiert. Alles, was ab jetzt passiert, wartet, bis du "
        "sie wieder einschaltest: {page}"
    ),
    # --- invitations and the story page ---
    "mail.reader.invite_subject": "Wie war deine Behandlung bei {site}?",
    "mail.reader.invite_reminder_subject": (
        "Eine kurze Erinnerung: Wie war deine Behandlung bei {site}?"
    ),
    "mail.reader.invite_greeting": "Hallo {name},",
    "mail.reader.invite_greeting_anonymous": "Hallo,",
    "mail.reader.invite": (
        "vielen Dank für deinen Besuch bei {site}. Magst du in ein paar Sätzen erzählen, wie deine "
        "Behandlung war? Deine Geschichte hilft anderen bei der Wahl, und {owner} liest sie "
        "selbst.\n"
        "\n"
        "Erzähl sie hier: {url}\n"
        "\n"
        "Der Link ist persönlich und {days} Tage gültig. Du entscheidest, wie dein Name erscheint; "
        "ohne deine Einwilligung wird nichts gezeigt."
    ),
    "mail.reader.invite_reminder": (
        "vor ein paar Tagen hat {site} dich gefragt, wie deine Behandlung war. Hast du kurz Zeit? "
        "Ein paar Sätze genügen.\n"
        "\n"
        "Erzähl es hier: {url}\n"
        "\n"
        "Das ist die einzige Erinnerung: Danach hörst du von uns dazu nichts mehr."
    ),
    "story.title": "Wie war deine Behandlung bei {site}?",
    "story.collect_title": "Erzähl uns von deiner Behandlung bei {site}",
    "story.intro": (
        "Erzähl in deinen eigenen Worten, wie es war. {owner} liest jede Geschichte selbst, bevor "
        "sie auf der Website erscheint."
    ),
    "story.greeting": "Hallo {name}!",
    "story.page_title": "Geschichten",
    "story.name": "Dein Name",
    "story.rating": "Deine Bewertung (freiwillig)",
    "story.no_rating": "Keine Sterne",
    "story.stars": "{n} von 5 Sternen",
    "story.body": "Deine Geschichte",
    "story.consent": "Einwilligung (Version {version})",
    "story.name_style": "Wie darf dein Name erscheinen?",
    "story.name_style_full": "Mein vollständiger Name",
    "story.name_style_first_initial": "Vorname und der erste Buchstabe meines Nachnamens",
    "story.name_style_initials": "Nur meine Initialen",
    "story.name_style_client": "Ohne Namen: „ein Kunde“",
    "story.client_word": "ein Kunde",
    "story.email": "Deine E-Mail-Adresse (freiwillig)",
    "story.email_hint": "Nur, wenn du eine Antwort möchtest. Nie auf der Website sichtbar.",
    "story.send": "Meine Geschichte senden",
    "story.thanks": (
        "Danke für deine Geschichte! Sie erscheint auf der Website, sobald {owner} sie gelesen hat."
    ),
    "story.refused": "Das hat nicht geklappt: {message}",
    "story.used": "Mit diesem Link wurde schon eine Geschichte geschickt. Danke dafür!",
    "story.expired": (
        "Dieser Link ist abgelaufen. Du kannst deine Geschichte trotzdem auf der Seite der Praxis "
        "erzählen."
    ),
    "story.withdrawn": (
        "Dieser Link funktioniert nicht mehr. Du kannst deine Geschichte trotzdem auf der Seite "
        "der Praxis erzählen."
    ),
    "story.unknown": (
        "Diesen Link kennen wir nicht. Vielleicht ist er nicht ganz angekommen; du kannst deine "
        "Geschichte auch auf der Seite der Praxis erzählen."
    ),
    "story.to_collect": "Zur Geschichtenseite",
    "story.policy": "So gehen wir mit Erfahrungen um",
    "story.verified": "geprüfter Kunde",
    "story.verified_on": "geprüfter Kunde (eingeladen am {date})",
    "admin.tab_invites": "Einladen",
    "admin.title_invites": "Einladen",
    "admin.invites_intro": (
        "Bitte einen Kunden um seine Geschichte: Chorus erstellt einen persönlichen Link, der "
        "einmal funktioniert und {days} Tage gültig bleibt. Mit einer E-Mail-Adresse schickt "
        "Chorus ihn per Mail; sonst kopierst du den Link (in deine Terminbestätigung, WhatsApp "
        "oder eine SMS)."
    ),
    "admin.invites_no_mail": (
        "Es ist kein Mailserver eingerichtet: Kopier den Link und schick ihn selbst."
    ),
    "admin.invite_single": "Einen Kunden einladen",
    "admin.invite_name": "Vorname (freiwillig)",
    "admin.invite_email": "E-Mail-Adresse (freiwillig)",
    "admin.invite_email_hint": (
        "Chorus behält die Adresse nur, bis der Kunde antwortet oder der Link abläuft."
    ),
    "admin.invite_lang": "Sprache",
    "admin.lang_nl": "Niederländisch",
    "admin.lang_en": "Englisch",
    "admin.lang_de": "Deutsch",
    "admin.lang_fr": "Französisch",
    "admin.story_invite_send": "Einladung erstellen",
    "admin.invite_many": "Mehrere Kunden auf einmal",
    "admin.invite_emails": "E-Mail-Adressen, eine pro Zeile (höchstens {max})",
    "admin.invite_send_many": "Alle einladen",
    "admin.invite_made_mailed": "Die Einladung ist erstellt und wird per Mail verschickt.",
    "admin.invite_made_copy": (
        "Die Einladung ist erstellt. Kopier den Link und schick ihn deinem Kunden."
    ),
    "admin.invites_sent": (
        "{sent} eingeladen; abgelehnt: {invalid} wegen ungültiger Adresse, {already} schon "
        "eingeladen."
    ),
    "admin.invite_withdrawn": (
        "Die Einladung wurde zurückgezogen: Ihr Link funktioniert nicht mehr."
    ),
    "admin.invites_list": "Einladungen",
    "admin.invites_search": "Nach Name oder Adresse suchen",
    "admin.invites_none": "Noch keine Einladungen.",
    "admin.invite_who": "Kunde",
    "admin.invite_state": "Status",
    "admin.invite_when": "Erstellt",
    "admin.story_invite_link": "Persönlicher Link",
    "admin.invite_link_of": "Link der Einladung {id}",
    "admin.invite_expires": "läuft am {date} ab",
    "admin.invite_withdraw": "Zurückziehen",
    "admin.invite_status_created": "erstellt",
    "admin.invite_status_mailed": "verschickt",
    "admin.invite_status_opened": "geöffnet",
    "admin.invite_status_answered": "beantwortet",
    "admin.invite_status_expired": "abgelaufen",
    "admin.invite_status_withdrawn": "zurückgezogen",
    "admin.invites_total_one": "1 Einladung insgesamt",
    "admin.invites_total_other": "{n} Einladungen insgesamt",
    "admin.invites_pages": "Blättern",
    "admin.invites_newer": "Neuere",
    "admin.invites_older": "Ältere",
    "admin.invites_qr": "QR-Code für den Empfang",
    "admin.invites_qr_intro": (
        "Der QR-Code führt zur Geschichtenseite der Praxis, für ein Kärtchen am Empfang oder auf "
        "der Website. Lad ihn zum Drucken herunter."
    ),
    "admin.invites_qr_svg": "SVG (für den Druck)",
    "admin.invites_qr_png": "PNG (für Bildschirm und Drucker)",
    "admin.verified_client": "Geprüfter Kunde (eingeladen am {date})",
    "admin.source_collect": "Über die Geschichtenseite",
    "admin.invite_copy": "Kopieren",
    "admin.invite_copied": "Kopiert",
    "widget.testimonials.verified": "geprüfter Kunde",
    "policy.who.invited": (
        "{owner} kann Kunden nach einer Behandlung auch selbst um ihre Geschichte bitten, mit "
        "einem persönlichen Link, der einmal funktioniert und {days} Tage gültig bleibt. So eine "
        "Geschichte kommt in dieselbe Warteschlange wie jeder Kommentar."
    ),
    "policy.who.collected": (
        "Auf der Geschichtenseite der Praxis ({url}), zu der ein Link auf der Website oder ein "
        "QR-Code am Empfang führt, können alle eine Geschichte erzählen; auch diese Geschichten "
        "kommen in dieselbe Warteschlange."
    ),
    "policy.verified.heading": "Geprüfter Kunde",
    "policy.verified.how": (
        "Eine Geschichte trägt den Vermerk „geprüfter Kunde (eingeladen am <Datum>)“ nur, wenn sie "
        "mit so einer persönlichen Einladung geschickt wurde: {owner} hat den Link selbst an einen "
        "Kunden geschickt, und der Link funktioniert nur einmal. Mehr prüft {site} nicht; wer "
        "eingeladen wird, entscheidet {owner}."
    ),
    "policy.verified.not": (
        "Kommentare unter einem Blogbeitrag und Geschichten von der Geschichtenseite tragen diesen "
        "Vermerk nie, denn diese Seiten können alle öffnen."
    ),
    "admin.privacy_invitations": "Einladungen",
    "admin.privacy_no_invitations": "Keine offenen Einladungen an diese Adresse.",
    # --- the integrations page ---
    "admin.nav_integrations": "Anbindungen",
    "admin.integrations_title": "Anbindungen",
    "admin.integrations_intro": (
        "Chorus kann anderen Systemen mitteilen, was passiert: mit einem signierten Webhook an "
        "deine eigene Software oder mit einer Nachricht in einem Slack-, Mattermost- oder "
        "Discord-Kanal."
    ),
    "admin.integrations_add_title": "Eine Anbindung hinzufügen",
    "admin.integrations_url": "Adresse (URL)",
    "admin.integrations_format": "Format",
    "admin.integrations_format_standard": "Webhook (signiertes JSON)",
    "admin.integrations_format_slack": "Slack",
    "admin.integrations_format_mattermost": "Mattermost",
    "admin.integrations_format_discord": "Discord",
    "admin.integrations_events": "Ereignisse",
    "admin.integrations_event_comment_created": "Ein neuer Kommentar",
    "admin.integrations_event_comment_status_changed": (
        "Der Status eines Kommentars hat sich geändert"
    ),
    "admin.integrations_event_testimonial_published": "Eine Empfehlung wurde veröffentlicht",
    "admin.integrations_event_testimonial_withdrawn": "Eine Empfehlung wurde zurückgezogen",
    "admin.integrations_event_report_created": "Ein Kommentar wurde gemeldet",
    "admin.integrations_event_invite_answered": "Eine Einladung wurde beantwortet",
    "admin.integrations_own_system": "Das ist mein eigenes System",
    "admin.integrations_own_system_help": (
        "Nur dein eigenes System bekommt die E-Mail-Adressen der Leser; alles andere nie."
    ),
    "admin.integrations_own_system_badge": "eigenes System",
    "admin.integrations_add": "Anbindung hinzufügen",
    "admin.integrations_created": "Anbindung hinzugefügt: {url}",
    "admin.integrations_key_once": (
        "Dieser Schlüssel signiert jede Nachricht. Kopier ihn jetzt: Er wird nicht noch einmal "
        "angezeigt."
    ),
    "admin.integrations_list_title": "Deine Anbindungen",
    "admin.integrations_none": "Noch keine Anbindungen.",
    "admin.integrations_active": "aktiv",
    "admin.integrations_paused": "pausiert seit {date}",
    "admin.integrations_test": "Testereignis senden",
    "admin.integrations_resume": "Fortsetzen",
    "admin.integrations_delete": "Löschen",
    "admin.integrations_deliveries": "Letzte Zustellungen",
    "admin.integrations_no_deliveries": "Noch nichts gesendet.",
    "admin.integrations_col_time": "Zeitpunkt",
    "admin.integrations_col_event": "Ereignis",
    "admin.integrations_col_status": "Status",
    "admin.integrations_col_attempts": "Versuche",
    "admin.integrations_state_waiting": "wartet",
    "admin.integrations_state_sending": "wird gesendet",
    "admin.integrations_state_delivered": "zugestellt",
    "admin.integrations_state_failed": "fehlgeschlagen",
    "admin.integrations_error_url": (
        "Chorus kann nicht an diese Adresse senden: Gib eine https://-Adresse im Internet an."
    ),
    "admin.integrations_error_events": "Wähl mindestens ein Ereignis.",
    "admin.integrations_error_format": "Wähl eines der Formate.",
    "admin.done_webhook_test": "Testereignis vorgemerkt; es wird gleich verschickt.",
    "admin.done_webhook_resume": "Anbindung fortgesetzt; was gewartet hat, wird jetzt verschickt.",
    "admin.done_webhook_delete": "Anbindung gelöscht.",
    "mail.ntfy_failed.subject": "Push-Nachrichten von {site} kommen nicht an",
    "mail.ntfy_failed.body": (
        "Chorus konnte {server} auch nach mehr als einem Tag voller Versuche keine Push-Nachricht "
        "zustellen. Prüf NTFY_URL und NTFY_TOKEN; diese Mail bekommst du erst wieder, nachdem eine "
        "Push-Nachricht angekommen ist. Deine Anbindungen: {page}"
    ),
    # --- accounts, roles and the second factor ---
    "admin.actor_account": "{name}",
    "admin.nav_accounts": "Konten",
    "admin.nav_account": "Mein Konto",
    "admin.login_email": "E-Mail-Adresse",
    "admin.login_email_hint": "Wer das erste Konto hat, darf dieses Feld leer lassen.",
    "admin.login_joined": "Dein Konto ist fertig. Melde dich mit deiner E-Mail-Adresse an.",
    "admin.title_login_code": "Zweiter Schritt",
    "admin.login_code_intro": (
        "Gib den Code ein, den deine Authenticator-App zeigt, oder einen deiner "
        "Wiederherstellungscodes."
    ),
    "admin.login_code": "Code aus der App",
    "admin.login_code_wrong": "Dieser Code stimmt nicht oder wurde schon benutzt.",
    "admin.title_invitation": "Mitmachen",
    "admin.invitation_intro": "Du wurdest als {role} mit {email} eingeladen. Wähl dein Passwort.",
    "admin.invitation_password": "Passwort (mindestens 12 Zeichen)",
    "admin.invitation_again": "Dasselbe Passwort noch einmal",
    "admin.invitation_accept": "Mein Konto anlegen",
    "admin.title_account": "Mein Konto",
    "admin.account_name": "Name",
    "admin.account_role": "Rolle",
    "admin.account_factor": "Zweiter Faktor",
    "admin.account_factor_on_one": "An (noch 1 Wiederherstellungscode)",
    "admin.account_factor_on_other": "An (noch {n} Wiederherstellungscodes)",
    "admin.account_factor_off": "Aus.",
    "admin.account_factor_add": "Authenticator-App einrichten",
    "admin.role_owner": "Inhaber",
    "admin.role_moderator": "Moderator",
    "admin.sessions_title": "Wo du angemeldet bist",
    "admin.sessions_intro": (
        "Alle offenen Sitzungen deines Kontos. Beende jede, die du nicht wiedererkennst."
    ),
    "admin.sessions_browser": "Browser",
    "admin.sessions_place": "Adresse (erster Teil)",
    "admin.sessions_first": "Angemeldet",
    "admin.sessions_last": "Zuletzt gesehen",
    "admin.sessions_end": "Beenden",
    "admin.sessions_this": "diese hier",
    "admin.title_totp": "Zweiter Faktor",
    "admin.totp_intro": (
        "Scann den Code mit einer Authenticator-App oder tipp den Schlüssel ab, und gib dann "
        "den ersten Code ein, den die App zeigt."
    ),
    "admin.totp_qr_alt": "QR-Code für deine Authenticator-App",
    "admin.totp_key": "Schlüssel:",
    "admin.totp_first_code": "Erster Code",
    "admin.totp_confirm": "Einschalten",
    "admin.totp_required": (
        "Diese Website verlangt für jedes Konto einen zweiten Faktor. Richte einen ein, um "
        "weiterzumachen."
    ),
    "admin.totp_done": (
        "Dein zweiter Faktor ist an. Bei der Anmeldung wird jetzt ein Code abgefragt."
    ),
    "admin.totp_codes_title": "Wiederherstellungscodes",
    "admin.totp_codes_intro": (
        "Jeder Code funktioniert einmal, falls du dein Handy verlierst. Bewahr sie gut auf: Sie "
        "werden nur jetzt angezeigt."
    ),
    "admin.totp_already": (
        "Dein zweiter Faktor ist an. Verloren? Dann führt der Administrator des Servers aus: "
        "python -m service reset-2fa"
    ),
    "admin.title_accounts": "Konten",
    "admin.accounts_email": "E-Mail-Adresse",
    "admin.accounts_manage": "Verwalten",
    "admin.accounts_disabled": "deaktiviert",
    "admin.accounts_factor_yes": "an",
    "admin.accounts_factor_no": "aus",
    "admin.accounts_make_owner": "Zum Inhaber machen",
    "admin.accounts_make_moderator": "Zum Moderator machen",
    "admin.accounts_disable": "Deaktivieren",
    "admin.accounts_enable": "Aktivieren",
    "admin.accounts_remove": "Entfernen",
    "admin.accounts_end_sessions": "Sitzungen beenden",
    "admin.accounts_done_role": "Rolle geändert; dieses Konto meldet sich neu an.",
    "admin.accounts_done_disabled": "Konto deaktiviert; seine Sitzungen sind beendet.",
    "admin.accounts_done_enabled": "Konto aktiviert.",
    "admin.accounts_done_removed": "Konto entfernt; seine Sitzungen sind beendet.",
    "admin.accounts_done_sessions": "Seine Sitzungen sind beendet.",
    "admin.invitations_title": "Offene Einladungen",
    "admin.invitations_made": "Eingeladen",
    "admin.invitations_withdraw": "Zurückziehen",
    "admin.accounts_done_withdrawn": "Einladung zurückgezogen: Ihr Link funktioniert nicht mehr.",
    "admin.account_name_title": "Dein Name",
    "admin.account_name_label": "Der Name unter deinen Antworten",
    "admin.account_name_save": "Name speichern",
    "admin.account_done_name": "Name gespeichert.",
    "admin.account_password_title": "Dein Passwort",
    "admin.account_password_intro": (
        "Eine Änderung beendet deine Sitzungen in allen anderen Browsern; "
        "in diesem bleibst du angemeldet."
    ),
    "admin.account_password_current": "Aktuelles Passwort",
    "admin.account_password_new": "Neues Passwort (mindestens {length} Zeichen)",
    "admin.account_password_save": "Passwort ändern",
    "admin.account_done_password": "Passwort geändert; deine anderen Sitzungen sind beendet.",
    "admin.error_wrong_password": "Das ist nicht dein aktuelles Passwort.",
    "admin.error_password_in_settings": (
        "Dein Passwort steht in ADMIN_PASSWORD_HASH auf dem Server: Ändere es dort."
    ),
    "admin.error_rate_limited": (
        "Zu viele Versuche. Warte ein paar Minuten und versuche es erneut."
    ),
    "admin.invite_title": "Jemanden einladen",
    "admin.invite_send": "Einladen",
    "admin.invite_done": (
        "Einladung für {email} erstellt. Ist E-Mail eingerichtet, wurde sie verschickt; du "
        "kannst den Link auch kopieren."
    ),
    "admin.invite_link": "Einmal-Link (eine Woche gültig):",
    "admin.error_forbidden_role": "Das darf nur der Inhaber.",
    "admin.error_wrong_code": "Dieser Code stimmt nicht.",
    "admin.error_invalid_email": "Das ist keine E-Mail-Adresse.",
    "admin.error_email_taken": "Ein Konto mit dieser Adresse gibt es schon.",
    "admin.error_last_owner": "Jemand muss Inhaber bleiben.",
    "admin.error_passwords_differ": "Die beiden Passwörter sind nicht gleich.",
    "admin.error_password_short": "Wähl ein Passwort mit mindestens 12 Zeichen.",
    "admin.settings_factor": "Zweiter Faktor",
    "admin.settings_factor_on": "Pflicht für jedes Konto (ADMIN_REQUIRE_2FA)",
    "admin.settings_factor_off": "Freiwillig",
    "admin.settings_factor_recommend": (
        "Empfohlen: Setz ADMIN_REQUIRE_2FA=true, damit jede Anmeldung einen zweiten Faktor "
        "verlangt. Richte vorher deinen eigenen ein, unter „Mein Konto“."
    ),
    "mail.account.invite_subject": "Deine Einladung zu {site}",
    "mail.account.invite": (
        "{owner} lädt dich ein, beim Moderieren der Kommentare auf {site} zu helfen. Wähl hier "
        "dein Passwort (der Link funktioniert einmal, eine Woche lang):\n{url}"
    ),
    "mail.account.signin_subject": "Neue Anmeldung bei {site}",
    "mail.account.signin": (
        "Jemand hat sich bei {site} in deinem Konto angemeldet, aus einem bisher unbekannten "
        "Browser ({browser}). Warst du das nicht? Dann beende diese Sitzung und ändere dein "
        "Passwort: {url}"
    ),
    "admin.passkey_sign_in": "Mit Passkey anmelden",
    "admin.passkey_refused": "Dieser Passkey öffnet hier kein Konto.",
    "admin.passkey_failed": (
        "Der Passkey hat nicht funktioniert. Versuch es noch einmal oder nimm dein Passwort."
    ),
    "admin.login_passkey_intro": "Bestätige mit einem deiner Passkeys.",
    "admin.passkeys_title": "Passkeys",
    "admin.passkeys_intro": (
        "Mit einem Passkey meldest du dich ohne Passwort an, per Fingerabdruck, Gesicht oder "
        "Geräte-PIN. Nach einem Passwort zählt er auch als zweiter Faktor."
    ),
    "admin.passkey_name": "Name des Passkeys",
    "admin.passkey_added": "Hinzugefügt",
    "admin.passkey_last_used": "Zuletzt benutzt",
    "admin.passkey_remove": "Entfernen",
    "admin.passkey_add": "Passkey hinzufügen",
    "admin.account_done_passkey_added": "Passkey hinzugefügt.",
    "admin.account_done_passkey_removed": (
        "Passkey entfernt: Damit kann sich niemand mehr anmelden."
    ),
    "admin.error_passkey_refused": "Dieser Passkey ließ sich nicht prüfen.",
    "admin.error_passkey_expired": "Das hat zu lange gedauert. Versuch es noch einmal.",
    "admin.error_too_many_passkeys": (
        "Entferne zuerst einen Passkey, bevor du einen weiteren hinzufügst."
    ),
    "admin.error_passkey_known": "Dieser Passkey ist schon registriert.",
}
