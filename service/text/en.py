"""Chorus's words in English: every message the service shows or sends, keyed by message id.

The keys are the same in every language (tests/domain/test_text.py checks them and their
{placeholders}); see service/text/__init__.py for how they are looked up and how a language is
added. English is also the fallback for a reader whose language Chorus does not speak.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # the comments widget (widget/comments.js); data-t-KEY on its tag replaces one
    "widget.comments.fail": "Something went wrong. Please try again later.",
    "widget.comments.title": "Comments",
    "widget.comments.loading": "Loading comments…",
    "widget.comments.empty": "No comments yet.",
    "widget.comments.form": "Share your story",
    "widget.comments.name": "Name",
    "widget.comments.email": "Email (optional)",
    "widget.comments.emailHint": "Never shown; only the owner sees it.",
    "widget.comments.site": "Website (optional)",
    "widget.comments.body": "Your story",
    "widget.comments.rating": "Rating (optional)",
    "widget.comments.stars": "{n} out of 5 stars",
    "widget.comments.consent": (
        "My story may be shown with my name as a testimonial on this website."
    ),
    "widget.comments.notify": "Email me when someone replies to me.",
    "widget.comments.remember": "Remember my name and email on this device.",
    "widget.comments.manage": "Manage my comments",
    "widget.comments.send": "Send",
    "widget.comments.reply": "Reply",
    "widget.comments.replyTo": "Reply to {n}",
    "widget.comments.report": "Report",
    "widget.comments.reportLabel": "Report the comment by {n}",
    "widget.comments.cancel": "Cancel",
    "widget.comments.owner": "Owner",
    "widget.comments.pending": "Awaiting review",
    "widget.comments.unavailable": "Comments are not available here.",
    "widget.comments.tooLong": "At most {n} characters.",
    # checking and sending its form (widget/send.js)
    "widget.send.required": "Please fill in this field.",
    "widget.send.thanks": "Thank you! Your story will appear after review.",
    "widget.send.live": "Thank you! Your comment is live.",
    # the reader's tools for their own comments (widget/mine.js)
    "widget.mine.edit": "Edit",
    "widget.mine.editLabel": "Edit your comment",
    "widget.mine.save": "Save",
    "widget.mine.cancel": "Cancel",
    "widget.mine.withdraw": "Withdraw consent",
    "widget.mine.withdrawLabel": "Withdraw your consent to show this as a testimonial",
    "widget.mine.remove": "Delete",
    "widget.mine.removeLabel": "Delete your comment",
    "widget.mine.sure": "Delete your comment? This cannot be undone.",
    "widget.mine.removed": "Your comment was deleted.",
    "widget.mine.withdrawn": "Your story is no longer shown as a testimonial on this website.",
    "widget.mine.edited": "Your comment was updated.",
    "widget.mine.editedPending": "Your change will appear after review.",
    "widget.mine.email": "The email address you gave with your comments",
    "widget.mine.send": "Send me a link",
    "widget.mine.sent": (
        "If comments belong to this address, a link is on its way to your mailbox. It works "
        "once, for a day."
    ),
    # the testimonials widget (widget/testimonials.js); data-t-KEY replaces one
    "widget.testimonials.fail": "The stories could not be loaded.",
    "widget.testimonials.title": "What readers say",
    "widget.testimonials.empty": "No stories yet.",
    "widget.testimonials.read": "Read the whole story",
    "widget.testimonials.stars": "{n} out of 5 stars",
    "widget.testimonials.prev": "Previous",
    "widget.testimonials.next": "Next",
    "widget.testimonials.slide": "{n} of {m}",
    "widget.testimonials.label": "Stories from readers",
    "widget.testimonials.carousel": "carousel",
    "widget.testimonials.slideName": "slide",
    "widget.testimonials.policy": "How we handle stories",
    "widget.testimonials.report": "Report",
    "widget.testimonials.reportLabel": "Report the story by {n}",
    # the testimonials' honesty line (widget/summary.js): _one and _other by count
    "widget.summary.received_one": "{n} story received",
    "widget.summary.received_other": "{n} stories received",
    "widget.summary.published_one": "{n} published",
    "widget.summary.published_other": "{n} published",
    "widget.summary.average_one": "average {a} out of 5 from {n} rating",
    "widget.summary.average_other": "average {a} out of 5 from {n} ratings",
    # what a reader is told when the public API refuses a request (service/web/reader_text.py);
    # {max} is the limit the refusal names, {wait} how long to wait, in words
    "widget.report.title": "Report this comment",
    "widget.report.intro": "A person reads your report and decides what happens to it.",
    "widget.report.reason": "What is wrong with it?",
    "widget.report.illegal": "It is against the law",
    "widget.report.privacy": "It is about someone else without their consent (privacy)",
    "widget.report.spam": "It is spam or advertising",
    "widget.report.other": "Something else",
    "widget.report.message": "Explanation",
    "widget.report.email": "Your e-mail address (optional, only for an answer)",
    "widget.report.send": "Send report",
    "widget.report.cancel": "Cancel",
    "widget.report.sending": "Sending…",
    "widget.report.thanks": "Thank you. Your report was received.",
    "widget.report.fail": "That did not work. Please try again later.",
    "refusal.required": "Please fill in this field.",
    "refusal.too_long": "This is too long: at most {max} characters.",
    "refusal.too_many_lines": "This has too many lines.",
    "refusal.too_many_links": "Too many links.",
    "refusal.invalid_email": "Not a valid email address.",
    "refusal.invalid_domain": "This email domain does not exist.",
    "refusal.invalid_url": "Not a valid web address.",
    "refusal.control_character": "Contains characters that are not allowed.",
    "refusal.bidi_control": "Contains characters that are not allowed.",
    "refusal.reserved_name": "This name belongs to the owner of the site.",
    "refusal.duplicate": "This was already posted.",
    "refusal.expired": "The form had expired; please send it again.",
    "refusal.rate_limited": "Please wait: try again {wait}.",
    "refusal.edit_window_closed": "The time to edit this has passed.",
    "refusal.not_found": "This comment no longer exists.",
    "refusal.forbidden_origin": "Comments are not available here.",
    "refusal.unavailable": "This is not possible right now. Please try again in a few minutes.",
    "refusal.too_long_no_limit": "This is too long.",
    "refusal.about_a_field": "Please check this field.",
    "refusal.anything_else": "Something went wrong. Please try again later.",
    # how long a reader is asked to wait, in words (filled into {wait} above)
    "wait.seconds_one": "in 1 second",
    "wait.seconds_other": "in {n} seconds",
    "wait.minutes_other": "in {n} minutes",
    "wait.hours_other": "in {n} hours",
    # the owner's hints on a comment before it goes live (service/domain/hints.py, by code)
    "hint.phone": "Contains a phone number",
    "hint.email": "Contains an e-mail address",
    "hint.health_claim": "Health claim: check before using as a testimonial",
    "hint.medical": "Mentions medication or a diagnosis (special-category data)",
    "hint.links": "Contains links",
    "hint.shouting": "Lots of capitals or exclamation marks",
    # What a hint protects, said at the second look before publishing ("" where the hint says it).
    "hint_why.health_claim": (
        "If this story says that a product or treatment cures or treats a condition, your "
        "practice may not repeat that as advertising, and a testimonial on your homepage is "
        "advertising. That is the EU regulation on health claims (1924/2006) and the Dutch "
        "advertising codes for health products. The story may stay under the post; as a "
        "testimonial, better use only the sentences without the claim."
    ),
    # the name an anonymised comment keeps (service/owner.py)
    "owner.anonymous": "a reader",
    # the reader's own pages: managing their comments, mail about replies (web/reader_pages.py)
    "reader_page.manage_title": "Your comments",
    "reader_page.manage_intro": "These are the comments posted with {email}.",
    "reader_page.none": "There are no comments (left) with this address.",
    "reader_page.status_pending": "awaiting review",
    "reader_page.status_approved": "published",
    "reader_page.status_rejected": "not published",
    "reader_page.status_spam": "awaiting review",
    "reader_page.consent_given": "You agreed to show this as a testimonial.",
    "reader_page.withdraw": "Withdraw consent",
    "reader_page.delete": "Delete",
    "reader_page.delete_confirm": "Yes, delete this comment for good",
    "reader_page.edit": "Edit",
    "reader_page.save": "Save",
    "reader_page.edit_closed": "Editing is only possible shortly after posting.",
    "reader_page.done_withdraw_consent": (
        "Your consent is withdrawn; your story is no longer among the testimonials."
    ),
    "reader_page.done_delete": "Your comment was deleted.",
    "reader_page.done_edit": "Your comment was changed.",
    "reader_page.refused_edit_window_closed": "The time to edit has passed.",
    "reader_page.refused_not_found": "That comment is not (or no longer) this address's.",
    "reader_page.refused_other": "That did not work; check the text and try again.",
    "reader_page.invalid": (
        "This link is invalid, already used or expired. Ask for a new one in the comment form."
    ),
    "reader_page.confirm_title": "Mail about replies",
    "reader_page.confirm_ask": "Would you like a mail when someone replies to your comment?",
    "reader_page.confirm_button": "Yes, tell me",
    "reader_page.confirmed": (
        "Confirmed. You will get a mail when a reply appears (at most one an hour)."
    ),
    "reader_page.unsub_title": "No more mail",
    "reader_page.unsub_ask": "Stop mail about replies to this comment?",
    "reader_page.unsub_button": "Unsubscribe",
    "reader_page.unsubscribed": (
        "You are unsubscribed. You will get no more mail about this comment."
    ),
    "reader_page.back_to_site": "Back to {site}",
    "reader_page.report_title": "Report a comment",
    "reader_page.report_intro": (
        "Do you think this comment should not be here? Tell us why. A person reads your report "
        "and decides what happens to it."
    ),
    "reader_page.report_reason": "What is wrong with it?",
    "reader_page.report_reason_illegal": "It is against the law",
    "reader_page.report_reason_privacy": "It is about someone else without their consent (privacy)",
    "reader_page.report_reason_spam": "It is spam or advertising",
    "reader_page.report_reason_other": "Something else",
    "reader_page.report_message": "Explanation",
    "reader_page.report_message_hint": (
        "Why should this not be here? If it is unlawful: which rule."
    ),
    "reader_page.report_email": "Your e-mail address (optional)",
    "reader_page.report_email_hint": "Only for an answer about your report; we never publish it.",
    "reader_page.report_send": "Send report",
    "reader_page.report_thanks": (
        "Thank you. Your report was received; a person will look at it as soon as possible."
    ),
    "reader_page.report_gone": (
        "This comment is not (or no longer) online, so there is nothing to report."
    ),
    "reader_page.report_refused": "That did not work: {message}",
    "reader_page.report_policy": "How we handle stories",
    # months, for dates written out ("7 december 2026")
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    # --- admin pages: the moderation pages (service/web/admin*.py, templates/admin/) and
    # their script (static/admin.js gets every admin.* message, keyed without the prefix).
    # _one and _other by count; {max_pins} and the like are filled in where they are used.
    "admin.title_queue": "Review comments",
    "admin.title_login": "Log in",
    "admin.title_activity": "Activity",
    "admin.title_comment": "Comment #{id}",
    "admin.title_delete": "Delete comment?",
    "admin.title_error": "That did not work",
    "admin.brand": "Moderation",
    "admin.nav": "Main menu",
    "admin.nav_queue": "Comments",
    "admin.nav_activity": "Activity",
    "admin.nav_rules": "Rules",
    "admin.title_rules": "Your own rules",
    "admin.rules_intro": (
        "Words, phrases and link domains that send a new comment to spam or to the queue. Case, "
        "spacing and invisible characters do not matter."
    ),
    "admin.rule_kind": "Kind",
    "admin.rule_kind_word": "Word",
    "admin.rule_kind_phrase": "Phrase",
    "admin.rule_kind_domain": "Link domain",
    "admin.rule_value": "Text or domain",
    "admin.rule_action": "Then",
    "admin.rule_action_spam": "Send to spam",
    "admin.rule_action_queue": "Hold for review",
    "admin.rule_add": "Add rule",
    "admin.rule_delete": "Delete",
    "admin.no_rules": "No rules of your own yet.",
    "admin.log_intake": "Held by a rule",
    "admin.log_intake_rule": "rule ({kind}): {value}",
    "admin.actor_rules": "Your rules",
    "admin.error_rule_exists": "That rule exists already.",
    "admin.error_invalid_domain": "Give a domain such as spam.example.",
    "admin.error_not_a_word": "A word rule is one word; choose Phrase for more words.",
    "admin.error_too_many_rules": "There are too many rules; delete a few first.",
    "admin.logout": "Log out",
    "admin.skip": "Skip to content",
    "admin.shortcuts_button": "Shortcuts",
    "admin.password": "Password",
    "admin.login": "Log in",
    "admin.login_intro": "Log in to review comments.",
    "admin.login_wrong": "That password is not right.",
    "admin.login_locked_one": "Too many failed attempts. Try again in 1 minute.",
    "admin.login_locked_other": "Too many failed attempts. Try again in {n} minutes.",
    "admin.login_no_password": "No password has been set yet. Set one with: make admin-password",
    "admin.logged_out": "You are logged out.",
    "admin.tabs": "Status",
    "admin.tab_pending": "To review",
    "admin.tab_approved": "Approved",
    "admin.tab_testimonials": "Testimonials",
    "admin.tab_spam": "Spam",
    "admin.tab_rejected": "Rejected",
    "admin.tab_all": "All",
    "admin.filters": "Filter",
    "admin.filter_page": "Page",
    "admin.filter_all_pages": "All pages",
    "admin.filter_search": "Search name, text, e-mail and page",
    "admin.filter_order": "Order",
    "admin.order_newest": "Newest first",
    "admin.order_oldest": "Oldest first",
    "admin.filter_apply": "Apply",
    "admin.filter_clear": "Clear",
    "admin.empty_pending": "Nothing to review. You are all caught up.",
    "admin.empty_pending_next": "New comments appear here as soon as readers post them.",
    "admin.empty": "No comments found.",
    "admin.empty_next": "Choose another tab, or clear the filter.",
    "admin.showing": "{first}–{last} of {total}",
    "admin.pagination": "Pagination",
    "admin.previous": "Previous",
    "admin.next": "Next",
    "admin.status_pending": "To review",
    "admin.status_approved": "Approved",
    "admin.status_rejected": "Rejected",
    "admin.status_spam": "Spam",
    "admin.testimonial": "Testimonial",
    "admin.owner_reply": "Your reply",
    "admin.on_page": "on",
    "admin.rating": "{n} out of 5 stars",
    "admin.consent_yes": "Consented to testimonial use (version {version}, {date})",
    "admin.consent_no": "No consent for testimonial use",
    "admin.consent_withdrawn": "Consent withdrawn by the author ({date})",
    "admin.in_reply_to": "Reply to {author}:",
    "admin.parent_gone": "Reply to a comment that no longer exists.",
    "admin.excerpt_shown": "Passage shown:",
    "admin.hints": "Check",
    "admin.select": "Select comment by {author}",
    "admin.actions": "Actions for comment by {author}",
    "admin.approve": "Approve",
    "admin.reject": "Reject",
    "admin.spam": "Spam",
    "admin.restore": "Restore",
    "admin.delete": "Delete",
    "admin.demote": "Remove testimonial",
    "admin.pin": "Pin to top",
    "admin.unpin": "Unpin",
    "admin.pinned": "Pinned",
    "admin.pin_help": (
        "Pinned testimonials come first, the latest pinned on top (at most {limit}); the rest "
        "follow, newest first."
    ),
    "admin.promote": "Make testimonial",
    "admin.reply": "Reply",
    "admin.promote_no_consent": "Not possible: the author did not agree to testimonial use.",
    "admin.promote_withdrawn": "Not possible: the author withdrew consent ({date}).",
    "admin.promote_not_approved": "Approve the comment first to make it a testimonial.",
    "admin.excerpt_label": "Passage for the testimonial",
    "admin.excerpt_help": (
        "Delete words at the start or end, or select part of the text (in the comment or in this "
        "box) and choose ‘Use selection’. You cannot rewrite: it stays in the author's own words."
    ),
    "admin.use_selection": "Use selection",
    "admin.use_whole": "Whole text",
    "admin.excerpt_invalid": "This is not a passage of the text. Rewriting is not possible.",
    "admin.excerpt_no_selection": "First select some text, in the comment or in the text box.",
    "admin.preview": "It will read:",
    "admin.promote_submit": "Make testimonial",
    "admin.reply_label": "Your reply (published at once under your name)",
    "admin.reply_submit": "Post reply",
    "admin.redact": "Redact",
    "admin.redact_label": "Redacted text",
    "admin.redact_help": (
        "Replace what must go (a phone number, a surname) by […]: select it (in the comment or in "
        "this box) and choose ‘Cut selection’, or type [...] in its place yourself. You can only "
        "remove, never add or reword. After saving you can undo it for {seconds} seconds; then the "
        "cut text is gone for good."
    ),
    "admin.cut_selection": "Cut selection",
    "admin.redact_no_selection": "First select what must go, in the comment or in the text box.",
    "admin.redact_submit": "Save redaction",
    "admin.bulk": "Several at once",
    "admin.select_all": "Select all on this page",
    "admin.selected": "{n} selected",
    "admin.with_selected": "With selected:",
    "admin.bulk_approve": "Approve selected",
    "admin.bulk_reject": "Reject selected",
    "admin.bulk_spam": "Spam selected",
    "admin.bulk_none": "First select one or more comments.",
    "admin.done_approve": "Approved.",
    "admin.done_reject": "Rejected.",
    "admin.done_spam": "Moved to spam.",
    "admin.done_restore": "Moved back to review.",
    "admin.done_demote": "No longer a testimonial.",
    "admin.done_pin": "Pinned to the top.",
    "admin.done_unpin": "No longer pinned.",
    "admin.done_promote": "Testimonial made.",
    "admin.done_reply": "Reply posted.",
    "admin.done_redact": "Redacted.",
    "admin.done_delete": "Deleted.",
    "admin.done_undo": "Undone.",
    "admin.done_bulk_one": "1 comment updated.",
    "admin.done_bulk_other": "{n} comments updated.",
    "admin.undo": "Undo",
    "admin.undo_row": "Undo: {what} on #{id}",
    "admin.dismiss": "Dismiss",
    "admin.not_here": "That action is not available for this comment.",
    "admin.failed": "That did not work. Reload the page and try again.",
    "admin.delete_question": "Delete this comment for good? This cannot be undone.",
    "admin.delete_confirm": "Yes, delete",
    "admin.cancel": "Cancel",
    "admin.back": "Back to the comments",
    "admin.shortcuts": "Keyboard shortcuts",
    "admin.key_next": "Next comment",
    "admin.key_prev": "Previous comment",
    "admin.key_approve": "Approve",
    "admin.key_reject": "Reject",
    "admin.key_spam": "Spam",
    "admin.key_select": "Select",
    "admin.key_help": "Show this help",
    "admin.close": "Close",
    "admin.activity_intro": "Who did what, when, to which comment.",
    "admin.col_when": "When",
    "admin.col_who": "Who",
    "admin.col_what": "What",
    "admin.col_comment": "Comment",
    "admin.actor_owner": "You",
    "admin.actor_api": "API token (the owner's)",
    "admin.actor_author": "The author",
    "admin.actor_mail": "You, by e-mail",
    "admin.actor_other": "Unknown ({actor})",
    "admin.log_approve": "approved #{id}",
    "admin.log_reject": "rejected #{id}",
    "admin.log_spam": "marked #{id} as spam",
    "admin.log_restore": "moved #{id} back to review",
    "admin.log_promote": "made #{id} a testimonial",
    "admin.log_demote": "took #{id} off the testimonials",
    "admin.log_pin": "pinned #{id} to the top",
    "admin.log_unpin": "unpinned #{id}",
    "admin.log_delete": "deleted #{id}",
    "admin.log_reply": "replied to #{id}",
    "admin.log_reply_detail": "your reply is #{reply}",
    "admin.log_redact": "redacted #{id}",
    "admin.log_redact_cuts_one": "1 passage cut",
    "admin.log_redact_cuts_other": "{n} passages cut",
    "admin.log_undo": "undid a change to #{id}",
    "admin.log_undo_status": "put back the status of #{id}",
    "admin.log_undo_promote": "undid the testimonial of #{id}",
    "admin.log_undo_demote": "made #{id} a testimonial again",
    "admin.log_undo_reply": "took back the reply to #{id}",
    "admin.log_undo_redact": "put back the cut text of #{id}",
    "admin.log_withdraw_consent": "withdrew consent for #{id}",
    "admin.log_edit": "edited #{id}",
    "admin.log_other": "an unknown action ({action}) on #{id}",
    # reports (DSA art. 16) and statements of reasons (art. 17)
    "admin.tab_reported": "Reported",
    "admin.title_reports": "Reported comments",
    "admin.reports_intro": (
        "Readers reported these published comments. Read the reports and decide: keep, take "
        "offline or delete. Your decision answers every report about that comment."
    ),
    "admin.reports_count_one": "1 report",
    "admin.reports_count_other": "{n} reports",
    "admin.report_reason_illegal": "Against the law",
    "admin.report_reason_privacy": "Someone else's privacy",
    "admin.report_reason_spam": "Spam",
    "admin.report_reason_other": "Something else",
    "admin.report_by": "From {email}",
    "admin.report_by_nobody": "No e-mail address",
    "admin.report_on": "Reported on {date}",
    "admin.decide_dismiss": "Dismiss report",
    "admin.decide_unpublish": "Take offline",
    "admin.decide_delete": "Delete",
    "admin.done_report_dismiss": "Report dismissed; the comment stays.",
    "admin.done_report_unpublish": "The comment was taken offline.",
    "admin.done_report_delete": "The comment was deleted.",
    "admin.empty_reports": "No open reports.",
    "admin.reason_label": "Reason for the writer",
    "admin.reason_none": "No reason: no mail",
    "admin.reason_privacy": "Personal details",
    "admin.reason_spam": "Spam or advertising",
    "admin.reason_off_topic": "Off topic",
    "admin.reason_health_claim": "Health claim",
    "admin.reason_illegal": "Against the law",
    "admin.reason_note_label": "Your own note (optional)",
    "admin.reason_hint": (
        "With a reason, rejecting or deleting mails the writer your decision and why (as the EU's "
        "DSA asks). Without one, nothing is sent."
    ),
    "admin.log_report_dismissed": "dismissed a report about #{id}",
    "admin.log_report_unpublished": "took #{id} offline after a report",
    "admin.log_report_deleted": "deleted #{id} after a report",
    "admin.log_reports_one": "1 report",
    "admin.log_reports_other": "{n} reports",
    "admin.comment_deleted": "(deleted)",
    "admin.older": "Older activity",
    "admin.no_activity": "No activity yet.",
    "admin.error_csrf": (
        "This request did not come from the moderation page. Go back and try again."
    ),
    "admin.error_not_found": "That comment does not exist (any more).",
    "admin.error_conflict": "The comment has changed in the meantime. Reload the page.",
    "admin.error_not_in_text": "The passage must come word for word from the text.",
    "admin.error_no_consent": "The author did not agree to testimonial use.",
    "admin.error_consent_withdrawn": "The author withdrew consent to testimonial use.",
    "admin.error_not_approved": "Only approved comments can become testimonials.",
    "admin.error_too_many_pins": "At most {max_pins} testimonials can be pinned. Unpin one first.",
    "admin.error_not_testimonial": "Only a published testimonial can be pinned to the top.",
    "admin.error_not_published": "Approve the comment first to reply to it.",
    "admin.error_duplicate": "You already posted this reply.",
    "admin.error_no_cut": "Put […] wherever you cut something; the text has no […] yet.",
    "admin.error_not_a_redaction": (
        "You can only remove passages: what is left must stand word for word, in the same order, "
        "in the original text."
    ),
    "admin.error_required": "Please fill in this field.",
    "admin.error_too_long": "That text is too long.",
    "admin.error_invalid": "That request is not valid.",
    "admin.error_generic": "Something went wrong. Go back and try again.",
    "admin.error_undo_expired": "This can no longer be undone.",
    # appearance
    "admin.theme_dark": "Dark",
    # one-click links in the e-mail notice
    "admin.title_mail": "Review comment",
    "admin.mail_question": "Do you want to {verb} this comment by {author}?",
    "admin.mail_verb_approve": "approve",
    "admin.mail_verb_reject": "reject",
    "admin.mail_verb_spam": "mark as spam",
    "admin.mail_handled": (
        "This comment has already been reviewed; this link does nothing any more."
    ),
    "admin.error_invalid_link": (
        "This link is invalid or has expired. Log in to review the comment."
    ),
    # Moving in and out (import, export) and the read-only settings page.
    "admin.nav_move": "Import and export",
    "admin.nav_settings": "Settings",
    "admin.title_move": "Import and export",
    "admin.move_intro": (
        "Bring your comments from WordPress, Disqus or Isso, or restore a Chorus export. Importing "
        "the same file twice adds nothing."
    ),
    "admin.import_title": "Import comments",
    "admin.import_file": "Export file",
    "admin.import_source": "Comes from",
    "admin.source_wordpress": "WordPress (WXR export, .xml)",
    "admin.source_disqus": "Disqus (XML export)",
    "admin.source_isso": "Isso (database, comments.db)",
    "admin.source_chorus": "Chorus (JSON export)",
    "admin.import_page_map": "Map old addresses (optional, one rule a line: /old/=/new/)",
    "admin.import_dry_run": "Only count, change nothing",
    "admin.import_start": "Import",
    "admin.import_noscript": (
        "Importing from this page needs JavaScript. Without it, use: python -m service import "
        "wordpress file.xml"
    ),
    "admin.import_uploading": "Sending the file… {percent}%",
    "admin.import_writing": "Saving comments… {done} of {total}",
    "admin.import_done_one": "Imported {imported} of 1 comment.",
    "admin.import_done_other": "Imported {imported} of {n} comments.",
    "admin.import_done_dry_one": (
        "Dry run, nothing was changed. To import: {imported} of 1 comment."
    ),
    "admin.import_done_dry_other": (
        "Dry run, nothing was changed. To import: {imported} of {n} comments."
    ),
    "admin.import_failed": "Not imported: {message} Nothing was changed.",
    "admin.import_skipped": "Skipped ({reason}): {n}",
    "admin.import_status": "{status}: {n}",
    "admin.import_detail": "Details: {message}",
    "admin.import_error_unreadable_file": (
        "this file is not an export from the chosen source, or it is damaged."
    ),
    "admin.import_error_too_large": "the file is too large.",
    "admin.import_error_timeout": "the file arrived too slowly.",
    "admin.import_error_unauthorized": "you are logged out. Log in again and try once more.",
    "admin.import_error_csrf": "this page has expired. Reload it and try once more.",
    "admin.import_error_page_map": (
        "a rule under ‘Map old addresses’ is not right; write /old/=/new/."
    ),
    "admin.import_error_internal": "something went wrong while saving.",
    "admin.skip_already_imported": "already imported",
    "admin.skip_pingback": "pingback",
    "admin.skip_trackback": "trackback",
    "admin.skip_other_type": "another kind of post",
    "admin.skip_unreadable": "unreadable",
    "admin.skip_deleted": "deleted",
    "admin.skip_empty": "empty",
    "admin.skip_too_long": "too long",
    "admin.skip_log_of_deleted_comments": "log of deleted comments",
    "admin.skip_bad_date": "no valid date",
    "admin.skip_no_page": "no page",
    "admin.skip_unknown_status": "unknown status",
    "admin.skip_testimonial_excerpt_not_in_text": (
        "imported, but not as a testimonial: the excerpt is not in the text as given"
    ),
    "admin.skip_testimonial_without_consent": "imported, but not as a testimonial: no consent",
    "admin.skip_testimonial_not_approved": (
        "imported, but not as a testimonial: not approved, or your own"
    ),
    "admin.export_title": "Export",
    "admin.export_intro": (
        "Everything Chorus keeps is yours. Keep an export as a backup or to move."
    ),
    "admin.export_json": "Everything as JSON",
    "admin.export_csv": "Testimonials as CSV",
    "admin.title_settings": "Settings",
    "admin.settings_intro": "How Chorus runs now. Change these in the .env file, then restart.",
    "admin.settings_moderation": "Moderation (MODERATION)",
    "admin.settings_origins": "Sites that may embed (ALLOWED_ORIGINS)",
    "admin.settings_origins_none": "None, only Chorus itself",
    "admin.settings_public_url": "Address (PUBLIC_URL)",
    "admin.settings_database": "Database",
    "admin.settings_version": "Version",
    "admin.settings_mail": "E-mail",
    "admin.settings_mail_off": "Off (set NOTIFY_EMAIL and SMTP_HOST)",
    "admin.settings_mail_to": "Notices to",
    "admin.settings_mail_server": "Mail server",
    "admin.settings_mail_from": "Sender",
    "admin.settings_mail_login": "Login name",
    "admin.settings_last_error": "Last mail error",
    "admin.settings_no_error": "None",
    "admin.settings_test_mail": "Send a test mail",
    "admin.done_test_mail": "Test mail sent.",
    "admin.done_test_mail_failed": "The test mail could not be sent; see the last mail error.",
    "admin.title_confirm_hints": "One more look",
    "admin.confirm_hints_moderate": (
        "This comment holds something you may not want online. Check it; approving puts it on the "
        "website as it is:"
    ),
    "admin.confirm_hints_promote": (
        "This passage goes onto the homepage and into the feeds as a testimonial. It holds:"
    ),
    "admin.confirm_hints_mail": "Note, this comment holds:",
    "admin.confirm_hints_submit_moderate": "Approve anyway",
    "admin.confirm_hints_submit_promote": "Make it a testimonial anyway",
    "admin.confirm_hints_ask": "This comment holds: {hints}. Publish it anyway?",
    "admin.confirm_hints_reply": (
        "Your reply appears under the comment at once, under your name. Check that this may be in "
        "it:"
    ),
    "admin.confirm_hints_submit_reply": "Post the reply anyway",
    "admin.confirm_hints_your_reply": "Your reply",
    "admin.confirm_hints_reply_ask": "Your reply holds: {hints}. Post it anyway?",
    "admin.confirm_hints_without_claim": "The sentences without the claim, as the passage:",
    "admin.confirm_hints_use_without_claim": "Use only these sentences as the testimonial",
    "admin.confirm_hints_claim_offer": (
        "{why}\n\nUse only the sentences without the claim as the passage?"
    ),
    "admin.done_without_claim": (
        "Passage without the claim chosen. Check it and choose ‘Make testimonial’."
    ),
    "admin.bulk_skipped_one": (
        "1 skipped: it holds personal data or a health claim; approve it on its own."
    ),
    "admin.bulk_skipped_other": (
        "{n} skipped: they hold personal data or a health claim; approve them one by one."
    ),
    "admin.error_confirm_hints": (
        "This comment holds personal data or a health claim; confirm that first."
    ),
    "admin.error_drops_negation": (
        "That cut drops a negation (such as ‘not’ or ‘no’) from a sentence that stays, which can "
        "turn its meaning around. Keep the word or cut the whole sentence."
    ),
    "admin.error_partial_word": "Start and end the passage with whole words.",
    "admin.mail_changed": (
        "This comment has changed since the e-mail was sent; this link does nothing any more. Open "
        "the moderation page to review it."
    ),
    "admin.error_changed_since": (
        "This comment changed after you read it, so nothing was published. Read the new text below "
        "and decide again."
    ),
    "admin.bulk_changed_since_one": (
        "1 not approved: its text changed after you read it; read it again."
    ),
    "admin.bulk_changed_since_other": (
        "{n} not approved: their text changed after you read them; read them again."
    ),
    "admin.log_edit_page": "edited the page of #{id}",
    "admin.nav_pages": "Pages",
    "admin.title_pages": "Pages",
    "admin.pages_intro": (
        "The title and address that testimonials and feeds link a story to. A page's first comment "
        "fills them in; after that only you change them."
    ),
    "admin.page_title_label": "Title",
    "admin.page_url_label": "Address (https://…)",
    "admin.page_key": "Page key: {key}",
    "admin.page_save": "Save",
    "admin.no_pages": "No pages with comments yet.",
    "admin.done_page": "Page saved.",
    # A reader's privacy request: find, export and erase everything tied to an e-mail address.
    "admin.nav_privacy": "Privacy",
    "admin.title_privacy": "Privacy request",
    "admin.privacy_intro": (
        "A reader asks what Chorus keeps about them, or asks you to erase it all? Find it by "
        "e-mail address, send the JSON file, and erase."
    ),
    "admin.privacy_email": "The reader's e-mail address",
    "admin.privacy_find": "Find",
    "admin.privacy_found": "Found for {email}",
    "admin.privacy_nothing": (
        "Nothing found for {email}: no comments, consents, reply notices or log rows."
    ),
    "admin.privacy_comments": "Comments",
    "admin.privacy_consents": "Consents to testimonial use",
    "admin.privacy_subscriptions": "Reply notices",
    "admin.privacy_log": "Moderation log",
    "admin.privacy_no_consents": "No consent given.",
    "admin.privacy_no_subscriptions": "No reply notices asked for.",
    "admin.privacy_no_log": "No log rows.",
    "admin.col_page": "Page",
    "admin.col_status": "Status",
    "admin.col_text": "Text",
    "admin.col_version": "Wording version",
    "admin.col_given": "Given",
    "admin.col_state": "Consent now",
    "admin.col_since": "Since",
    "admin.col_confirmation": "Confirmation",
    "admin.consent_in_force": "In force",
    "admin.consent_withdrawn_on": "Withdrawn on {date}",
    "admin.consent_not_given": "Not given",
    "admin.subscription_confirmed": "Confirmed on {date}",
    "admin.subscription_unconfirmed": "Not confirmed",
    "admin.privacy_export": "Download JSON",
    "admin.privacy_export_help": "Everything above in one file, to send to the reader.",
    "admin.privacy_erase_title": "Erase",
    "admin.privacy_erase_intro": (
        "Erases this address's comments (or keeps them without a name), its reply notices, manage "
        "links, queued mail and those comments' log rows. The log keeps only that an erasure "
        "happened."
    ),
    "admin.privacy_how": "What happens to the comments?",
    "admin.privacy_keep_delete": "Delete the comments",
    "admin.privacy_keep_anonymised": (
        "Keep the comments as ‘a reader’, with no name, e-mail address, website or consent"
    ),
    "admin.privacy_confirm": "I understand that erasing cannot be undone.",
    "admin.privacy_erase_button": "Erase everything of this address",
    "admin.privacy_erased": "Erased",
    "admin.privacy_erased_note": "The log keeps only that an erasure happened, not the address.",
    "admin.privacy_erased_deleted_one": "1 comment deleted",
    "admin.privacy_erased_deleted_other": "{n} comments deleted",
    "admin.privacy_erased_anonymised_one": "1 comment kept as ‘a reader’",
    "admin.privacy_erased_anonymised_other": "{n} comments kept as ‘a reader’",
    "admin.privacy_erased_subscriptions_one": "1 reply notice stopped",
    "admin.privacy_erased_subscriptions_other": "{n} reply notices stopped",
    "admin.privacy_erased_log_one": "1 log row erased",
    "admin.privacy_erased_log_other": "{n} log rows erased",
    "admin.privacy_error_email": "Give a valid e-mail address, such as reader@example.com.",
    "admin.privacy_error_keep_anonymised": "Choose what happens to the comments.",
    "admin.privacy_error_confirm": "Tick the box to say you understand erasing cannot be undone.",
    "admin.log_erase": "erased a reader's data",
    "admin.no_comment": "none",
    # months in short, for the moderation pages' dates ("7 dec 2026 15:05 CET")
    "month_short.1": "Jan",
    "month_short.2": "Feb",
    "month_short.3": "Mar",
    "month_short.4": "Apr",
    "month_short.5": "May",
    "month_short.6": "Jun",
    "month_short.7": "Jul",
    "month_short.8": "Aug",
    "month_short.9": "Sep",
    "month_short.10": "Oct",
    "month_short.11": "Nov",
    "month_short.12": "Dec",
    # --- the review policy page (/reviews/policy, service/web/policy.py)
    "policy.title": "How we handle stories",
    "policy.figures": "The figures",
    "policy.version": "Version {version}, last changed on {date}.",
    "policy.the_website": "the website",
    "policy.who.heading": "Who can share a story",
    "policy.who.anyone": (
        "Anyone who reads a blog post on {site} can comment under it. Whoever ticks the box that "
        "lets the comment be shown as a testimonial shares a story. Only such stories can appear "
        "among the testimonials, and only when {owner} chooses them herself."
    ),
    "policy.who.unchecked": (
        "For a comment or a story from the page for stories, {site} does not check whether the "
        "writer really was a client: anyone can post one. Such a story is a reader's experience, "
        "not a verified client review."
    ),
    "policy.who.imported": (
        "Some of the comments were moved over from the comment system the site used before; they "
        "stand as they were posted then."
    ),
    "policy.checked.heading": "What we check before anything appears",
    "policy.checked.all": (
        "Every comment is read by a person before it appears. Until then only its writer sees it."
    ),
    "policy.checked.first": (
        "Someone's first comment is read by a person before it appears. Once a comment from the "
        "same browser has been approved, a new one appears at once; we still read it afterwards "
        "and take it down if it does not meet the rules."
    ),
    "policy.checked.none": (
        "Comments appear under the post at once, before anyone reads them. We read them "
        "afterwards and take down what does not meet the rules."
    ),
    "policy.checked.spam": (
        "A spam filter holds back suspicious comments until someone looks at them. A story "
        "appears among the testimonials only with your consent, and only after {owner} has read "
        "and chosen it."
    ),
    "policy.refused.heading": "Why a story is not published",
    "policy.refused.intro": "We do not publish a story, or not as a testimonial, when it:",
    "policy.refused.privacy": (
        "names personal details, yours or someone else's (such as a phone number or an e-mail "
        "address);"
    ),
    "policy.refused.spam": "is spam or advertising;",
    "policy.refused.off_topic": "is not about the subject or the practice;",
    "policy.refused.unlawful": (
        "is against the law, for example because it insults or threatens someone;"
    ),
    "policy.refused.health": (
        "says that a treatment or product cures or treats an illness or complaint. The rules on "
        "health claims do not let the practice repeat such a claim in its advertising. Your "
        "comment can stay under the post, but it does not go among the testimonials, or only a "
        "part without the claim."
    ),
    "policy.stars.heading": "Stars and the average",
    "policy.stars.equal": (
        "You can give your story 1 to 5 stars. A one-star story is treated exactly like a "
        "five-star one: nothing here filters or sorts by rating, and a low rating is never a "
        "reason not to publish a story."
    ),
    "policy.stars.average": (
        "The average is the plain mean of all ratings on the published stories, the low ones as "
        "much as the high ones. We show it only from {least} ratings on, and always with the "
        "number it was computed from."
    ),
    "policy.stars.none": "Stories carry no stars, so there is no average either.",
    "policy.report.heading": "Reporting a story",
    "policy.report.how": (
        "Is a story untrue, is it about you, or do you think it should not be there? Choose "
        "'Report' beside the story and say what is wrong with it and why. You can also write to "
        "{owner} at {contact}, naming the page and the story. A person reads every report and "
        "decides what happens to it."
    ),
    "policy.report.reasons": (
        "When we take a comment down or do not publish it, and its writer left an e-mail address,"
        " they get a mail saying what we decided, why, and how to answer. Such a decision is "
        "always made by a person."
    ),
    "policy.consent.heading": "Withdrawing your consent",
    "policy.consent.how": (
        "Ask for a link to your comments in the comment form under a post (through 'Manage my "
        "comments'); it is mailed to the address you commented with. There you withdraw your "
        "consent: your story leaves the testimonials at once. You can also delete your comment "
        "there."
    ),
    "policy.extra.heading": "From {owner}",
    "policy.figures.counts": (
        "Stories received: {received} · published: {published} · not published for privacy "
        "reasons: {privacy} · spam: {spam}."
    ),
    "policy.figures.not_yet": (
        "{counts} Average rating: not shown yet (number of ratings: {n}; we show it from {least} "
        "on)."
    ),
    "policy.figures.average": (
        "{counts} Average rating: {average} out of 5 (number of ratings: {n})."
    ),
    # -- WordPress: imports and the plugin's counts (issue 28) --
    # the name of an imported comment that had none
    "import.anonymous": "Anonymous",
    # --- mails (service/notify/): a body's last line break is added where it is sent
    # the owner's notice of a new comment, in ADMIN_LANG (service/notify/owner_mail.py)
    "mail.owner.subject_pending": "New comment from {author} to review",
    "mail.owner.subject_approved": "New comment from {author}",
    "mail.owner.wrote": "{author} wrote under “{page}”:",
    "mail.owner.review": "Review it: {url}",
    "mail.owner.action_approve": "Approve",
    "mail.owner.action_reject": "Reject",
    "mail.owner.action_spam": "Spam",
    # one one-click link of the notice: the action's name, then its address
    "mail.owner.action_line": "{action}: {url}",
    # what the owner needs to decide from the notice, above its links
    "mail.fact.rating": "Rating: {stars} ({n} out of 5)",
    "mail.fact.no_rating": "Rating: none",
    "mail.fact.consent": "Consent to testimonial use: yes (version {version})",
    "mail.fact.no_consent": "Consent to testimonial use: no",
    "mail.fact.email": "Author's e-mail: {email}",
    "mail.fact.no_email": "Author's e-mail: not given",
    "mail.fact.page": "Page: {page}",
    "mail.fact.reply_to": "A reply to the comment by {author}",
    "mail.fact.hints": "Check: {hints}",
    # the owner's notices folded into one mail under a flood
    "mail.digest.subject": "{n} more new comments in one mail",
    "mail.digest.intro": (
        "Many comments arrived at once. To spare your inbox, these {n} are in one mail:"
    ),
    "mail.digest.line": "- {author} under “{page}” ({status})",
    "mail.digest.more": "… and {n} more",
    "mail.digest.status_pending": "waiting for you",
    "mail.digest.status_approved": "published",
    "mail.digest.status_gone": "no longer in the queue",
    # the settings page's test mail
    "mail.test.subject": "Test mail from {site}",
    "mail.test.body": "Mail from {url} works.",
    # mail to readers, in the comment's language (service/notify/reader_mail.py). Mail to an
    # address nobody confirmed names only what the owner wrote: never a poster's words.
    "mail.reader.manage_subject": "Manage your comments on {site}",
    "mail.reader.manage": (
        "Someone (hopefully you) asked to manage your comments on {site}.\n"
        "This link shows them and lets you edit them, withdraw your consent or delete them. It "
        "works once per action and expires within a day:\n"
        "\n"
        "{url}\n"
        "\n"
        "Did not ask for this? Then you can ignore this mail."
    ),
    "mail.reader.confirm_subject": "Confirm mail about replies on {site}",
    "mail.reader.confirm": (
        "Someone (hopefully you) asked to be told when a comment on {site} ({home}) gets a reply.\n"
        "Confirm it with this link:\n"
        "\n"
        "{url}\n"
        "\n"
        "Did not ask for this? Ignore this mail and you will get nothing."
    ),
    "mail.reader.reply_subject": "New reply to your comment on {site}",
    "mail.reader.reply": (
        "{author} replied to your comment under “{page}”:\n\n{quote}\n\nRead it here: {url}"
    ),
    "mail.reader.stop": "No more mail about replies: {url}",
    "mail.reader.statement_subject": "About your comment on {site}",
    "mail.reader.statement": (
        "Your comment of {date} on {site} ({home}) was {decision}.\n"
        "\n"
        "Why: {reason}\n"
        "{note}\n"
        "A person made this decision ({owner}), not an automated system. How we handle comments: "
        "{policy}\n"
        "\n"
        "Do you disagree, or would you like to explain? Reply to this mail and we will look at it "
        "again."
    ),
    "mail.reader.statement_note": "Note: {note}",
    "mail.reader.decision_rejected": "not published",
    "mail.reader.decision_unpublished": "taken offline",
    "mail.reader.decision_deleted": "deleted",
    "mail.reader.grounds_privacy": "it names personal details, the writer's or someone else's.",
    "mail.reader.grounds_spam": "it is spam or advertising.",
    "mail.reader.grounds_off_topic": "it is not about the subject or the practice.",
    "mail.reader.grounds_health_claim": (
        "it says that a treatment or product cures or treats an illness or complaint, and the "
        "practice may not repeat such a claim in its advertising."
    ),
    "mail.reader.grounds_illegal": "it is against the law.",
    "mail.reader.report_ack_subject": "Your report on {site} was received",
    "mail.reader.report_ack": (
        "We received your report about a comment on {site} ({home}). A person will look at it and "
        "decide what happens to it."
    ),
    # --- names on testimonials and consent given again (service/domain/display_names.py) ---
    "name.client": "a client",
    "admin.log_display_name": "changed the name shown on #{id}",
    "admin.log_undo_display_name": "put back the name shown on #{id}",
    "hint.full_name": "Names someone in full",
    "widget.mine.withdrawSure": "Your story leaves the homepage. Sure?",
    "widget.mine.give": "Give consent",
    "widget.mine.giveLabel": "Give your consent again to show this as a testimonial",
    "widget.mine.given": "Thank you! Your story may be shown as a testimonial again.",
    "reader_page.no_consent": "This is not shown as a testimonial.",
    "reader_page.give_consent": (
        "Give consent: my story may be shown as a testimonial on this website"
    ),
    "reader_page.done_give_consent": (
        "Thank you! Your consent is recorded; your story can be shown as a testimonial again."
    ),
    "mail.reader.ask_consent_subject": "May your story be shown on {site} again?",
    "mail.reader.ask_consent": (
        "{owner} of {site} ({home}) asks whether your story of {date} under ‘{page}’ may be "
        "shown as a testimonial on the website again.\n"
        "This link shows your comments and lets you give your consent again, or not. It works "
        "once per action and expires within a day:\n"
        "\n"
        "{url}\n"
        "\n"
        "Rather not? Then you need not do anything: without your consent it stays as it is."
    ),
    "admin.name_shown": "Name shown",
    "admin.name_shown_help": (
        "Shown now as: {name}. Only shorten it: leave words out or cut them to an initial."
    ),
    "admin.name_choose": "Choose how the name appears",
    "admin.name_style_full": "in full",
    "admin.name_style_first_initial": "first name and initial",
    "admin.name_style_initials": "initials",
    "admin.name_style_client": "no name",
    "admin.name_default": "Default (first name and initial)",
    "admin.name_other": "Or type a shortening of the name",
    "admin.name_submit": "Save name",
    "admin.done_display_name": "The name shown on the testimonial was changed.",
    "admin.error_not_a_shortening": (
        "Not possible: only a shortening of the author's own name, or ‘a client’."
    ),
    "admin.ask_consent": "Ask for consent again",
    "admin.done_ask_consent": "The request for consent goes to the author by mail.",
    "admin.error_no_address": "The author left no e-mail address.",
    "admin.error_address_unconfirmed": (
        "The author never confirmed this e-mail address, so Chorus does not mail it."
    ),
    "admin.error_mail_off": "Chorus cannot mail readers (no mail server is set up).",
    "admin.error_consent_given": "The author consents already.",
    "admin.error_not_a_story": "Only a reader's story can carry consent.",
    "admin.log_ask_consent": "asked the author of #{id} for consent",
    "admin.log_give_consent": "gave consent again for #{id}",
    # --- webhooks ---
    "admin.webhooks.chat_comment_created": (
        "New comment by {author} on “{page}” ({status}): {words}\nSee the queue: {url}"
    ),
    "admin.webhooks.chat_comment_status_changed": (
        "The comment by {author} on “{page}” is now {status}: {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_published": (
        "The story by {author} is now among the testimonials: {words}\n{url}"
    ),
    "admin.webhooks.chat_testimonial_withdrawn": (
        "The story by {author} is no longer among the testimonials: {words}\n{url}"
    ),
    "admin.webhooks.chat_report_created": (
        "Someone reports the comment by {author} on “{page}”: {words}\nSee the reports: {url}"
    ),
    "admin.webhooks.chat_invite_answered": ("{author} answered your invitation: {words}\n{url}"),
    "admin.webhooks.chat_webhook_test": (
        "A test message from Chorus: this integration works.\n{url}"
    ),
    "admin.webhooks.chat_other": "Chorus said: {event}\n{url}",
    "admin.webhooks.status_pending": "waiting for review",
    "admin.webhooks.status_approved": "published",
    "admin.webhooks.status_rejected": "rejected",
    "admin.webhooks.status_spam": "marked as spam",
    "admin.webhooks.test_message": "A test message from Chorus: this integration works.",
    "admin.webhooks.ntfy_open": "Open",
    "mail.webhook_paused.subject": "An integration of {site} is paused",
    "mail.webhook_paused.body": (
        "Chorus could not deliver a message to {url} after trying for over a day, and has paused "
        "that integration. What happens from now on waits until you resume it: {page}"
    ),
    # --- accounts, roles and the second factor ---
    "admin.actor_account": "{name}",
    "admin.nav_accounts": "Accounts",
    "admin.nav_account": "My account",
    "admin.login_email": "E-mail address",
    "admin.login_email_hint": "The owner of the first account may leave this empty.",
    "admin.login_joined": "Your account is ready. Sign in with your e-mail address.",
    "admin.title_login_code": "Second step",
    "admin.login_code_intro": (
        "Enter the code your authenticator app shows, or one of your recovery codes."
    ),
    "admin.login_code": "Code from the app",
    "admin.login_code_wrong": "That code is not right, or it was used already.",
    "admin.title_invitation": "Join",
    "admin.invitation_intro": "You were invited as {role} with {email}. Choose your password.",
    "admin.invitation_password": "Password (at least 12 characters)",
    "admin.invitation_again": "The same password again",
    "admin.invitation_accept": "Make my account",
    "admin.title_account": "My account",
    "admin.account_name": "Name",
    "admin.account_role": "Role",
    "admin.account_factor": "Second factor",
    "admin.account_factor_on_one": "On (1 recovery code left)",
    "admin.account_factor_on_other": "On ({n} recovery codes left)",
    "admin.account_factor_off": "Off.",
    "admin.account_factor_add": "Set up a code app",
    "admin.role_owner": "owner",
    "admin.role_moderator": "moderator",
    "admin.sessions_title": "Where you are signed in",
    "admin.sessions_intro": "Every open session of your account. End any you do not recognise.",
    "admin.sessions_browser": "Browser",
    "admin.sessions_place": "Address (first part)",
    "admin.sessions_first": "Signed in",
    "admin.sessions_last": "Last seen",
    "admin.sessions_end": "End",
    "admin.sessions_this": "this one",
    "admin.title_totp": "Second factor",
    "admin.totp_intro": (
        "Scan the code with an authenticator app, or type the key, then enter the first code "
        "it shows."
    ),
    "admin.totp_qr_alt": "QR code for your authenticator app",
    "admin.totp_key": "Key:",
    "admin.totp_first_code": "First code",
    "admin.totp_confirm": "Turn on",
    "admin.totp_required": (
        "This site asks every account for a second factor. Set one up to continue."
    ),
    "admin.totp_done": "Your second factor is on. Sign-in now asks for a code.",
    "admin.totp_codes_title": "Recovery codes",
    "admin.totp_codes_intro": (
        "Each code works once, if you lose your phone. Keep them somewhere safe: they are "
        "shown only now."
    ),
    "admin.totp_already": (
        "Your second factor is on. If you lost it, the server's administrator runs: python -m "
        "service reset-2fa"
    ),
    "admin.title_accounts": "Accounts",
    "admin.accounts_email": "E-mail address",
    "admin.accounts_manage": "Manage",
    "admin.accounts_disabled": "disabled",
    "admin.accounts_factor_yes": "on",
    "admin.accounts_factor_no": "off",
    "admin.accounts_make_owner": "Make owner",
    "admin.accounts_make_moderator": "Make moderator",
    "admin.accounts_disable": "Disable",
    "admin.accounts_enable": "Enable",
    "admin.accounts_remove": "Remove",
    "admin.accounts_end_sessions": "End sessions",
    "admin.accounts_done_role": "Role changed; that account signs in again.",
    "admin.accounts_done_disabled": "Account disabled; its sessions have ended.",
    "admin.accounts_done_enabled": "Account enabled.",
    "admin.accounts_done_removed": "Account removed; its sessions have ended.",
    "admin.accounts_done_sessions": "Its sessions have ended.",
    "admin.invitations_title": "Open invitations",
    "admin.invitations_made": "Invited",
    "admin.invitations_withdraw": "Withdraw",
    "admin.accounts_done_withdrawn": "Invitation withdrawn: its link no longer works.",
    "admin.account_name_title": "Your name",
    "admin.account_name_label": "The name your replies are signed with",
    "admin.account_name_save": "Save name",
    "admin.account_done_name": "Name saved.",
    "admin.account_password_title": "Your password",
    "admin.account_password_intro": (
        "Changing it ends your sessions in every other browser; this one stays signed in."
    ),
    "admin.account_password_current": "Current password",
    "admin.account_password_new": "New password (at least {length} characters)",
    "admin.account_password_save": "Change password",
    "admin.account_done_password": "Password changed; your other sessions have ended.",
    "admin.error_wrong_password": "That is not your current password.",
    "admin.error_password_in_settings": (
        "Your password is set in ADMIN_PASSWORD_HASH on the server: change it there."
    ),
    "admin.error_rate_limited": "Too many attempts. Wait a few minutes and try again.",
    "admin.invite_title": "Invite someone",
    "admin.invite_send": "Invite",
    "admin.invite_done": (
        "Invitation for {email} made. It was mailed if mail is set up; you can also copy the link."
    ),
    "admin.invite_link": "One-time link (valid for a week):",
    "admin.error_forbidden_role": "Only the owner may do this.",
    "admin.error_wrong_code": "That code is not right.",
    "admin.error_invalid_email": "That is not an e-mail address.",
    "admin.error_email_taken": "An account with that address exists already.",
    "admin.error_last_owner": "Someone must remain owner.",
    "admin.error_passwords_differ": "The two passwords differ.",
    "admin.error_password_short": "Choose a password of at least 12 characters.",
    "admin.settings_factor": "Second factor",
    "admin.settings_factor_on": "Required for every account (ADMIN_REQUIRE_2FA)",
    "admin.settings_factor_off": "Optional",
    "admin.settings_factor_recommend": (
        "Recommended: set ADMIN_REQUIRE_2FA=true so every sign-in needs a second factor. Set "
        "up your own first, under My account."
    ),
    "mail.account.invite_subject": "Your invitation to {site}",
    "mail.account.invite": (
        "{owner} invited you to help moderate the comments on {site}. Choose your password "
        "here (the link works once, for a week):\n{url}"
    ),
    "mail.account.signin_subject": "New sign-in to {site}",
    "mail.account.signin": (
        "Someone signed in to your account on {site} from a browser not seen before "
        "({browser}). If that was not you, end that session and change your password: {url}"
    ),
    "admin.passkey_sign_in": "Sign in with a passkey",
    "admin.passkey_refused": "That passkey does not open an account here.",
    "admin.passkey_failed": "The passkey did not work. Try again, or use your password.",
    "admin.login_passkey_intro": "Confirm with one of your passkeys.",
    "admin.passkeys_title": "Passkeys",
    "admin.passkeys_intro": (
        "A passkey signs you in without a password, with your fingerprint, face or device PIN. "
        "It counts as a second factor after a password too."
    ),
    "admin.passkey_name": "Name of the passkey",
    "admin.passkey_added": "Added",
    "admin.passkey_last_used": "Last used",
    "admin.passkey_remove": "Remove",
    "admin.passkey_add": "Add a passkey",
    "admin.account_done_passkey_added": "Passkey added.",
    "admin.account_done_passkey_removed": "Passkey removed: it no longer signs in.",
    "admin.error_passkey_refused": "That passkey could not be checked.",
    "admin.error_passkey_expired": "That took too long. Try again.",
    "admin.error_too_many_passkeys": "Remove a passkey before adding another.",
    "admin.error_passkey_known": "That passkey is registered already.",
    # --- languages: how this language writes dates and numbers, and its name in the switch
    # between languages on the pages Chorus serves itself (service/text/__init__.py)
    "format.date": "{day} {month} {year}",
    "format.decimal": "{whole}.{fraction}",
    "format.thousands": "{thousands},{rest}",
    "format.list": "{first}; {then}",
    "language.name": "English",
    "language.switch": "Language",
    # --- invitations and the story page ---
    "mail.reader.invite_subject": "How was your treatment at {site}?",
    "mail.reader.invite_reminder_subject": "A reminder: how was your treatment at {site}?",
    "mail.reader.invite_greeting": "Hello {name},",
    "mail.reader.invite_greeting_anonymous": "Hello,",
    "mail.reader.invite": (
        "Thank you for your visit to {site}. Would you tell us in a few sentences how your "
        "treatment was? Your story helps others choose, and {owner} reads it personally.\n\n"
        "Tell it here: {url}\n\nThe link is personal and works for {days} days. You choose how "
        "your name appears; nothing is shown without your consent."
    ),
    "mail.reader.invite_reminder": (
        "A few days ago {site} asked you how your treatment was. Do you have a moment? A few "
        "sentences are enough.\n\nTell it here: {url}\n\nThis is the only reminder: you will "
        "not hear from us about this again."
    ),
    "story.title": "How was your treatment at {site}?",
    "story.collect_title": "Tell us about your treatment at {site}",
    "story.intro": (
        "Tell us in your own words how it was. {owner} reads every story personally before it "
        "appears on the website."
    ),
    "story.greeting": "Hello {name}!",
    "story.page_title": "Stories",
    "story.name": "Your name",
    "story.rating": "Your rating (optional)",
    "story.no_rating": "No stars",
    "story.stars": "{n} out of 5 stars",
    "story.body": "Your story",
    "story.consent": "Consent (version {version})",
    "story.name_style": "How may your name appear?",
    "story.name_style_full": "My full name",
    "story.name_style_first_initial": "First name and the first letter of my last name",
    "story.name_style_initials": "Only my initials",
    "story.name_style_client": "No name: “a client”",
    "story.client_word": "a client",
    "story.email": "Your e-mail address (optional)",
    "story.email_hint": "Only if you would like an answer. Never shown on the website.",
    "story.send": "Send my story",
    "story.thanks": (
        "Thank you for your story! It appears on the website once {owner} has read it."
    ),
    "story.refused": "That did not work: {message}",
    "story.used": "A story was already sent with this link. Thank you for it!",
    "story.expired": (
        "This link has expired. You can still tell your story on the practice's page."
    ),
    "story.withdrawn": (
        "This link no longer works. You can still tell your story on the practice's page."
    ),
    "story.unknown": (
        "We do not know this link. Perhaps part of it got lost; you can also tell your story "
        "on the practice's page."
    ),
    "story.to_collect": "To the page for stories",
    "story.policy": "How we handle reviews",
    "story.verified": "verified client",
    "story.verified_on": "verified client (invited on {date})",
    "admin.tab_invites": "Invite",
    "admin.title_invites": "Invite",
    "admin.invites_intro": (
        "Ask a client for her story: Chorus makes a personal link that works once and stays "
        "valid for {days} days. With an e-mail address Chorus mails it; otherwise you copy the "
        "link (into your booking confirmation, WhatsApp or a text message)."
    ),
    "admin.invites_no_mail": "No mail server is set up: copy the link and send it yourself.",
    "admin.invite_single": "Invite one client",
    "admin.invite_name": "First name (optional)",
    "admin.invite_email": "E-mail address (optional)",
    "admin.invite_email_hint": (
        "Chorus keeps the address only until the client answers or the link expires."
    ),
    "admin.invite_lang": "Language",
    "admin.lang_nl": "Dutch",
    "admin.lang_en": "English",
    "admin.lang_de": "German",
    "admin.lang_fr": "French",
    "admin.story_invite_send": "Make the invitation",
    "admin.invite_many": "Several clients at once",
    "admin.invite_emails": "E-mail addresses, one a line (at most {max})",
    "admin.invite_send_many": "Invite them all",
    "admin.invite_made_mailed": "The invitation was made and is being mailed.",
    "admin.invite_made_copy": "The invitation was made. Copy the link and send it to your client.",
    "admin.invites_sent": (
        "{sent} invited; refused: {invalid} invalid address, {already} already invited."
    ),
    "admin.invite_withdrawn": "The invitation was withdrawn: its link no longer works.",
    "admin.invites_list": "Invitations",
    "admin.invites_search": "Search by name or address",
    "admin.invites_none": "No invitations yet.",
    "admin.invite_who": "Client",
    "admin.invite_state": "State",
    "admin.invite_when": "Made",
    "admin.story_invite_link": "Personal link",
    "admin.invite_link_of": "Link of invitation {id}",
    "admin.invite_expires": "expires {date}",
    "admin.invite_withdraw": "Withdraw",
    "admin.invite_status_created": "created",
    "admin.invite_status_mailed": "mailed",
    "admin.invite_status_opened": "opened",
    "admin.invite_status_answered": "answered",
    "admin.invite_status_expired": "expired",
    "admin.invite_status_withdrawn": "withdrawn",
    "admin.invites_total_one": "1 invitation in all",
    "admin.invites_total_other": "{n} invitations in all",
    "admin.invites_pages": "Pages",
    "admin.invites_newer": "Newer",
    "admin.invites_older": "Older",
    "admin.invites_qr": "QR code for the desk",
    "admin.invites_qr_intro": (
        "The QR code leads to the practice's page for stories, for a card at the desk or on "
        "the website. Download it to print."
    ),
    "admin.invites_qr_svg": "SVG (for print)",
    "admin.invites_qr_png": "PNG (for screen and printer)",
    "admin.verified_client": "Verified client (invited on {date})",
    "admin.source_collect": "From the collection page",
    "admin.invite_copy": "Copy",
    "admin.invite_copied": "Copied",
    "widget.testimonials.verified": "verified client",
    "policy.who.invited": (
        "{owner} can also ask a client for her story after a treatment, with a personal link "
        "that works once and stays valid for {days} days. Such a story joins the same queue as "
        "every comment."
    ),
    "policy.who.collected": (
        "On the practice's page for stories ({url}), which a link on the website or a QR code "
        "at the desk leads to, anyone can tell a story; those stories join the same queue too."
    ),
    "policy.verified.heading": "Verified client",
    "policy.verified.how": (
        "A story is marked “verified client (invited on <date>)” only when it was sent with "
        "such a personal invitation: {owner} sent the link to a client herself, and the link "
        "works only once. {site} checks nothing beyond that; {owner} decides who is invited."
    ),
    "policy.verified.not": (
        "Comments under a blog post and stories from the page for stories never carry that "
        "mark, because anyone can open those pages."
    ),
    "admin.privacy_invitations": "Invitations",
    "admin.privacy_no_invitations": "No open invitations to this address.",
    "admin.nav_integrations": "Integrations",
    "admin.integrations_title": "Integrations",
    "admin.integrations_intro": (
        "Chorus can tell other systems what happens: a signed webhook for your own software, or a "
        "message in a Slack, Mattermost or Discord channel."
    ),
    "admin.integrations_add_title": "Add an integration",
    "admin.integrations_url": "Address (URL)",
    "admin.integrations_format": "Format",
    "admin.integrations_format_standard": "Webhook (signed JSON)",
    "admin.integrations_format_slack": "Slack",
    "admin.integrations_format_mattermost": "Mattermost",
    "admin.integrations_format_discord": "Discord",
    "admin.integrations_events": "Events",
    "admin.integrations_event_comment_created": "A new comment",
    "admin.integrations_event_comment_status_changed": "A comment's status changed",
    "admin.integrations_event_testimonial_published": "A testimonial was published",
    "admin.integrations_event_testimonial_withdrawn": "A testimonial was withdrawn",
    "admin.integrations_event_report_created": "A comment was reported",
    "admin.integrations_event_invite_answered": "An invitation was answered",
    "admin.integrations_own_system": "This is my own system",
    "admin.integrations_own_system_help": (
        "Only your own system gets readers' e-mail addresses; anything else never does."
    ),
    "admin.integrations_own_system_badge": "own system",
    "admin.integrations_add": "Add integration",
    "admin.integrations_created": "Integration added: {url}",
    "admin.integrations_key_once": (
        "This key signs every message. Copy it now: it is not shown again."
    ),
    "admin.integrations_list_title": "Your integrations",
    "admin.integrations_none": "No integrations yet.",
    "admin.integrations_active": "active",
    "admin.integrations_paused": "paused since {date}",
    "admin.integrations_test": "Send a test event",
    "admin.integrations_resume": "Resume",
    "admin.integrations_delete": "Delete",
    "admin.integrations_deliveries": "Last deliveries",
    "admin.integrations_no_deliveries": "Nothing sent yet.",
    "admin.integrations_col_time": "Time",
    "admin.integrations_col_event": "Event",
    "admin.integrations_col_status": "Status",
    "admin.integrations_col_attempts": "Attempts",
    "admin.integrations_state_waiting": "waiting",
    "admin.integrations_state_sending": "sending",
    "admin.integrations_state_delivered": "delivered",
    "admin.integrations_state_failed": "failed",
    "admin.integrations_error_url": (
        "Chorus cannot post to that address: give an https:// address on the internet."
    ),
    "admin.integrations_error_events": "Choose at least one event.",
    "admin.integrations_error_format": "Choose one of the formats.",
    "admin.done_webhook_test": "Test event queued; it goes out in a moment.",
    "admin.done_webhook_resume": "Integration resumed; what waited goes out now.",
    "admin.done_webhook_delete": "Integration deleted.",
    "mail.ntfy_failed.subject": "Push notices of {site} are not getting through",
    "mail.ntfy_failed.body": (
        "Chorus could not deliver a push notice to {server} after trying for over a day. Check "
        "NTFY_URL and NTFY_TOKEN; you get this mail again only after a push got through. Your "
        "integrations: {page}"
    ),
}
