/* Chorus: checking and sending the comment form. The comments widget loads this module when a
   reader first sends, since most readers only read; the form itself is drawn by comments.js.
   Served minified. */

// The words of sending, in the page's language; data-t-<key> on the widget's tag replaces one
// (data-t-thanks) as it does the words of comments.js. The build puts them in from the catalogs
// (service/text, widget.send.*).
const STRINGS = "@include strings";

// Remembers `value` under `key` in localStorage, or forgets the key when there is no value. The
// storage throws where the browser blocks it (some private modes, sandboxed frames): then the
// reader is not remembered, and nothing else changes.
const store = (key, value) => {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Not remembered.
  }
};

// Shows an error under its field and focuses that field, or in the status line when the error
// is about no field on the form.
const showError = (widget, name, message) => {
  const { byId } = widget;
  const input = byId(name);
  if (!input) {
    widget.status.textContent = message;
    return;
  }
  byId("e" + name).textContent = message;
  input.ariaInvalid = true;
  // The rating fieldset itself cannot take the focus; its first star can.
  (name === "rating" ? byId("r1") : input).focus();
};

// The page the comment is about, read when sending: a page may change its title (or its
// data-title) after the widget has started. Only a web address is worth linking to from the
// owner's queue (not file: or a preview).
const about = (widget) => {
  // A comments.js from before send.js did this (kept for a year under its hashed address)
  // hands over the callback that worked it out there.
  if (typeof widget.page === "function") return widget.page();
  const canonical = document.querySelector("link[rel=canonical]");
  const address = canonical ? canonical.href : location.href.split("#")[0];
  return {
    page: widget.page,
    page_title: widget.options.title || document.title,
    page_url: /^https?:/.test(address) && address,
    lang: widget.lang,
  };
};

// Sends with the current form token, after solving its puzzle when the service sets one; the
// solver is a second file, loaded only then. The service holds a post made sooner than
// `min_seconds` after its form as spam, so a fresh token first waits out the rest of that time.
const post = async (widget, data) => {
  const { form_token, pow, min_seconds, at } = widget.formConfig();
  const wait = min_seconds * 1000 - (Date.now() - at);
  if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  data.form_token = form_token;
  data.pow = pow && (await (await import(widget.api + "/widget/pow.js")).solve(form_token, pow));
  return widget.request("/api/comments", data);
};

// Checks the form, sends it and, once the service took it, clears the story, draws the list
// again and thanks the reader; or shows what is wrong, in the reader's language.
export const submit = async (widget) => {
  const { form, byId, status, count, fields, savedToken, stored, keys } = widget;
  const text = (key) => widget.text(key, undefined, STRINGS[widget.lang]);
  const data = Object.fromEntries(new FormData(form));
  for (const node of form.querySelectorAll("[id]")) {
    node.ariaInvalid = null;
    if (node.className === "error") node.textContent = "";
  }
  status.textContent = "";
  // Checked from the bottom up, so the focus ends on the first field in trouble.
  const required = text("required");
  const problems = [
    ["body", data.body.trim() ? count() : required],
    ["author", !data.author.trim() && required],
  ].filter(([, message]) => message);
  for (const [name, message] of problems) showError(widget, name, message);
  if (problems[0]) return;
  Object.assign(data, {
    ...about(widget),
    parent: widget.replyTo(),
    author_token: savedToken(),
    rating: !fields.rating.hidden && +data.rating,
    consent: !fields.consent.hidden && !!data.consent,
    notify_replies: !!(data.email && data.notify_replies),
    remember: undefined,
    // The consent version records which words the reader agreed to.
    consent_version: data.consent && widget.formConfig().consent_version,
  });
  try {
    let answer;
    try {
      answer = await post(widget, data);
    } catch (error) {
      // A token that expired, was spent, or whose puzzle grew harder: once more with a fresh
      // one, without troubling the reader.
      if (!/^(form_token|pow)$/.test(error.field)) throw error;
      await widget.loadFormConfig();
      answer = await post(widget, data);
    }
    store(keys.token, answer.author_token || savedToken());
    const { author, email, website } = data;
    store(keys.reader, fields.remember.checked && JSON.stringify({ author, email, website }));
    form.reset();
    fields.remember.checked = !!stored(keys.reader);
    fields.stars.onchange();
    count();
    // The reader is likely to write again: keep who they are, clear only the story.
    for (const name of ["author", "email", "website"]) {
      byId(name).value = data[name];
    }
    await widget.reload();
    status.textContent = text(answer.status === "approved" ? "live" : "thanks");
    status.focus();
  } catch (error) {
    status.textContent = "";
    showError(widget, error.field, error.message);
  } finally {
    widget.loadFormConfig();
  }
};
