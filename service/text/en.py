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
    # -- WordPress: imports and the plugin's counts (issue 28) --
    # the name of an imported comment that had none
    "import.anonymous": "Anonymous",
}
