"""Chorus's words in French: every message the service shows or sends, keyed by message id.

The keys are the same in every language (tests/domain/test_text.py checks them and their
{placeholders}); see service/text/__init__.py for how they are looked up and how a language is
added.

Register: informal, "tu" throughout, like the Dutch "je". A small massage or wellness practice
is on first-name terms with its clients, and "vous" on a comment form under a blog post would put
a counter between the reader and the practice. The owner's pages say "tu" too: she is the only
one who reads them.

Plural: in French the singular covers 0 as well as 1 ("0 histoire reçue"), so `one` below says
so, and the `_one` messages name their count with {n} where the other languages write out 1.
"""

from __future__ import annotations


def one(n: int) -> bool:
    """Whether `n` takes the singular: 0 and 1 do in French (CLDR's rule `i = 0,1`)."""
    return n in (0, 1)


MESSAGES: dict[str, str] = {
    # the comments widget (widget/comments.js); data-t-KEY on its tag replaces one
    "widget.comments.fail": "Un problème est survenu. Réessaie plus tard.",
    "widget.comments.title": "Commentaires",
    "widget.comments.loading": "Chargement des commentaires…",
    "widget.comments.empty": "Pas encore de commentaires.",
    "widget.comments.form": "Partage ton histoire",
    "widget.comments.name": "Nom",
    "widget.comments.email": "E-mail (facultatif)",
    "widget.comments.emailHint": "Jamais affiché, seule la propriétaire le voit.",
    "widget.comments.site": "Site web (facultatif)",
    "widget.comments.body": "Ton histoire",
    "widget.comments.rating": "Note (facultative)",
    "widget.comments.stars": "{n} étoiles sur 5",
    "widget.comments.consent": (
        "Mon histoire peut figurer avec mon nom comme témoignage sur ce site."
    ),
    "widget.comments.notify": "Préviens-moi par e-mail si quelqu'un me répond.",
    "widget.comments.remember": "Retenir mon nom et mon e-mail sur cet appareil.",
    "widget.comments.manage": "Gérer mes commentaires",
    "widget.comments.send": "Envoyer",
    "widget.comments.reply": "Répondre",
    "widget.comments.replyTo": "Répondre à {n}",
    "widget.comments.report": "Signaler",
    "widget.comments.reportLabel": "Signaler le commentaire de {n}",
    "widget.comments.cancel": "Annuler",
    "widget.comments.owner": "Propriétaire",
    "widget.comments.pending": "En attente de relecture",
    "widget.comments.unavailable": "Les commentaires ne sont pas disponibles ici.",
    "widget.comments.tooLong": "{n} caractères au maximum.",
    # checking and sending its form (widget/send.js)
    "widget.send.required": "Remplis ce champ.",
    "widget.send.thanks": "Merci ! Ton histoire paraîtra après relecture.",
    "widget.send.live": "Merci ! Ton commentaire est en ligne.",
    # the reader's tools for their own comments (widget/mine.js)
    "widget.mine.edit": "Modifier",
    "widget.mine.editLabel": "Modifier ton commentaire",
    "widget.mine.save": "Enregistrer",
    "widget.mine.cancel": "Annuler",
    "widget.mine.withdraw": "Retirer mon accord",
    "widget.mine.withdrawLabel": "Retirer ton accord pour l'afficher comme témoignage",
    "widget.mine.remove": "Supprimer",
    "widget.mine.removeLabel": "Supprimer ton commentaire",
    "widget.mine.sure": "Supprimer ton commentaire ? C'est définitif.",
    "widget.mine.removed": "Ton commentaire a été supprimé.",
    "widget.mine.withdrawn": "Ton histoire n'apparaît plus comme témoignage sur ce site.",
    "widget.mine.edited": "Ton commentaire a été mis à jour.",
    "widget.mine.editedPending": "Ta modification paraîtra après relecture.",
    "widget.mine.email": "L'adresse e-mail donnée avec tes commentaires",
    "widget.mine.send": "Envoie-moi un lien",
    "widget.mine.sent": (
        "Si des commentaires sont liés à cette adresse, un lien arrive dans ta boîte mail. Il "
        "marche une fois, pendant un jour."
    ),
    # the testimonials widget (widget/testimonials.js); data-t-KEY replaces one
    "widget.testimonials.fail": "Les histoires n'ont pas pu être chargées.",
    "widget.testimonials.title": "Ce que racontent les lecteurs",
    "widget.testimonials.empty": "Pas encore d'histoires.",
    "widget.testimonials.read": "Lire toute l'histoire",
    "widget.testimonials.stars": "{n} étoiles sur 5",
    "widget.testimonials.prev": "Précédent",
    "widget.testimonials.next": "Suivant",
    "widget.testimonials.slide": "{n} sur {m}",
    "widget.testimonials.label": "Histoires de lecteurs",
    "widget.testimonials.carousel": "carrousel",
    "widget.testimonials.slideName": "diapositive",
    "widget.testimonials.policy": "Notre façon de traiter les avis",
    "widget.testimonials.report": "Signaler",
    "widget.testimonials.reportLabel": "Signaler l'histoire de {n}",
    # the testimonials' honesty line (widget/summary.js): _one and _other by count
    "widget.summary.received_one": "{n} avis reçu",
    "widget.summary.received_other": "{n} avis reçus",
    "widget.summary.published_one": "{n} publié",
    "widget.summary.published_other": "{n} publiés",
    "widget.summary.average_one": "en moyenne {a} sur 5 pour {n} note",
    "widget.summary.average_other": "en moyenne {a} sur 5 pour {n} notes",
    # the report form (widget/report.js)
    "widget.report.title": "Signaler ce commentaire",
    "widget.report.intro": "Une personne lit ton signalement et décide de la suite.",
    "widget.report.reason": "Quel est le problème ?",
    "widget.report.illegal": "C'est contraire à la loi",
    "widget.report.privacy": "Ça parle de quelqu'un d'autre sans son accord (vie privée)",
    "widget.report.spam": "C'est du spam ou de la publicité",
    "widget.report.other": "Autre chose",
    "widget.report.message": "Explication",
    "widget.report.email": "Ton adresse e-mail (facultative, seulement pour te répondre)",
    "widget.report.send": "Envoyer le signalement",
    "widget.report.cancel": "Annuler",
    "widget.report.sending": "Envoi en cours…",
    "widget.report.thanks": "Merci. Ton signalement a bien été reçu.",
    "widget.report.fail": "Ça n'a pas marché. Réessaie plus tard.",
    # what a reader is told when the public API refuses a request (service/web/reader_text.py);
    # {max} is the limit the refusal names, {wait} how long to wait, in words
    "refusal.required": "Remplis ce champ.",
    "refusal.too_long": "C'est trop long : {max} caractères au maximum.",
    "refusal.too_many_lines": "Il y a trop de lignes.",
    "refusal.too_many_links": "Trop de liens.",
    "refusal.invalid_email": "Adresse e-mail non valide.",
    "refusal.invalid_domain": "Ce domaine d'e-mail n'existe pas.",
    "refusal.invalid_url": "Adresse web non valide.",
    "refusal.control_character": "Contient des caractères non autorisés.",
    "refusal.bidi_control": "Contient des caractères non autorisés.",
    "refusal.reserved_name": "Ce nom appartient à la propriétaire du site.",
    "refusal.duplicate": "Ceci a déjà été publié.",
    "refusal.expired": "Le formulaire avait expiré ; envoie-le à nouveau.",
    "refusal.rate_limited": "Un instant : réessaie {wait}.",
    "refusal.edit_window_closed": "Le délai pour modifier ceci est passé.",
    "refusal.not_found": "Ce commentaire n'existe plus.",
    "refusal.forbidden_origin": "Les commentaires ne sont pas disponibles ici.",
    "refusal.unavailable": "Ce n'est pas possible pour le moment. Réessaie dans quelques minutes.",
    "refusal.too_long_no_limit": "C'est trop long.",
    "refusal.about_a_field": "Vérifie ce champ.",
    "refusal.anything_else": "Un problème est survenu. Réessaie plus tard.",
    # how long a reader is asked to wait, in words (filled into {wait} above)
    "wait.seconds_one": "dans {n} seconde",
    "wait.seconds_other": "dans {n} secondes",
    "wait.minutes_other": "dans {n} minutes",
    "wait.hours_other": "dans {n} heures",
    # the owner's hints on a comment before it goes live (service/domain/hints.py, by code)
    "hint.phone": "Contient un numéro de téléphone",
    "hint.email": "Contient une adresse e-mail",
    "hint.health_claim": "Allégation de santé : à vérifier avant d'en faire un témoignage",
    "hint.medical": "Mentionne des médicaments ou un diagnostic (données sensibles)",
    "hint.links": "Contient des liens",
    "hint.shouting": "Beaucoup de majuscules ou de points d'exclamation",
    # What a hint protects, said at the second look before publishing ("" where the hint says it).
    "hint_why.health_claim": (
        "Si cette histoire dit qu'un produit ou un soin guérit ou traite une affection, ton "
        "cabinet ne peut pas le répéter dans sa publicité, et un témoignage sur ta page d'accueil "
        "est de la publicité. C'est ce que disent le règlement européen sur les allégations de "
        "santé (1924/2006) et les règles nationales sur la publicité en matière de santé. "
        "L'histoire peut rester sous l'article ; comme témoignage, mieux vaut n'en garder que les "
        "phrases sans l'allégation."
    ),
    # the name an anonymised comment keeps (service/owner.py)
    "owner.anonymous": "un lecteur",
    # the reader's own pages: managing their comments, mail about replies (web/reader_pages.py)
    "reader_page.manage_title": "Tes commentaires",
    "reader_page.manage_intro": "Voici les commentaires publiés avec {email}.",
    "reader_page.none": "Il n'y a (plus) aucun commentaire avec cette adresse.",
    "reader_page.status_pending": "en attente de relecture",
    "reader_page.status_approved": "publié",
    "reader_page.status_rejected": "non publié",
    "reader_page.status_spam": "en attente de relecture",
    "reader_page.consent_given": "Tu as accepté que ceci soit affiché comme témoignage.",
    "reader_page.withdraw": "Retirer mon accord",
    "reader_page.delete": "Supprimer",
    "reader_page.delete_confirm": "Oui, supprimer ce commentaire définitivement",
    "reader_page.edit": "Modifier",
    "reader_page.save": "Enregistrer",
    "reader_page.edit_closed": "On ne peut modifier un commentaire que peu après l'avoir publié.",
    "reader_page.done_withdraw_consent": (
        "Ton accord est retiré ; ton histoire ne fait plus partie des témoignages."
    ),
    "reader_page.done_delete": "Ton commentaire a été supprimé.",
    "reader_page.done_edit": "Ton commentaire a été modifié.",
    "reader_page.refused_edit_window_closed": "Le délai pour modifier est passé.",
    "reader_page.refused_not_found": "Ce commentaire n'est pas (ou plus) lié à cette adresse.",
    "reader_page.refused_other": "Ça n'a pas marché ; vérifie le texte et réessaie.",
    "reader_page.invalid": (
        "Ce lien n'est pas valide, a déjà servi ou a expiré. Demandes-en un nouveau dans le "
        "formulaire de commentaire."
    ),
    "reader_page.confirm_title": "E-mails pour les réponses",
    "reader_page.confirm_ask": "Veux-tu un e-mail quand quelqu'un répond à ton commentaire ?",
    "reader_page.confirm_button": "Oui, préviens-moi",
    "reader_page.confirmed": (
        "C'est confirmé. Tu recevras un e-mail quand une réponse paraîtra (au plus un par heure)."
    ),
    "reader_page.unsub_title": "Plus d'e-mails",
    "reader_page.unsub_ask": "Ne plus recevoir d'e-mails sur les réponses à ce commentaire ?",
    "reader_page.unsub_button": "Me désabonner",
    "reader_page.unsubscribed": (
        "Tu es désabonné·e. Tu ne recevras plus d'e-mails sur ce commentaire."
    ),
    "reader_page.back_to_site": "Retour à {site}",
    "reader_page.report_title": "Signaler un commentaire",
    "reader_page.report_intro": (
        "Tu penses que ce commentaire n'a pas sa place ici ? Dis-nous pourquoi. Une personne lit "
        "ton signalement et décide de la suite."
    ),
    "reader_page.report_reason": "Quel est le problème ?",
    "reader_page.report_reason_illegal": "C'est contraire à la loi",
    "reader_page.report_reason_privacy": (
        "Ça parle de quelqu'un d'autre sans son accord (vie privée)"
    ),
    "reader_page.report_reason_spam": "C'est du spam ou de la publicité",
    "reader_page.report_reason_other": "Autre chose",
    "reader_page.report_message": "Explication",
    "reader_page.report_message_hint": (
        "Pourquoi ceci ne devrait-il pas être ici ? Si c'est illégal : quelle règle."
    ),
    "reader_page.report_email": "Ton adresse e-mail (facultative)",
    "reader_page.report_email_hint": (
        "Seulement pour te répondre au sujet de ton signalement ; nous ne la publions jamais."
    ),
    "reader_page.report_send": "Envoyer le signalement",
    "reader_page.report_thanks": (
        "Merci. Ton signalement a bien été reçu ; une personne l'examinera dès que possible."
    ),
    "reader_page.report_gone": (
        "Ce commentaire n'est pas (ou plus) en ligne, il n'y a donc rien à signaler."
    ),
    "reader_page.report_refused": "Ça n'a pas marché : {message}",
    "reader_page.report_policy": "Notre façon de traiter les avis",
    # months, for dates written out ("7 décembre 2026")
    "month.1": "janvier",
    "month.2": "février",
    "month.3": "mars",
    "month.4": "avril",
    "month.5": "mai",
    "month.6": "juin",
    "month.7": "juillet",
    "month.8": "août",
    "month.9": "septembre",
    "month.10": "octobre",
    "month.11": "novembre",
    "month.12": "décembre",
    # --- admin pages: the moderation pages (service/web/admin*.py, templates/admin/) and
    # their script (static/admin.js gets every admin.* message, keyed without the prefix).
    # _one and _other by count; {max_pins} and the like are filled in where they are used.
    "admin.title_queue": "Relire les commentaires",
    "admin.title_login": "Connexion",
    "admin.title_activity": "Activité",
    "admin.title_comment": "Commentaire n° {id}",
    "admin.title_delete": "Supprimer le commentaire ?",
    "admin.title_error": "Ça n'a pas marché",
    "admin.brand": "Modération",
    "admin.nav": "Menu principal",
    "admin.nav_queue": "Commentaires",
    "admin.nav_activity": "Activité",
    "admin.nav_rules": "Règles",
    "admin.title_rules": "Tes propres règles",
    "admin.rules_intro": (
        "Des mots, des expressions et des domaines de liens qui envoient un nouveau commentaire "
        "dans les spams ou dans la file d'attente. Majuscules, espaces et caractères invisibles "
        "n'y changent rien."
    ),
    "admin.rule_kind": "Type",
    "admin.rule_kind_word": "Mot",
    "admin.rule_kind_phrase": "Expression",
    "admin.rule_kind_domain": "Domaine de lien",
    "admin.rule_value": "Texte ou domaine",
    "admin.rule_action": "Alors",
    "admin.rule_action_spam": "Mettre en spam",
    "admin.rule_action_queue": "Garder pour relecture",
    "admin.rule_add": "Ajouter la règle",
    "admin.rule_delete": "Supprimer",
    "admin.no_rules": "Pas encore de règles à toi.",
    "admin.log_intake": "Retenu par une règle",
    "admin.log_intake_rule": "règle ({kind}) : {value}",
    "admin.actor_rules": "Tes règles",
    "admin.error_rule_exists": "Cette règle existe déjà.",
    "admin.error_invalid_domain": "Indique un domaine comme spam.example.",
    "admin.error_not_a_word": (
        "Une règle de mot tient en un mot ; choisis Expression pour plusieurs mots."
    ),
    "admin.error_too_many_rules": "Il y a trop de règles ; supprimes-en d'abord quelques-unes.",
    "admin.logout": "Se déconnecter",
    "admin.skip": "Aller au contenu",
    "admin.shortcuts_button": "Raccourcis",
    "admin.password": "Mot de passe",
    "admin.login": "Se connecter",
    "admin.login_intro": "Connecte-toi pour relire les commentaires.",
    "admin.login_wrong": "Ce mot de passe n'est pas le bon.",
    "admin.login_locked_one": ("Trop de tentatives manquées. Réessaie dans {n} minute."),
    "admin.login_locked_other": ("Trop de tentatives manquées. Réessaie dans {n} minutes."),
    "admin.login_no_password": (
        "Aucun mot de passe n'est encore défini. Définis-en un avec : make admin-password"
    ),
    "admin.logged_out": "Tu es déconnecté·e.",
    "admin.tabs": "Statut",
    "admin.tab_pending": "À relire",
    "admin.tab_approved": "Approuvés",
    "admin.tab_testimonials": "Témoignages",
    "admin.tab_spam": "Spam",
    "admin.tab_rejected": "Refusés",
    "admin.tab_all": "Tous",
    "admin.filters": "Filtrer",
    "admin.filter_page": "Page",
    "admin.filter_all_pages": "Toutes les pages",
    "admin.filter_search": "Chercher dans le nom, le texte, l'e-mail et la page",
    "admin.filter_order": "Ordre",
    "admin.order_newest": "Les plus récents d'abord",
    "admin.order_oldest": "Les plus anciens d'abord",
    "admin.filter_apply": "Appliquer",
    "admin.filter_clear": "Effacer",
    "admin.empty_pending": "Rien à relire. Tu es à jour.",
    "admin.empty_pending_next": (
        "Les nouveaux commentaires apparaissent ici dès que les lecteurs les publient."
    ),
    "admin.empty": "Aucun commentaire trouvé.",
    "admin.empty_next": "Choisis un autre onglet, ou efface le filtre.",
    "admin.showing": "{first}–{last} sur {total}",
    "admin.pagination": "Pagination",
    "admin.previous": "Précédent",
    "admin.next": "Suivant",
    "admin.status_pending": "À relire",
    "admin.status_approved": "Approuvé",
    "admin.status_rejected": "Refusé",
    "admin.status_spam": "Spam",
    "admin.testimonial": "Témoignage",
    "admin.owner_reply": "Ta réponse",
    "admin.on_page": "sur",
    "admin.rating": "{n} étoiles sur 5",
    "admin.consent_yes": "Accord pour un témoignage (version {version}, {date})",
    "admin.consent_no": "Pas d'accord pour un témoignage",
    "admin.consent_withdrawn": "Accord retiré par l'auteur ({date})",
    "admin.in_reply_to": "Réponse à {author} :",
    "admin.parent_gone": "Réponse à un commentaire qui n'existe plus.",
    "admin.excerpt_shown": "Passage affiché :",
    "admin.hints": "À vérifier",
    "admin.select": "Sélectionner le commentaire de {author}",
    "admin.actions": "Actions pour le commentaire de {author}",
    "admin.approve": "Approuver",
    "admin.reject": "Refuser",
    "admin.spam": "Spam",
    "admin.restore": "Rétablir",
    "admin.delete": "Supprimer",
    "admin.demote": "Retirer le témoignage",
    "admin.pin": "Épingler en haut",
    "admin.unpin": "Désépingler",
    "admin.pinned": "Épinglé",
    "admin.pin_help": (
        "Les témoignages épinglés viennent en premier, le dernier épinglé en haut ({limit} au "
        "plus) ; les autres suivent, du plus récent au plus ancien."
    ),
    "admin.promote": "En faire un témoignage",
    "admin.reply": "Répondre",
    "admin.promote_no_consent": (
        "Impossible : l'auteur n'a pas accepté que ce soit un témoignage."
    ),
    "admin.promote_withdrawn": "Impossible : l'auteur a retiré son accord ({date}).",
    "admin.promote_not_approved": ("Approuve d'abord le commentaire pour en faire un témoignage."),
    "admin.excerpt_label": "Passage pour le témoignage",
    "admin.excerpt_help": (
        "Supprime des mots au début ou à la fin, ou sélectionne une partie du texte (dans le "
        "commentaire ou dans ce champ) et choisis « Utiliser la sélection ». Tu ne peux pas "
        "réécrire : ce sont les mots de l'auteur qui restent."
    ),
    "admin.use_selection": "Utiliser la sélection",
    "admin.use_whole": "Tout le texte",
    "admin.excerpt_invalid": "Ce n'est pas un passage du texte. Réécrire n'est pas possible.",
    "admin.excerpt_no_selection": (
        "Sélectionne d'abord du texte, dans le commentaire ou dans le champ."
    ),
    "admin.preview": "Voici ce qu'on lira :",
    "admin.promote_submit": "En faire un témoignage",
    "admin.reply_label": "Ta réponse (publiée tout de suite sous ton nom)",
    "admin.reply_submit": "Publier la réponse",
    "admin.redact": "Caviarder",
    "admin.redact_label": "Texte caviardé",
    "admin.redact_help": (
        "Remplace ce qui doit disparaître (un numéro de téléphone, un nom de famille) par […] : "
        "sélectionne-le (dans le commentaire ou dans ce champ) et choisis « Couper la "
        "sélection », ou tape toi-même [...] à sa place. Tu peux seulement retirer, jamais "
        "ajouter ni reformuler. Après l'enregistrement, tu peux annuler pendant {seconds} "
        "secondes ; ensuite le texte coupé disparaît pour de bon."
    ),
    "admin.cut_selection": "Couper la sélection",
    "admin.redact_no_selection": (
        "Sélectionne d'abord ce qui doit disparaître, dans le commentaire ou dans le champ."
    ),
    "admin.redact_submit": "Enregistrer le caviardage",
    "admin.bulk": "Plusieurs à la fois",
    "admin.select_all": "Tout sélectionner sur cette page",
    "admin.selected": "{n} sélectionné(s)",
    "admin.with_selected": "Avec la sélection :",
    "admin.bulk_approve": "Approuver la sélection",
    "admin.bulk_reject": "Refuser la sélection",
    "admin.bulk_spam": "Mettre la sélection en spam",
    "admin.bulk_none": "Sélectionne d'abord un ou plusieurs commentaires.",
    "admin.done_approve": "Approuvé.",
    "admin.done_reject": "Refusé.",
    "admin.done_spam": "Mis en spam.",
    "admin.done_restore": "Remis en relecture.",
    "admin.done_demote": "N'est plus un témoignage.",
    "admin.done_pin": "Épinglé en haut.",
    "admin.done_unpin": "N'est plus épinglé.",
    "admin.done_promote": "Témoignage créé.",
    "admin.done_reply": "Réponse publiée.",
    "admin.done_redact": "Caviardé.",
    "admin.done_delete": "Supprimé.",
    "admin.done_undo": "Annulé.",
    "admin.done_bulk_one": "{n} commentaire mis à jour.",
    "admin.done_bulk_other": "{n} commentaires mis à jour.",
    "admin.undo": "Annuler",
    "admin.undo_row": "Annuler : {what} sur n° {id}",
    "admin.dismiss": "Fermer",
    "admin.not_here": "Cette action n'est pas disponible pour ce commentaire.",
    "admin.failed": "Ça n'a pas marché. Recharge la page et réessaie.",
    "admin.delete_question": "Supprimer ce commentaire définitivement ? C'est irréversible.",
    "admin.delete_confirm": "Oui, supprimer",
    "admin.cancel": "Annuler",
    "admin.back": "Retour aux commentaires",
    "admin.shortcuts": "Raccourcis clavier",
    "admin.key_next": "Commentaire suivant",
    "admin.key_prev": "Commentaire précédent",
    "admin.key_approve": "Approuver",
    "admin.key_reject": "Refuser",
    "admin.key_spam": "Spam",
    "admin.key_select": "Sélectionner",
    "admin.key_help": "Afficher cette aide",
    "admin.close": "Fermer",
    "admin.activity_intro": "Qui a fait quoi, quand, sur quel commentaire.",
    "admin.col_when": "Quand",
    "admin.col_who": "Qui",
    "admin.col_what": "Quoi",
    "admin.col_comment": "Commentaire",
    "admin.actor_owner": "Toi",
    "admin.actor_api": "Jeton d'API",
    "admin.actor_author": "L'auteur",
    "admin.actor_mail": "Toi, par e-mail",
    "admin.actor_other": "Inconnu ({actor})",
    "admin.log_approve": "a approuvé n° {id}",
    "admin.log_reject": "a refusé n° {id}",
    "admin.log_spam": "a mis n° {id} en spam",
    "admin.log_restore": "a remis n° {id} en relecture",
    "admin.log_promote": "a fait de n° {id} un témoignage",
    "admin.log_demote": "a retiré n° {id} des témoignages",
    "admin.log_pin": "a épinglé n° {id} en haut",
    "admin.log_unpin": "a désépinglé n° {id}",
    "admin.log_delete": "a supprimé n° {id}",
    "admin.log_reply": "a répondu à n° {id}",
    "admin.log_reply_detail": "ta réponse est n° {reply}",
    "admin.log_redact": "a caviardé n° {id}",
    "admin.log_redact_cuts_one": "{n} passage coupé",
    "admin.log_redact_cuts_other": "{n} passages coupés",
    "admin.log_undo": "a annulé une modification de n° {id}",
    "admin.log_undo_status": "a rétabli le statut de n° {id}",
    "admin.log_undo_promote": "a annulé le témoignage n° {id}",
    "admin.log_undo_demote": "a refait de n° {id} un témoignage",
    "admin.log_undo_reply": "a retiré la réponse à n° {id}",
    "admin.log_undo_redact": "a remis le texte coupé de n° {id}",
    "admin.log_withdraw_consent": "a retiré l'accord pour n° {id}",
    "admin.log_edit": "a modifié n° {id}",
    "admin.log_other": "une action inconnue ({action}) sur n° {id}",
    # reports (DSA art. 16) and statements of reasons (art. 17)
    "admin.tab_reported": "Signalés",
    "admin.title_reports": "Commentaires signalés",
    "admin.reports_intro": (
        "Des lecteurs ont signalé ces commentaires publiés. Lis les signalements et décide : "
        "garder, mettre hors ligne ou supprimer. Ta décision répond à tous les signalements sur "
        "ce commentaire."
    ),
    "admin.reports_count_one": "{n} signalement",
    "admin.reports_count_other": "{n} signalements",
    "admin.report_reason_illegal": "Contraire à la loi",
    "admin.report_reason_privacy": "Vie privée d'autrui",
    "admin.report_reason_spam": "Spam",
    "admin.report_reason_other": "Autre chose",
    "admin.report_by": "De {email}",
    "admin.report_by_nobody": "Pas d'adresse e-mail",
    "admin.report_on": "Signalé le {date}",
    "admin.decide_dismiss": "Classer le signalement",
    "admin.decide_unpublish": "Mettre hors ligne",
    "admin.decide_delete": "Supprimer",
    "admin.done_report_dismiss": "Signalement classé ; le commentaire reste.",
    "admin.done_report_unpublish": "Le commentaire a été mis hors ligne.",
    "admin.done_report_delete": "Le commentaire a été supprimé.",
    "admin.empty_reports": "Aucun signalement ouvert.",
    "admin.reason_label": "Motif pour l'auteur",
    "admin.reason_none": "Pas de motif : pas d'e-mail",
    "admin.reason_privacy": "Données personnelles",
    "admin.reason_spam": "Spam ou publicité",
    "admin.reason_off_topic": "Hors sujet",
    "admin.reason_health_claim": "Allégation de santé",
    "admin.reason_illegal": "Contraire à la loi",
    "admin.reason_note_label": "Ta propre note (facultative)",
    "admin.reason_hint": (
        "Avec un motif, refuser ou supprimer envoie à l'auteur ta décision et sa raison par "
        "e-mail (comme le demande le DSA de l'UE). Sans motif, rien n'est envoyé."
    ),
    "admin.log_report_dismissed": "a classé un signalement sur n° {id}",
    "admin.log_report_unpublished": "a mis n° {id} hors ligne après un signalement",
    "admin.log_report_deleted": "a supprimé n° {id} après un signalement",
    "admin.log_reports_one": "{n} signalement",
    "admin.log_reports_other": "{n} signalements",
    "admin.comment_deleted": "(supprimé)",
    "admin.older": "Activité plus ancienne",
    "admin.no_activity": "Pas encore d'activité.",
    "admin.error_csrf": (
        "Cette demande ne vient pas de la page de modération. Reviens en arrière et réessaie."
    ),
    "admin.error_not_found": "Ce commentaire n'existe pas (ou plus).",
    "admin.error_conflict": "Le commentaire a changé entre-temps. Recharge la page.",
    "admin.error_not_in_text": "Le passage doit venir mot pour mot du texte.",
    "admin.error_no_consent": "L'auteur n'a pas accepté que ce soit un témoignage.",
    "admin.error_consent_withdrawn": "L'auteur a retiré son accord pour un témoignage.",
    "admin.error_not_approved": "Seuls les commentaires approuvés peuvent devenir des témoignages.",
    "admin.error_too_many_pins": (
        "{max_pins} témoignages au plus peuvent être épinglés. Désépingles-en un d'abord."
    ),
    "admin.error_not_testimonial": "Seul un témoignage publié peut être épinglé en haut.",
    "admin.error_not_published": "Approuve d'abord le commentaire pour y répondre.",
    "admin.error_duplicate": "Tu as déjà publié cette réponse.",
    "admin.error_no_cut": (
        "Mets […] partout où tu coupes quelque chose ; le texte n'a pas encore de […]."
    ),
    "admin.error_not_a_redaction": (
        "Tu peux seulement retirer des passages : ce qui reste doit figurer mot pour mot, dans le "
        "même ordre, dans le texte d'origine."
    ),
    "admin.error_required": "Remplis ce champ.",
    "admin.error_too_long": "Ce texte est trop long.",
    "admin.error_invalid": "Cette demande n'est pas valide.",
    "admin.error_generic": "Un problème est survenu. Reviens en arrière et réessaie.",
    "admin.error_undo_expired": "Ce n'est plus possible d'annuler.",
    # appearance
    "admin.theme_dark": "Sombre",
    # one-click links in the e-mail notice
    "admin.title_mail": "Relire le commentaire",
    "admin.mail_question": "Veux-tu {verb} ce commentaire de {author} ?",
    "admin.mail_verb_approve": "approuver",
    "admin.mail_verb_reject": "refuser",
    "admin.mail_verb_spam": "mettre en spam",
    "admin.mail_handled": ("Ce commentaire a déjà été relu ; ce lien ne fait plus rien."),
    "admin.error_invalid_link": (
        "Ce lien n'est pas valide ou a expiré. Connecte-toi pour relire le commentaire."
    ),
    # Moving in and out (import, export) and the read-only settings page.
    "admin.nav_move": "Import et export",
    "admin.nav_settings": "Réglages",
    "admin.title_move": "Import et export",
    "admin.move_intro": (
        "Récupère tes commentaires depuis WordPress, Disqus ou Isso, ou restaure un export de "
        "Chorus. Importer deux fois le même fichier n'ajoute rien."
    ),
    "admin.import_title": "Importer des commentaires",
    "admin.import_file": "Fichier d'export",
    "admin.import_source": "Provenance",
    "admin.source_wordpress": "WordPress (export WXR, .xml)",
    "admin.source_disqus": "Disqus (export XML)",
    "admin.source_isso": "Isso (base de données, comments.db)",
    "admin.source_chorus": "Chorus (export JSON)",
    "admin.import_page_map": (
        "Faire correspondre les anciennes adresses (facultatif, une règle par ligne : "
        "/ancien/=/nouveau/)"
    ),
    "admin.import_dry_run": "Seulement compter, ne rien changer",
    "admin.import_start": "Importer",
    "admin.import_noscript": (
        "L'import depuis cette page demande JavaScript. Sans lui, utilise : python -m service "
        "import wordpress fichier.xml"
    ),
    "admin.import_uploading": "Envoi du fichier… {percent} %",
    "admin.import_writing": "Enregistrement des commentaires… {done} sur {total}",
    "admin.import_done_one": "{imported} commentaire importé sur {n}.",
    "admin.import_done_other": "{imported} commentaires importés sur {n}.",
    "admin.import_done_dry_one": (
        "Essai à blanc, rien n'a changé. À importer : {imported} commentaire sur {n}."
    ),
    "admin.import_done_dry_other": (
        "Essai à blanc, rien n'a changé. À importer : {imported} commentaires sur {n}."
    ),
    "admin.import_failed": "Pas importé : {message} Rien n'a changé.",
    "admin.import_skipped": "Ignorés ({reason}) : {n}",
    "admin.import_status": "{status} : {n}",
    "admin.import_detail": "Détails : {message}",
    "admin.import_error_unreadable_file": (
        "ce fichier n'est pas un export de la source choisie, ou il est abîmé."
    ),
    "admin.import_error_too_large": "le fichier est trop gros.",
    "admin.import_error_timeout": "le fichier est arrivé trop lentement.",
    "admin.import_error_unauthorized": "tu es déconnecté·e. Reconnecte-toi et réessaie.",
    "admin.import_error_csrf": "cette page a expiré. Recharge-la et réessaie.",
    "admin.import_error_page_map": (
        "une règle sous « Faire correspondre les anciennes adresses » n'est pas correcte ; "
        "écris /ancien/=/nouveau/."
    ),
    "admin.import_error_internal": "un problème est survenu pendant l'enregistrement.",
    "admin.skip_already_imported": "déjà importé",
    "admin.skip_pingback": "pingback",
    "admin.skip_trackback": "trackback",
    "admin.skip_other_type": "un autre type de message",
    "admin.skip_unreadable": "illisible",
    "admin.skip_deleted": "supprimé",
    "admin.skip_empty": "vide",
    "admin.skip_too_long": "trop long",
    "admin.skip_log_of_deleted_comments": "journal des commentaires supprimés",
    "admin.skip_bad_date": "pas de date valide",
    "admin.skip_no_page": "pas de page",
    "admin.skip_unknown_status": "statut inconnu",
    "admin.skip_testimonial_excerpt_not_in_text": (
        "importé, mais pas comme témoignage : l'extrait ne figure pas tel quel dans le texte"
    ),
    "admin.skip_testimonial_without_consent": ("importé, mais pas comme témoignage : pas d'accord"),
    "admin.skip_testimonial_not_approved": (
        "importé, mais pas comme témoignage : non approuvé, ou le tien"
    ),
    "admin.export_title": "Export",
    "admin.export_intro": (
        "Tout ce que Chorus garde t'appartient. Garde un export comme sauvegarde ou pour déménager."
    ),
    "admin.export_json": "Tout en JSON",
    "admin.export_csv": "Témoignages en CSV",
    "admin.title_settings": "Réglages",
    "admin.settings_intro": (
        "Comment Chorus tourne en ce moment. Modifie-les dans le fichier .env, puis redémarre."
    ),
    "admin.settings_moderation": "Modération (MODERATION)",
    "admin.settings_origins": "Sites qui peuvent intégrer (ALLOWED_ORIGINS)",
    "admin.settings_origins_none": "Aucun, seulement Chorus lui-même",
    "admin.settings_public_url": "Adresse (PUBLIC_URL)",
    "admin.settings_database": "Base de données",
    "admin.settings_version": "Version",
    "admin.settings_mail": "E-mail",
    "admin.settings_mail_off": "Désactivé (définis NOTIFY_EMAIL et SMTP_HOST)",
    "admin.settings_mail_to": "Notifications à",
    "admin.settings_mail_server": "Serveur de mail",
    "admin.settings_mail_from": "Expéditeur",
    "admin.settings_mail_login": "Identifiant",
    "admin.settings_last_error": "Dernière erreur de mail",
    "admin.settings_no_error": "Aucune",
    "admin.settings_test_mail": "Envoyer un e-mail de test",
    "admin.done_test_mail": "E-mail de test envoyé.",
    "admin.done_test_mail_failed": (
        "L'e-mail de test n'a pas pu partir ; regarde la dernière erreur de mail."
    ),
    "admin.title_confirm_hints": "Encore un coup d'œil",
    "admin.confirm_hints_moderate": (
        "Ce commentaire contient quelque chose que tu ne veux peut-être pas en ligne. Vérifie-le ; "
        "l'approuver le met sur le site tel quel :"
    ),
    "admin.confirm_hints_promote": (
        "Ce passage va sur la page d'accueil et dans les flux comme témoignage. Il contient :"
    ),
    "admin.confirm_hints_mail": "Attention, ce commentaire contient :",
    "admin.confirm_hints_submit_moderate": "Approuver quand même",
    "admin.confirm_hints_submit_promote": "En faire un témoignage quand même",
    "admin.confirm_hints_ask": "Ce commentaire contient : {hints}. Le publier quand même ?",
    "admin.confirm_hints_reply": (
        "Ta réponse paraît tout de suite sous le commentaire, sous ton nom. Vérifie que ceci peut "
        "y figurer :"
    ),
    "admin.confirm_hints_submit_reply": "Publier la réponse quand même",
    "admin.confirm_hints_your_reply": "Ta réponse",
    "admin.confirm_hints_reply_ask": "Ta réponse contient : {hints}. La publier quand même ?",
    "admin.confirm_hints_without_claim": "Les phrases sans l'allégation, comme passage :",
    "admin.confirm_hints_use_without_claim": "Ne garder que ces phrases comme témoignage",
    "admin.confirm_hints_claim_offer": (
        "{why}\n\nNe garder comme passage que les phrases sans l'allégation ?"
    ),
    "admin.done_without_claim": (
        "Passage sans l'allégation choisi. Vérifie-le et choisis « En faire un témoignage »."
    ),
    "admin.bulk_skipped_one": (
        "{n} ignoré : il contient des données personnelles ou une allégation de santé ; "
        "approuve-le à part."
    ),
    "admin.bulk_skipped_other": (
        "{n} ignorés : ils contiennent des données personnelles ou une allégation de santé ; "
        "approuve-les un par un."
    ),
    "admin.error_confirm_hints": (
        "Ce commentaire contient des données personnelles ou une allégation de santé ; confirme "
        "d'abord."
    ),
    "admin.error_drops_negation": (
        "Cette coupe enlève une négation (comme « ne… pas » ou « aucun ») d'une phrase qui reste, "
        "ce qui peut en inverser le sens. Garde le mot ou coupe toute la phrase."
    ),
    "admin.error_partial_word": "Commence et termine le passage par des mots entiers.",
    "admin.mail_changed": (
        "Ce commentaire a changé depuis l'envoi de l'e-mail ; ce lien ne fait plus rien. Ouvre la "
        "page de modération pour le relire."
    ),
    "admin.error_changed_since": (
        "Ce commentaire a changé après ta lecture, donc rien n'a été publié. Lis le nouveau texte "
        "ci-dessous et décide à nouveau."
    ),
    "admin.bulk_changed_since_one": (
        "{n} non approuvé : son texte a changé après ta lecture ; relis-le."
    ),
    "admin.bulk_changed_since_other": (
        "{n} non approuvés : leur texte a changé après ta lecture ; relis-les."
    ),
    "admin.log_edit_page": "a modifié la page de n° {id}",
    "admin.nav_pages": "Pages",
    "admin.title_pages": "Pages",
    "admin.pages_intro": (
        "Le titre et l'adresse vers lesquels les témoignages et les flux renvoient une histoire. "
        "Le premier commentaire d'une page les remplit ; ensuite, toi seule les changes."
    ),
    "admin.page_title_label": "Titre",
    "admin.page_url_label": "Adresse (https://…)",
    "admin.page_key": "Clé de la page : {key}",
    "admin.page_save": "Enregistrer",
    "admin.no_pages": "Pas encore de pages avec des commentaires.",
    "admin.done_page": "Page enregistrée.",
    # A reader's privacy request: find, export and erase everything tied to an e-mail address.
    "admin.nav_privacy": "Vie privée",
    "admin.title_privacy": "Demande liée à la vie privée",
    "admin.privacy_intro": (
        "Un lecteur demande ce que Chorus garde sur lui, ou te demande de tout effacer ? "
        "Retrouve-le par son adresse e-mail, envoie le fichier JSON et efface."
    ),
    "admin.privacy_email": "L'adresse e-mail du lecteur",
    "admin.privacy_find": "Chercher",
    "admin.privacy_found": "Trouvé pour {email}",
    "admin.privacy_nothing": (
        "Rien trouvé pour {email} : ni commentaires, ni accords, ni avis de réponse, ni lignes de "
        "journal."
    ),
    "admin.privacy_comments": "Commentaires",
    "admin.privacy_consents": "Accords pour des témoignages",
    "admin.privacy_subscriptions": "Avis de réponse",
    "admin.privacy_log": "Journal de modération",
    "admin.privacy_no_consents": "Aucun accord donné.",
    "admin.privacy_no_subscriptions": "Aucun avis de réponse demandé.",
    "admin.privacy_no_log": "Aucune ligne de journal.",
    "admin.col_page": "Page",
    "admin.col_status": "Statut",
    "admin.col_text": "Texte",
    "admin.col_version": "Version du texte",
    "admin.col_given": "Donné",
    "admin.col_state": "Accord actuel",
    "admin.col_since": "Depuis",
    "admin.col_confirmation": "Confirmation",
    "admin.consent_in_force": "En vigueur",
    "admin.consent_withdrawn_on": "Retiré le {date}",
    "admin.consent_not_given": "Non donné",
    "admin.subscription_confirmed": "Confirmé le {date}",
    "admin.subscription_unconfirmed": "Non confirmé",
    "admin.privacy_export": "Télécharger le JSON",
    "admin.privacy_export_help": "Tout ce qui précède dans un fichier, à envoyer au lecteur.",
    "admin.privacy_erase_title": "Effacer",
    "admin.privacy_erase_intro": (
        "Efface les commentaires de cette adresse (ou les garde sans nom), ses avis de réponse, "
        "ses liens de gestion, les e-mails en attente et les lignes de journal de ces "
        "commentaires. Le journal garde seulement qu'un effacement a eu lieu."
    ),
    "admin.privacy_how": "Que deviennent les commentaires ?",
    "admin.privacy_keep_delete": "Supprimer les commentaires",
    "admin.privacy_keep_anonymised": (
        "Garder les commentaires comme « un lecteur », sans nom, adresse e-mail, site web ni accord"
    ),
    "admin.privacy_confirm": "Je comprends qu'un effacement est irréversible.",
    "admin.privacy_erase_button": "Tout effacer pour cette adresse",
    "admin.privacy_erased": "Effacé",
    "admin.privacy_erased_note": (
        "Le journal garde seulement qu'un effacement a eu lieu, pas l'adresse."
    ),
    "admin.privacy_erased_deleted_one": "{n} commentaire supprimé",
    "admin.privacy_erased_deleted_other": "{n} commentaires supprimés",
    "admin.privacy_erased_anonymised_one": "{n} commentaire gardé comme « un lecteur »",
    "admin.privacy_erased_anonymised_other": "{n} commentaires gardés comme « un lecteur »",
    "admin.privacy_erased_subscriptions_one": "{n} avis de réponse arrêté",
    "admin.privacy_erased_subscriptions_other": "{n} avis de réponse arrêtés",
    "admin.privacy_erased_log_one": "{n} ligne de journal effacée",
    "admin.privacy_erased_log_other": "{n} lignes de journal effacées",
    "admin.privacy_error_email": "Indique une adresse e-mail valide, comme lecteur@example.com.",
    "admin.privacy_error_keep_anonymised": "Choisis ce que deviennent les commentaires.",
    "admin.privacy_error_confirm": (
        "Coche la case pour dire que tu comprends qu'un effacement est irréversible."
    ),
    "admin.log_erase": "a effacé les données d'un lecteur",
    "admin.no_comment": "aucun",
    # months in short, for the moderation pages' dates ("7 déc. 2026 15:05 CET")
    "month_short.1": "janv.",
    "month_short.2": "févr.",
    "month_short.3": "mars",
    "month_short.4": "avr.",
    "month_short.5": "mai",
    "month_short.6": "juin",
    "month_short.7": "juil.",
    "month_short.8": "août",
    "month_short.9": "sept.",
    "month_short.10": "oct.",
    "month_short.11": "nov.",
    "month_short.12": "déc.",
    # --- the review policy page (/reviews/policy, service/web/policy.py)
    "policy.title": "Notre façon de traiter les avis",
    "policy.figures": "Les chiffres",
    "policy.version": "Version {version}, modifiée pour la dernière fois le {date}.",
    "policy.the_website": "le site",
    "policy.who.heading": "Qui peut partager un avis",
    "policy.who.anyone": (
        "Toute personne qui lit un article de blog sur {site} peut le commenter. Qui coche la "
        "case permettant d'afficher le commentaire comme témoignage partage un avis. Seuls ces "
        "avis peuvent apparaître parmi les témoignages, et seulement si {owner} les choisit "
        "elle-même."
    ),
    "policy.who.unchecked": (
        "{site} ne vérifie pas si l'auteur a vraiment été client : tout le monde peut publier un "
        "commentaire. Un avis est l'expérience d'un lecteur, pas un avis client vérifié."
    ),
    "policy.who.imported": (
        "Certains commentaires viennent du système de commentaires que le site utilisait avant ; "
        "ils sont restés tels qu'ils avaient été publiés."
    ),
    "policy.checked.heading": "Ce que nous vérifions avant toute publication",
    "policy.checked.all": (
        "Chaque commentaire est lu par une personne avant de paraître. Jusque-là, seul son auteur "
        "le voit."
    ),
    "policy.checked.first": (
        "Le premier commentaire de quelqu'un est lu par une personne avant de paraître. Dès qu'un "
        "commentaire venu du même navigateur a été approuvé, un nouveau paraît aussitôt ; nous le "
        "lisons quand même ensuite et le retirons s'il ne respecte pas les règles."
    ),
    "policy.checked.none": (
        "Les commentaires paraissent sous l'article tout de suite, avant que quiconque les lise. "
        "Nous les lisons ensuite et retirons ce qui ne respecte pas les règles."
    ),
    "policy.checked.spam": (
        "Un filtre anti-spam retient les commentaires suspects jusqu'à ce que quelqu'un les "
        "regarde. Un avis n'apparaît parmi les témoignages qu'avec ton accord, et seulement après "
        "que {owner} l'a lu et choisi."
    ),
    "policy.refused.heading": "Pourquoi un avis n'est pas publié",
    "policy.refused.intro": ("Nous ne publions pas un avis, ou pas comme témoignage, quand il :"),
    "policy.refused.privacy": (
        "donne des informations personnelles, les tiennes ou celles de quelqu'un d'autre (comme "
        "un numéro de téléphone ou une adresse e-mail) ;"
    ),
    "policy.refused.spam": "est du spam ou de la publicité ;",
    "policy.refused.off_topic": "ne parle ni du sujet ni du cabinet ;",
    "policy.refused.unlawful": (
        "est contraire à la loi, par exemple parce qu'il insulte ou menace quelqu'un ;"
    ),
    "policy.refused.health": (
        "affirme qu'un soin ou un produit guérit ou traite une maladie ou un trouble. Les règles "
        "sur les allégations de santé ne permettent pas au cabinet de reprendre une telle "
        "affirmation dans sa publicité. Ton commentaire peut rester sous l'article, mais il ne va "
        "pas parmi les témoignages, ou seulement une partie sans l'allégation."
    ),
    "policy.stars.heading": "Les étoiles et la moyenne",
    "policy.stars.equal": (
        "Tu peux donner de 1 à 5 étoiles à ton avis. Un avis à une étoile est traité exactement "
        "comme un avis à cinq étoiles : rien ici ne filtre ni ne trie par note, et une note basse "
        "n'est jamais une raison de ne pas publier un avis."
    ),
    "policy.stars.average": (
        "La moyenne est la simple moyenne de toutes les notes des avis publiés, les basses autant "
        "que les hautes. Nous ne l'affichons qu'à partir de {least} notes, et toujours avec le "
        "nombre sur lequel elle est calculée."
    ),
    "policy.stars.none": "Les avis n'ont pas d'étoiles, il n'y a donc pas non plus de moyenne.",
    "policy.report.heading": "Signaler un avis",
    "policy.report.how": (
        "Un avis est faux, il parle de toi, ou tu penses qu'il ne devrait pas être là ? Choisis "
        "« Signaler » à côté de l'avis et dis ce qui ne va pas et pourquoi. Tu peux aussi écrire "
        "à {owner} à {contact}, en indiquant la page et l'avis. Une personne lit chaque "
        "signalement et décide de la suite."
    ),
    "policy.report.reasons": (
        "Quand nous retirons un commentaire ou ne le publions pas, et que son auteur a laissé une "
        "adresse e-mail, il reçoit un e-mail qui dit ce que nous avons décidé, pourquoi, et "
        "comment répondre. Une telle décision est toujours prise par une personne."
    ),
    "policy.consent.heading": "Retirer ton accord",
    "policy.consent.how": (
        "Demande un lien vers tes commentaires dans le formulaire sous un article (avec « Gérer "
        "mes commentaires ») ; il est envoyé à l'adresse avec laquelle tu as commenté. Là, tu "
        "retires ton accord : ton avis quitte aussitôt les témoignages. Tu peux aussi y supprimer "
        "ton commentaire."
    ),
    "policy.extra.heading": "De la part de {owner}",
    "policy.figures.counts": (
        "Avis reçus : {received} · publiés : {published} · non publiés pour protéger la vie "
        "privée : {privacy} · spam : {spam}."
    ),
    "policy.figures.not_yet": (
        "{counts} Note moyenne : pas encore affichée (nombre de notes : {n} ; nous l'affichons à "
        "partir de {least})."
    ),
    "policy.figures.average": ("{counts} Note moyenne : {average} sur 5 (nombre de notes : {n})."),
    # -- WordPress: imports and the plugin's counts (issue 28) --
    # the name of an imported comment that had none
    "import.anonymous": "Anonyme",
    # --- mails (service/notify/): a body's last line break is added where it is sent
    # the owner's notice of a new comment, in ADMIN_LANG (service/notify/owner_mail.py)
    "mail.owner.subject_pending": "Nouveau commentaire de {author} à relire",
    "mail.owner.subject_approved": "Nouveau commentaire de {author}",
    "mail.owner.wrote": "{author} a écrit sous « {page} » :",
    "mail.owner.review": "Le relire : {url}",
    "mail.owner.action_approve": "Approuver",
    "mail.owner.action_reject": "Refuser",
    "mail.owner.action_spam": "Spam",
    # one one-click link of the notice: the action's name, then its address
    "mail.owner.action_line": "{action} : {url}",
    # what the owner needs to decide from the notice, above its links
    "mail.fact.rating": "Note : {stars} ({n} sur 5)",
    "mail.fact.no_rating": "Note : aucune",
    "mail.fact.consent": "Accord pour un témoignage : oui (version {version})",
    "mail.fact.no_consent": "Accord pour un témoignage : non",
    "mail.fact.email": "E-mail de l'auteur : {email}",
    "mail.fact.no_email": "E-mail de l'auteur : non indiqué",
    "mail.fact.page": "Page : {page}",
    "mail.fact.reply_to": "Une réponse au commentaire de {author}",
    "mail.fact.hints": "À vérifier : {hints}",
    # the owner's notices folded into one mail under a flood
    "mail.digest.subject": "{n} nouveaux commentaires de plus dans un seul e-mail",
    "mail.digest.intro": (
        "Beaucoup de commentaires sont arrivés d'un coup. Pour ménager ta boîte mail, ces {n} "
        "sont dans un seul e-mail :"
    ),
    "mail.digest.line": "- {author} sous « {page} » ({status})",
    "mail.digest.more": "… et {n} de plus",
    "mail.digest.status_pending": "t'attend",
    "mail.digest.status_approved": "publié",
    "mail.digest.status_gone": "n'est plus dans la file",
    # the settings page's test mail
    "mail.test.subject": "E-mail de test de {site}",
    "mail.test.body": "Les e-mails de {url} fonctionnent.",
    # mail to readers, in the comment's language (service/notify/reader_mail.py). Mail to an
    # address nobody confirmed names only what the owner wrote: never a poster's words.
    "mail.reader.manage_subject": "Gérer tes commentaires sur {site}",
    "mail.reader.manage": (
        "Quelqu'un (toi, j'espère) a demandé à gérer tes commentaires sur {site}.\n"
        "Ce lien te les montre et te permet de les modifier, de retirer ton accord ou de les "
        "supprimer. Il marche une fois par action et expire en moins d'un jour :\n"
        "\n"
        "{url}\n"
        "\n"
        "Ce n'était pas toi ? Alors tu peux ignorer cet e-mail."
    ),
    "mail.reader.confirm_subject": "Confirme les e-mails sur les réponses sur {site}",
    "mail.reader.confirm": (
        "Quelqu'un (toi, j'espère) a demandé à être prévenu quand un commentaire sur {site} "
        "({home}) reçoit une réponse.\n"
        "Confirme-le avec ce lien :\n"
        "\n"
        "{url}\n"
        "\n"
        "Ce n'était pas toi ? Ignore cet e-mail et tu ne recevras rien."
    ),
    "mail.reader.reply_subject": "Nouvelle réponse à ton commentaire sur {site}",
    "mail.reader.reply": (
        "{author} a répondu à ton commentaire sous « {page} » :\n\n{quote}\n\nÀ lire ici : {url}"
    ),
    "mail.reader.stop": "Plus d'e-mails sur les réponses : {url}",
    "mail.reader.statement_subject": "À propos de ton commentaire sur {site}",
    "mail.reader.statement": (
        "Ton commentaire du {date} sur {site} ({home}) {decision}.\n"
        "\n"
        "Pourquoi : {reason}\n"
        "{note}\n"
        "Cette décision a été prise par une personne ({owner}), pas par un système automatique. "
        "Notre façon de traiter les commentaires : {policy}\n"
        "\n"
        "Tu n'es pas d'accord, ou tu veux t'expliquer ? Réponds à cet e-mail et nous le "
        "regarderons à nouveau."
    ),
    "mail.reader.statement_note": "Remarque : {note}",
    "mail.reader.decision_rejected": "n'a pas été publié",
    "mail.reader.decision_unpublished": "a été mis hors ligne",
    "mail.reader.decision_deleted": "a été supprimé",
    "mail.reader.grounds_privacy": (
        "il donne des informations personnelles, celles de l'auteur ou de quelqu'un d'autre."
    ),
    "mail.reader.grounds_spam": "c'est du spam ou de la publicité.",
    "mail.reader.grounds_off_topic": "il ne parle ni du sujet ni du cabinet.",
    "mail.reader.grounds_health_claim": (
        "il affirme qu'un soin ou un produit guérit ou traite une maladie ou un trouble, et le "
        "cabinet ne peut pas reprendre une telle affirmation dans sa publicité."
    ),
    "mail.reader.grounds_illegal": "il est contraire à la loi.",
    "mail.reader.report_ack_subject": "Ton signalement sur {site} a bien été reçu",
    "mail.reader.report_ack": (
        "Nous avons bien reçu ton signalement d'un commentaire sur {site} ({home}). Une personne "
        "va l'examiner et décider de la suite."
    ),
    # --- languages: how this language writes dates and numbers, and its name in the switch
    # between languages on the pages Chorus serves itself (service/text/__init__.py)
    "format.date": "{day} {month} {year}",
    "format.decimal": "{whole},{fraction}",
    "format.thousands": "{thousands}\u202f{rest}",
    # Items of a list joined: French sets a thin space before the semicolon.
    "format.list": "{first}\u202f; {then}",
    "language.name": "Français",
    "language.switch": "Langue",
    # --- webhooks, names on testimonials, consent given again ---
    "name.client": "un client",
    "admin.log_display_name": "a modifié le nom affiché sur n° {id}",
    "admin.log_undo_display_name": "a rétabli le nom affiché sur n° {id}",
    "hint.full_name": "Mentionne un nom complet",
    "widget.mine.withdrawSure": "Ton histoire quitte la page d'accueil. Sûr·e ?",
    "widget.mine.give": "Donner mon accord",
    "widget.mine.giveLabel": "Redonner ton accord pour l'afficher comme témoignage",
    "widget.mine.given": "Merci ! Ton histoire peut de nouveau servir de témoignage.",
    "reader_page.no_consent": "Ceci n'est pas affiché comme témoignage.",
    "reader_page.give_consent": (
        "Donner mon accord : mon histoire peut figurer comme témoignage sur ce site"
    ),
    "reader_page.done_give_consent": (
        "Merci ! Ton accord est enregistré ; ton histoire peut de nouveau être affichée comme "
        "témoignage."
    ),
    "mail.reader.ask_consent_subject": "Ton histoire peut-elle de nouveau figurer sur {site} ?",
    "mail.reader.ask_consent": (
        "{owner}, de {site} ({home}), aimerait savoir si ton histoire du {date} sous « {page} » "
        "peut de nouveau figurer comme témoignage sur le site.\n"
        "Ce lien te montre tes commentaires et te permet de redonner ton accord, ou non. Il "
        "marche une fois par action et expire en moins d'un jour :\n"
        "\n"
        "{url}\n"
        "\n"
        "Tu préfères que non ? Alors tu n'as rien à faire : sans ton accord, rien ne change."
    ),
    "admin.name_shown": "Nom affiché",
    "admin.name_shown_help": (
        "Affiché pour l'instant : {name}. Tu peux seulement le raccourcir : enlever des mots ou "
        "les réduire à leur initiale."
    ),
    "admin.name_choose": "Choisis comment le nom apparaît",
    "admin.name_style_full": "en entier",
    "admin.name_style_first_initial": "prénom et initiale",
    "admin.name_style_initials": "initiales",
    "admin.name_style_client": "sans nom",
    "admin.name_default": "Par défaut (prénom et initiale)",
    "admin.name_other": "Ou tape une forme abrégée du nom",
    "admin.name_submit": "Enregistrer le nom",
    "admin.done_display_name": "Le nom affiché sur le témoignage a été modifié.",
    "admin.error_not_a_shortening": (
        "Impossible : seulement une forme abrégée du propre nom de l'auteur, ou « un client »."
    ),
    "admin.ask_consent": "Redemander son accord",
    "admin.done_ask_consent": "La demande d'accord part par e-mail à l'auteur.",
    "admin.error_no_address": "L'auteur n'a pas laissé d'adresse e-mail.",
    "admin.error_address_unconfirmed": (
        "L'auteur n'a jamais confirmé cette adresse e-mail, Chorus n'y envoie donc rien."
    ),
    "admin.error_mail_off": (
        "Chorus ne peut pas écrire aux lecteurs (aucun serveur de mail n'est configuré)."
    ),
    "admin.error_consent_given": "L'auteur a déjà donné son accord.",
    "admin.error_not_a_story": "Seule l'histoire d'un lecteur peut faire l'objet d'un accord.",
    "admin.log_ask_consent": "a demandé son accord à l'auteur de n° {id}",
    "admin.log_give_consent": "a redonné l'accord pour n° {id}",
    "admin.webhooks.chat_comment_created": (
        "Nouveau commentaire de {author} sous « {page} » ({status}) : {words}\n"
        "Voir la file d'attente : {url}"
    ),
    "admin.webhooks.chat_comment_status_changed": (
        "Le commentaire de {author} sous « {page} » est maintenant {status} : {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_published": (
        "L'histoire de {author} fait maintenant partie des témoignages : {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_withdrawn": (
        "L'histoire de {author} ne fait plus partie des témoignages : {words}\n{url}"
    ),
    "admin.webhooks.chat_report_created": (
        "Quelqu'un signale le commentaire de {author} sous « {page} » : {words}\n"
        "Voir les signalements : {url}"
    ),
    "admin.webhooks.chat_invite_answered": "{author} a répondu à ton invitation : {words}\n{url}",
    "admin.webhooks.chat_webhook_test": (
        "Un message de test de Chorus : cette intégration fonctionne.\n{url}"
    ),
    "admin.webhooks.chat_other": "Chorus signale : {event}\n{url}",
    "admin.webhooks.status_pending": "en attente de relecture",
    "admin.webhooks.status_approved": "publié",
    "admin.webhooks.status_rejected": "refusé",
    "admin.webhooks.status_spam": "mis en spam",
    "admin.webhooks.test_message": "Un message de test de Chorus : cette intégration fonctionne.",
    "admin.webhooks.ntfy_open": "Ouvrir",
    "mail.webhook_paused.subject": "Une intégration de {site} est en pause",
    "mail.webhook_paused.body": (
        "Chorus n'a pas pu livrer un message à {url} après plus d'un jour d'essais, et a mis "
        "cette intégration en pause. Tout ce qui arrive désormais attendra que tu la réactives : "
        "{page}"
    ),
    # --- invitations and the story page ---
    "mail.reader.invite_subject": "Comment s'est passé ton soin chez {site} ?",
    "mail.reader.invite_reminder_subject": (
        "Petit rappel : comment s'est passé ton soin chez {site} ?"
    ),
    "mail.reader.invite_greeting": "Bonjour {name},",
    "mail.reader.invite_greeting_anonymous": "Bonjour,",
    "mail.reader.invite": (
        "Merci pour ta visite chez {site}. Voudrais-tu raconter en quelques phrases comment s'est "
        "passé ton soin ? Ton histoire aide d'autres personnes à choisir, et {owner} la lit "
        "elle-même.\n"
        "\n"
        "Pour la raconter, c'est ici : {url}\n"
        "\n"
        "Ce lien est personnel et reste valable {days} jours. Tu choisis comment ton nom "
        "apparaît ; rien n'est affiché sans ton accord."
    ),
    "mail.reader.invite_reminder": (
        "Il y a quelques jours, {site} t'a demandé comment s'était passé ton soin. Tu as un "
        "moment ? Quelques phrases suffisent.\n"
        "\n"
        "Pour nous le raconter, c'est ici : {url}\n"
        "\n"
        "C'est le seul rappel : nous ne t'en reparlerons plus."
    ),
    "story.title": "Comment s'est passé ton soin chez {site} ?",
    "story.collect_title": "Parle-nous de ton soin chez {site}",
    "story.intro": (
        "Raconte avec tes propres mots comment ça s'est passé. {owner} lit elle-même chaque "
        "histoire avant qu'elle paraisse sur le site."
    ),
    "story.greeting": "Bonjour {name} !",
    "story.page_title": "Histoires",
    "story.name": "Ton nom",
    "story.rating": "Ta note (facultative)",
    "story.no_rating": "Pas d'étoiles",
    "story.stars": "{n} étoiles sur 5",
    "story.body": "Ton histoire",
    "story.consent": "Accord (version {version})",
    "story.name_style": "Comment ton nom peut-il apparaître ?",
    "story.name_style_full": "Mon nom complet",
    "story.name_style_first_initial": "Mon prénom et la première lettre de mon nom de famille",
    "story.name_style_initials": "Seulement mes initiales",
    "story.name_style_client": "Sans nom : « un client »",
    "story.client_word": "un client",
    "story.email": "Ton adresse e-mail (facultative)",
    "story.email_hint": "Seulement si tu veux une réponse. Jamais affichée sur le site.",
    "story.send": "Envoyer mon histoire",
    "story.thanks": (
        "Merci pour ton histoire ! Elle paraîtra sur le site dès que {owner} l'aura lue."
    ),
    "story.refused": "Ça n'a pas marché : {message}",
    "story.used": "Une histoire a déjà été envoyée avec ce lien. Merci de l'avoir partagée !",
    "story.expired": (
        "Ce lien a expiré. Tu peux quand même raconter ton histoire sur la page du cabinet."
    ),
    "story.withdrawn": (
        "Ce lien ne marche plus. Tu peux quand même raconter ton histoire sur la page du cabinet."
    ),
    "story.unknown": (
        "Nous ne connaissons pas ce lien. Une partie s'est peut-être perdue en route ; tu peux "
        "aussi raconter ton histoire sur la page du cabinet."
    ),
    "story.to_collect": "Vers la page des histoires",
    "story.policy": "Notre façon de traiter les avis",
    "story.verified": "client vérifié",
    "story.verified_on": "client vérifié (invité le {date})",
    "admin.tab_invites": "Inviter",
    "admin.title_invites": "Inviter",
    "admin.invites_intro": (
        "Demande son histoire à un client : Chorus crée un lien personnel qui marche une fois et "
        "reste valable {days} jours. Avec une adresse e-mail, Chorus l'envoie par e-mail ; sinon, "
        "tu copies le lien (dans ta confirmation de rendez-vous, sur WhatsApp ou par SMS)."
    ),
    "admin.invites_no_mail": (
        "Aucun serveur de mail n'est configuré : copie le lien et envoie-le toi-même."
    ),
    "admin.invite_single": "Inviter un client",
    "admin.invite_name": "Prénom (facultatif)",
    "admin.invite_email": "Adresse e-mail (facultative)",
    "admin.invite_email_hint": (
        "Chorus ne garde l'adresse que jusqu'à ce que le client réponde ou que le lien expire."
    ),
    "admin.invite_lang": "Langue",
    "admin.lang_nl": "Néerlandais",
    "admin.lang_en": "Anglais",
    "admin.lang_de": "Allemand",
    "admin.lang_fr": "Français",
    "admin.story_invite_send": "Créer l'invitation",
    "admin.invite_many": "Plusieurs clients à la fois",
    "admin.invite_emails": "Adresses e-mail, une par ligne ({max} au plus)",
    "admin.invite_send_many": "Inviter tout le monde",
    "admin.invite_made_mailed": "L'invitation est créée et part par e-mail.",
    "admin.invite_made_copy": "L'invitation est créée. Copie le lien et envoie-le à ton client.",
    "admin.invites_sent": (
        "Invitations : {sent} ; refusées : {invalid} pour adresse non valide, {already} pour "
        "adresse déjà invitée."
    ),
    "admin.invite_withdrawn": "L'invitation a été retirée : son lien ne marche plus.",
    "admin.invites_list": "Invitations",
    "admin.invites_search": "Chercher par nom ou adresse",
    "admin.invites_none": "Pas encore d'invitations.",
    "admin.invite_who": "Client",
    "admin.invite_state": "Statut",
    "admin.invite_when": "Créée",
    "admin.story_invite_link": "Lien personnel",
    "admin.invite_link_of": "Lien de l'invitation {id}",
    "admin.invite_expires": "expire le {date}",
    "admin.invite_withdraw": "Retirer",
    "admin.invite_status_created": "créée",
    "admin.invite_status_mailed": "envoyée",
    "admin.invite_status_opened": "ouverte",
    "admin.invite_status_answered": "réponse reçue",
    "admin.invite_status_expired": "expirée",
    "admin.invite_status_withdrawn": "retirée",
    "admin.invites_total_one": "{n} invitation au total",
    "admin.invites_total_other": "{n} invitations au total",
    "admin.invites_pages": "Pagination",
    "admin.invites_newer": "Plus récentes",
    "admin.invites_older": "Plus anciennes",
    "admin.invites_qr": "Code QR pour l'accueil",
    "admin.invites_qr_intro": (
        "Le code QR mène à la page des histoires du cabinet, pour une carte à l'accueil ou sur le "
        "site. Télécharge-le pour l'imprimer."
    ),
    "admin.invites_qr_svg": "SVG (pour l'impression)",
    "admin.invites_qr_png": "PNG (pour l'écran et l'imprimante)",
    "admin.verified_client": "Client vérifié (invité le {date})",
    "admin.source_collect": "Via la page des histoires",
    "admin.invite_copy": "Copier",
    "admin.invite_copied": "Copié",
    "widget.testimonials.verified": "client vérifié",
    "policy.who.invited": (
        "{owner} peut aussi demander son histoire à un client après un soin, avec un lien "
        "personnel qui marche une fois et reste valable {days} jours. Une telle histoire rejoint "
        "la même file d'attente que tous les commentaires."
    ),
    "policy.who.collected": (
        "Sur la page des histoires du cabinet ({url}), à laquelle mènent un lien sur le site ou un "
        "code QR à l'accueil, tout le monde peut raconter une histoire ; ces histoires rejoignent "
        "elles aussi la même file d'attente."
    ),
    "policy.verified.heading": "Client vérifié",
    "policy.verified.how": (
        "Une histoire porte la mention « client vérifié (invité le <date>) » seulement si elle a "
        "été envoyée avec une telle invitation personnelle : {owner} a envoyé elle-même le lien à "
        "un client, et le lien ne marche qu'une fois. {site} ne vérifie rien de plus ; c'est "
        "{owner} qui décide qui est invité."
    ),
    "policy.verified.not": (
        "Les commentaires sous un article de blog et les histoires de la page des histoires ne "
        "portent jamais cette mention, car tout le monde peut ouvrir ces pages."
    ),
    "admin.privacy_invitations": "Invitations",
    "admin.privacy_no_invitations": "Aucune invitation en cours pour cette adresse.",
    # --- the integrations page ---
    "admin.nav_integrations": "Intégrations",
    "admin.integrations_title": "Intégrations",
    "admin.integrations_intro": (
        "Chorus peut informer d'autres systèmes de ce qui se passe : un webhook signé pour ton "
        "propre logiciel, ou un message dans un canal Slack, Mattermost ou Discord."
    ),
    "admin.integrations_add_title": "Ajouter une intégration",
    "admin.integrations_url": "Adresse (URL)",
    "admin.integrations_format": "Format",
    "admin.integrations_format_standard": "Webhook (JSON signé)",
    "admin.integrations_format_slack": "Slack",
    "admin.integrations_format_mattermost": "Mattermost",
    "admin.integrations_format_discord": "Discord",
    "admin.integrations_events": "Événements",
    "admin.integrations_event_comment_created": "Un nouveau commentaire",
    "admin.integrations_event_comment_status_changed": "Le statut d'un commentaire a changé",
    "admin.integrations_event_testimonial_published": "Un témoignage a été publié",
    "admin.integrations_event_testimonial_withdrawn": "Un témoignage a été retiré",
    "admin.integrations_event_report_created": "Un commentaire a été signalé",
    "admin.integrations_event_invite_answered": "Une invitation a reçu une réponse",
    "admin.integrations_own_system": "C'est mon propre système",
    "admin.integrations_own_system_help": (
        "Seul ton propre système reçoit les adresses e-mail des lecteurs ; rien d'autre ne les "
        "reçoit jamais."
    ),
    "admin.integrations_own_system_badge": "ton système",
    "admin.integrations_add": "Ajouter l'intégration",
    "admin.integrations_created": "Intégration ajoutée : {url}",
    "admin.integrations_key_once": (
        "Cette clé signe chaque message. Copie-la maintenant : elle ne sera plus affichée."
    ),
    "admin.integrations_list_title": "Tes intégrations",
    "admin.integrations_none": "Aucune intégration pour l'instant.",
    "admin.integrations_active": "active",
    "admin.integrations_paused": "en pause depuis le {date}",
    "admin.integrations_test": "Envoyer un événement de test",
    "admin.integrations_resume": "Réactiver",
    "admin.integrations_delete": "Supprimer",
    "admin.integrations_deliveries": "Derniers envois",
    "admin.integrations_no_deliveries": "Rien n'a encore été envoyé.",
    "admin.integrations_col_time": "Date",
    "admin.integrations_col_event": "Événement",
    "admin.integrations_col_status": "Statut",
    "admin.integrations_col_attempts": "Tentatives",
    "admin.integrations_state_waiting": "en attente",
    "admin.integrations_state_sending": "en cours d'envoi",
    "admin.integrations_state_delivered": "livré",
    "admin.integrations_state_failed": "échec",
    "admin.integrations_error_url": (
        "Chorus ne peut pas envoyer à cette adresse : indique une adresse https:// sur Internet."
    ),
    "admin.integrations_error_events": "Choisis au moins un événement.",
    "admin.integrations_error_format": "Choisis l'un des formats.",
    "admin.done_webhook_test": "Événement de test mis en file d'attente ; il part dans un instant.",
    "admin.done_webhook_resume": "Intégration réactivée ; ce qui attendait part maintenant.",
    "admin.done_webhook_delete": "Intégration supprimée.",
    "mail.ntfy_failed.subject": "Les notifications push de {site} ne passent pas",
    "mail.ntfy_failed.body": (
        "Chorus n'a pas pu livrer de notification push à {server} après plus d'un jour d'essais. "
        "Vérifie NTFY_URL et NTFY_TOKEN ; tu ne recevras de nouveau cet e-mail qu'une fois qu'une "
        "notification sera bien passée. Tes intégrations : {page}"
    ),
    # --- accounts, roles and the second factor ---
    "admin.actor_account": "{name}",
    "admin.nav_accounts": "Comptes",
    "admin.nav_account": "Mon compte",
    "admin.login_email": "Adresse e-mail",
    "admin.login_email_hint": "La personne qui a le premier compte peut laisser ce champ vide.",
    "admin.login_joined": "Ton compte est prêt. Connecte-toi avec ton adresse e-mail.",
    "admin.title_login_code": "Deuxième étape",
    "admin.login_code_intro": (
        "Saisis le code qu'affiche ton application d'authentification, ou l'un de tes codes de "
        "secours."
    ),
    "admin.login_code": "Code de l'application",
    "admin.login_code_wrong": "Ce code n'est pas le bon, ou il a déjà servi.",
    "admin.title_invitation": "Rejoindre",
    "admin.invitation_intro": (
        "Tu as été invité·e comme {role} avec {email}. Choisis ton mot de passe."
    ),
    "admin.invitation_password": "Mot de passe (12 caractères minimum)",
    "admin.invitation_again": "Le même mot de passe, encore une fois",
    "admin.invitation_accept": "Créer mon compte",
    "admin.title_account": "Mon compte",
    "admin.account_name": "Nom",
    "admin.account_role": "Rôle",
    "admin.account_factor": "Deuxième facteur",
    "admin.account_factor_on_one": "Activé ({n} code de secours restant)",
    "admin.account_factor_on_other": "Activé ({n} codes de secours restants)",
    "admin.account_factor_off": "Désactivé.",
    "admin.account_factor_add": "Configurer une application d'authentification",
    "admin.role_owner": "propriétaire",
    "admin.role_moderator": "modérateur",
    "admin.sessions_title": "Où tu es connecté·e",
    "admin.sessions_intro": (
        "Toutes les sessions ouvertes de ton compte. Ferme celles que tu ne reconnais pas."
    ),
    "admin.sessions_browser": "Navigateur",
    "admin.sessions_place": "Adresse (première partie)",
    "admin.sessions_first": "Connexion",
    "admin.sessions_last": "Dernière activité",
    "admin.sessions_end": "Fermer",
    "admin.sessions_this": "celle-ci",
    "admin.title_totp": "Deuxième facteur",
    "admin.totp_intro": (
        "Scanne le code avec une application d'authentification, ou tape la clé, puis saisis le "
        "premier code qu'elle affiche."
    ),
    "admin.totp_qr_alt": "Code QR pour ton application d'authentification",
    "admin.totp_key": "Clé :",
    "admin.totp_first_code": "Premier code",
    "admin.totp_confirm": "Activer",
    "admin.totp_required": (
        "Ce site demande un deuxième facteur pour chaque compte. Configures-en un pour continuer."
    ),
    "admin.totp_done": "Ton deuxième facteur est activé. La connexion demande maintenant un code.",
    "admin.totp_codes_title": "Codes de secours",
    "admin.totp_codes_intro": (
        "Chaque code marche une fois, si tu perds ton téléphone. Garde-les en lieu sûr : ils ne "
        "s'affichent que maintenant."
    ),
    "admin.totp_already": (
        "Ton deuxième facteur est activé. Perdu ? L'administrateur du serveur lance alors : "
        "python -m service reset-2fa"
    ),
    "admin.title_accounts": "Comptes",
    "admin.accounts_email": "Adresse e-mail",
    "admin.accounts_manage": "Gérer",
    "admin.accounts_disabled": "désactivé",
    "admin.accounts_factor_yes": "activé",
    "admin.accounts_factor_no": "désactivé",
    "admin.accounts_make_owner": "Rendre propriétaire",
    "admin.accounts_make_moderator": "Rendre modérateur",
    "admin.accounts_disable": "Désactiver",
    "admin.accounts_enable": "Activer",
    "admin.accounts_remove": "Supprimer",
    "admin.accounts_end_sessions": "Fermer les sessions",
    "admin.accounts_done_role": "Rôle modifié ; ce compte doit se reconnecter.",
    "admin.accounts_done_disabled": "Compte désactivé ; ses sessions sont fermées.",
    "admin.accounts_done_enabled": "Compte activé.",
    "admin.accounts_done_removed": "Compte supprimé ; ses sessions sont fermées.",
    "admin.accounts_done_sessions": "Ses sessions sont fermées.",
    "admin.invitations_title": "Invitations en attente",
    "admin.invitations_made": "Invitation du",
    "admin.invitations_withdraw": "Retirer",
    "admin.accounts_done_withdrawn": "Invitation retirée : son lien ne fonctionne plus.",
    "admin.account_name_title": "Ton nom",
    "admin.account_name_label": "Le nom qui signe tes réponses",
    "admin.account_name_save": "Enregistrer le nom",
    "admin.account_done_name": "Nom enregistré.",
    "admin.account_password_title": "Ton mot de passe",
    "admin.account_password_intro": (
        "Le changer ferme tes sessions dans tous les autres navigateurs ; celui-ci reste connecté."
    ),
    "admin.account_password_current": "Mot de passe actuel",
    "admin.account_password_new": "Nouveau mot de passe (au moins {length} caractères)",
    "admin.account_password_save": "Changer le mot de passe",
    "admin.account_done_password": "Mot de passe changé ; tes autres sessions sont fermées.",
    "admin.error_wrong_password": "Ce n'est pas ton mot de passe actuel.",
    "admin.error_password_in_settings": (
        "Ton mot de passe est défini dans ADMIN_PASSWORD_HASH sur le serveur : change-le là."
    ),
    "admin.error_rate_limited": "Trop de tentatives. Attends quelques minutes et réessaie.",
    "admin.invite_title": "Inviter quelqu'un",
    "admin.invite_send": "Inviter",
    "admin.invite_done": (
        "Invitation pour {email} créée. Elle est partie par e-mail si l'e-mail est configuré ; "
        "tu peux aussi copier le lien."
    ),
    "admin.invite_link": "Lien à usage unique (valable une semaine) :",
    "admin.error_forbidden_role": "Seul un compte propriétaire peut faire ça.",
    "admin.error_wrong_code": "Ce code n'est pas le bon.",
    "admin.error_invalid_email": "Ce n'est pas une adresse e-mail.",
    "admin.error_email_taken": "Un compte avec cette adresse existe déjà.",
    "admin.error_last_owner": "Il doit rester au moins un propriétaire.",
    "admin.error_passwords_differ": "Les deux mots de passe sont différents.",
    "admin.error_password_short": "Choisis un mot de passe d'au moins 12 caractères.",
    "admin.settings_factor": "Deuxième facteur",
    "admin.settings_factor_on": "Obligatoire pour chaque compte (ADMIN_REQUIRE_2FA)",
    "admin.settings_factor_off": "Facultatif",
    "admin.settings_factor_recommend": (
        "Recommandé : définis ADMIN_REQUIRE_2FA=true pour que chaque connexion demande un "
        "deuxième facteur. Configure d'abord le tien, sous « Mon compte »."
    ),
    "mail.account.invite_subject": "Ton invitation pour {site}",
    "mail.account.invite": (
        "{owner} t'invite à aider à modérer les commentaires de {site}. Choisis ton mot de passe "
        "ici (le lien marche une fois, pendant une semaine) :\n{url}"
    ),
    "mail.account.signin_subject": "Nouvelle connexion à {site}",
    "mail.account.signin": (
        "Quelqu'un s'est connecté à ton compte sur {site} depuis un navigateur encore jamais vu "
        "({browser}). Si ce n'était pas toi, ferme cette session et change ton mot de passe : "
        "{url}"
    ),
    "admin.passkey_sign_in": "Se connecter avec une clé d'accès",
    "admin.passkey_refused": "Cette clé d'accès n'ouvre aucun compte ici.",
    "admin.passkey_failed": "La clé d'accès n'a pas marché. Réessaie, ou utilise ton mot de passe.",
    "admin.login_passkey_intro": "Confirme avec l'une de tes clés d'accès.",
    "admin.passkeys_title": "Clés d'accès",
    "admin.passkeys_intro": (
        "Une clé d'accès te connecte sans mot de passe, avec ton empreinte digitale, ton visage "
        "ou le code PIN de ton appareil. Après un mot de passe, elle compte aussi comme "
        "deuxième facteur."
    ),
    "admin.passkey_name": "Nom de la clé d'accès",
    "admin.passkey_added": "Ajoutée",
    "admin.passkey_last_used": "Dernière utilisation",
    "admin.passkey_remove": "Supprimer",
    "admin.passkey_add": "Ajouter une clé d'accès",
    "admin.account_done_passkey_added": "Clé d'accès ajoutée.",
    "admin.account_done_passkey_removed": (
        "Clé d'accès supprimée : elle ne permet plus de se connecter."
    ),
    "admin.error_passkey_refused": "Cette clé d'accès n'a pas pu être vérifiée.",
    "admin.error_passkey_expired": "Ça a pris trop de temps. Réessaie.",
    "admin.error_too_many_passkeys": "Supprime une clé d'accès avant d'en ajouter une autre.",
    "admin.error_passkey_known": "Cette clé d'accès est déjà enregistrée.",
}
