/* Chorus: the report form (DSA art. 16) under a published comment or story. The widgets load
   this module only when a reader follows a "Meld" / "Report" link, so their first load stays
   within its budget; the link itself leads to the service's report page, which works without
   JavaScript. The service checks and refuses in the reader's language (Accept-Language).
   Served minified. */

// The words, in every language of the catalogs (service/text), put in by the build.
const STRINGS = "@include strings";
const REASONS = ["illegal", "privacy", "spam", "other"];
const CSS = `.rf{display:grid;gap:.4em;margin-top:.6em;padding:.8em;border:1px solid #8886;border-radius:8px;font-size:.95em}
.rf fieldset{border:0;margin:0;padding:0;display:grid;gap:.2em}
.rf textarea,.rf input:not([type=radio]){font:inherit;width:100%;padding:.3em}
.rf fieldset label{display:flex;gap:.5em;align-items:center;font-weight:400}
.rf input[type=radio]{width:auto;margin:0}
.rf :focus-visible+label{outline:0}
.rf [aria-invalid=true]{outline:2px solid #c00}`;

let idNumber = 0;

// Builds an element; `on...` attributes become handlers, falsy children are left out.
const make = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node[name] = value;
    else if (value != null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter(Boolean));
  return node;
};

// Opens the form after `link` (the Meld link), for comment `id`; a second click closes it.
export const open = (link, { api, id, lang }) => {
  const words = STRINGS[lang] || STRINGS.en;
  const existing = link.nextElementSibling;
  if (existing && existing.classList.contains("rf")) {
    existing.remove();
    link.setAttribute("aria-expanded", "false");
    return;
  }
  const root = link.getRootNode();
  if (!root.querySelector("style[data-rf]")) {
    (root.head || root).append(make("style", { "data-rf": true }, CSS));
  }
  // The token is asked for now: a form sent sooner than the service's minimum counts as a bot's.
  const rules = fetch(api + "/api/form").then((response) => response.json());
  const prefix = "chorus-rf-" + ++idNumber;
  const status = make("p", { role: "status", "aria-live": "polite" });
  const message = make("textarea", { id: prefix + "-m", name: "message", rows: 3, required: true, maxlength: 2000 });
  const email = make("input", { id: prefix + "-e", name: "email", type: "email", autocomplete: "email" });
  const radios = REASONS.map((reason) =>
    make("label", {}, make("input", { type: "radio", name: "reason", value: reason, required: true }), " " + words[reason]),
  );
  const button = make("button", { type: "submit" }, words.send);
  const form = make(
    "form",
    { class: "rf", "aria-labelledby": prefix + "-t" },
    make("strong", { id: prefix + "-t" }, words.title),
    make("span", {}, words.intro),
    make("fieldset", {}, make("legend", {}, words.reason), ...radios),
    make("label", { for: prefix + "-m" }, words.message),
    message,
    make("label", { for: prefix + "-e" }, words.email),
    email,
    make("span", {}, button, " ", make("button", { type: "button", onclick: () => close() }, words.cancel)),
    status,
  );
  const close = () => {
    form.remove();
    link.setAttribute("aria-expanded", "false");
    link.focus();
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = words.sending;
    for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    try {
      const response = await fetch(api + "/api/reports", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": lang },
        body: JSON.stringify({
          comment_id: id,
          reason: form.elements.reason.value,
          message: message.value,
          email: email.value.trim() || undefined,
          lang,
          form_token: (await rules).form_token,
        }),
      });
      if (response.status === 202) {
        form.replaceChildren(make("p", { role: "status" }, words.thanks));
        return;
      }
      const problem = (await response.json()).error || {};
      const field = form.elements[problem.field];
      if (field && field.setAttribute) {
        field.setAttribute("aria-invalid", "true");
        field.focus();
      }
      status.textContent = problem.message || words.fail;
    } catch {
      status.textContent = words.fail;
    }
    button.disabled = false;
  };
  link.after(form);
  link.setAttribute("aria-expanded", "true");
  radios[0].querySelector("input").focus();
};
