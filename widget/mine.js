/* Chorus: the reader's tools for their own comments. The comments widget loads this module only
   for a reader who has comments on the page (their browser holds an author token) or who asks to
   manage their comments. Served minified. */

// The tools' words by language, put in by the build from the catalogs (service/text,
// widget.mine.*).
const STRINGS = "@include strings";

// One live region under the heading for everything these tools report. It lives outside the
// list, so it survives the list being drawn again, and it takes the focus when the button that
// had it disappears (a deleted comment), so keyboard and screen-reader users keep their place.
let notice;
const say = (context, message) => {
  const { heading, element } = context;
  if (!notice || !notice.isConnected) {
    notice = element("p", { class: "status", role: "status", tabindex: -1 });
    heading.after(notice);
  }
  notice.textContent = message;
  const focused = heading.getRootNode().activeElement;
  if (!focused || !focused.isConnected) notice.focus();
};

// Runs one action against the service and reports its outcome (or its refusal, in the reader's
// language, as the service words it).
const act = async (context, path, body, done) => {
  try {
    const answer = await context.request(path, { author_token: context.savedToken(), ...body });
    // Drawn again first, so the message is said after the old buttons are gone.
    await context.reload();
    say(context, done(answer));
  } catch (error) {
    say(context, error.message);
  }
};

// Swaps a comment's text (`shown`) for a form to edit it, with the text the reader wrote; Cancel
// swaps it back and gives the focus back to the Edit button (`opener`).
const editForm = (context, item, shown, opener, strings) => {
  const { element } = context;
  const area = element("textarea", { rows: 5, "aria-label": strings.editLabel });
  area.value = item.body;
  const form = element(
    "form",
    {
      onsubmit: (event) => {
        event.preventDefault();
        act(context, `/api/comments/${item.id}/edit`, { body: area.value }, (answer) =>
          answer.status === "approved" ? strings.edited : strings.editedPending,
        );
      },
    },
    area,
    element(
      "div",
      { class: "actions" },
      element("button", { class: "primary" }, strings.save),
      element(
        "button",
        {
          type: "button",
          onclick: () => {
            form.replaceWith(shown);
            opener.focus();
          },
        },
        strings.cancel,
      ),
    ),
  );
  shown.replaceWith(form);
  area.focus();
};

// Adds the tools to each of the reader's comments `own` that is on the page (`context.articles`
// has the nodes of each comment the widget shows).
export const tools = (context, own) => {
  const { articles, element, lang } = context;
  const strings = STRINGS[lang];
  for (const item of own) {
    const shown = articles.get(item.id);
    if (!shown) continue;
    const button = (label, spoken, onclick) =>
      element("button", { type: "button", "aria-label": spoken, onclick }, label);
    const editable = Date.parse(item.edit_until) > Date.now();
    const editButton =
      editable &&
      button(strings.edit, strings.editLabel, () =>
        editForm(context, item, shown.body, editButton, strings),
      );
    shown.article.append(
      element(
        "div",
        { class: "actions tools" },
        editButton,
        // Withdrawing takes the story off the homepage at once, so it asks first; giving consent
        // again (to today's wording) puts nothing anywhere until the owner promotes it again.
        item.consent
          ? button(strings.withdraw, strings.withdrawLabel, () => {
              if (confirm(strings.withdrawSure)) {
                act(context, `/api/comments/${item.id}/withdraw-consent`, {}, () => strings.withdrawn);
              }
            })
          : item.story &&
              button(strings.give, strings.giveLabel, () =>
                act(context, `/api/comments/${item.id}/give-consent`, {}, () => strings.given),
              ),
        button(strings.remove, strings.removeLabel, () => {
          if (confirm(strings.sure)) {
            act(context, `/api/comments/${item.id}/delete`, {}, () => strings.removed);
          }
        }),
      ),
    );
  }
};

// "Manage my comments" from another device: a one-time link by mail. The service answers the
// same whether or not it knows the address, and so does this.
export const manage = (context) => {
  const { manageButton: opener, element, request, lang } = context;
  const strings = STRINGS[lang];
  if (opener.nextSibling) return opener.nextSibling.querySelector("input").focus();
  const input = element("input", { type: "email", autocomplete: "email", required: "" });
  const status = element("p", { class: "status", role: "status" });
  const form = element(
    "form",
    {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await request("/api/manage", { email: input.value, lang });
          status.textContent = strings.sent;
        } catch (error) {
          status.textContent = error.message;
        }
      },
    },
    element("label", {}, strings.email, input),
    element(
      "div",
      { class: "actions" },
      element("button", { class: "primary" }, strings.send),
      status,
    ),
  );
  opener.after(form);
  input.focus();
};
