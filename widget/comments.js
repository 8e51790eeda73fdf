/* Chorus comments widget; the README lists its data-* options. Served minified. */
(() => {
  "use strict";

  const script = document.currentScript;
  // It is null when the file is loaded as a module: then there is no tag to read options from.
  if (!script) return;
  const options = script.dataset;
  const API = options.api || new URL(script.src).origin;
  // Remembers the reader's author token, so their own comments awaiting review show on every visit.
  const TOKEN_KEY = "chorus:author";
  const canonical = document.querySelector("link[rel=canonical]");
  const PAGE = options.page || new URL(canonical?.href || location).pathname;

  // Everything the reader reads before the service answers. The service's refusals come in the
  // page's language (the widget sends it as Accept-Language) and are shown as they come. The
  // build puts the words in, by language, from the catalogs (service/text, widget.comments.*):
  // every language, the fallback first, or only the one the script's address names.
  const STRINGS = "@include strings";
  const asked = (options.lang || document.documentElement.lang).slice(0, 2).toLowerCase();
  // The build for no language carries the practice's own two; a page in another language the
  // service speaks loads that language's build in this one's place, with the same data-* options.
  const ELSEWHERE = "@include languages";
  if (!(asked in STRINGS) && ELSEWHERE.includes(asked)) {
    // From the service itself (data-api), which has every language's build: a copy of this
    // script on another host may have only this one, and would load itself again and again.
    const again = document.createElement("script");
    Object.assign(again.dataset, options);
    again.src = `${API}/widget/comments.js?lang=${asked}`;
    script.after(again);
    return;
  }
  const LANG = asked in STRINGS ? asked : Object.keys(STRINGS)[0];
  const strings = STRINGS[LANG];

  // data-t-<key> on the script tag replaces a string: data-t-email-hint replaces emailHint.
  // "{n}" in it becomes `n`. The second scripts bring their own words in `table`.
  const text = (key, n, table = strings) => {
    const override = "t" + key[0].toUpperCase() + key.slice(1);
    return (options[override] ?? table[key]).replace("{n}", n);
  };

  // Builds an element. Attributes named on... become event handlers; an attribute that is null
  // or undefined is left out, and so is a falsy child, so callers can write `flag && node`.
  const element = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith("on")) {
        node[name] = value;
      } else if (value != null) {
        node.setAttribute(name, value);
      }
    }
    node.append(...children.filter(Boolean));
    return node;
  };

  // localStorage throws where the browser blocks storage (some private modes, sandboxed frames);
  // the widget still works then, only without remembering the reader.
  const stored = (key) => {
    try {
      return localStorage.getItem(key) || undefined;
    } catch {
      // Nothing, as if nothing were stored.
    }
  };
  const savedToken = () => stored(TOKEN_KEY);
  // Name, e-mail and website, kept only when the reader ticks "remember me".
  const READER_KEY = "chorus:reader";

  // Empty fields, no rating (0 or NaN) and unticked boxes are left out of the JSON: the service
  // reads a missing field as "not given".
  const omitEmpty = (key, value) => (value || value == null ? value : undefined);

  // GET `path`, or POST `body` as JSON to it. An answer that is not 2xx throws its `error`
  // object, whose `message` is in the reader's language; no answer at all throws one with `fail`.
  const request = async (path, body) => {
    // Accept-Language is one of the headers a page may send anywhere without asking first.
    const headers = { "Accept-Language": LANG };
    const init = { headers };
    if (body) {
      Object.assign(init, { method: "POST", body: JSON.stringify(body, omitEmpty) });
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(API + path, init).catch(() => ({}));
    const answer = await response.json?.().catch(() => ({}));
    if (!response.ok) throw { message: text("fail"), ...answer?.error };
    return answer;
  };

  // "1 dec 2026", "7. Dez. 2026": a date that stays true on a page cached for weeks, in the
  // reader's language (the browser's own CLDR data, no bytes of ours).
  const day = (isoDate) => new Date(isoDate).toLocaleDateString(LANG, { day: "numeric", month: "short", year: "numeric" });

  const host =
    document.querySelector(options.target || "#chorus-comments") ||
    script.parentNode.insertBefore(element("div"), script);
  // The same script included twice: the first copy owns the widget.
  if (host.shadowRoot) return;
  const root = host.attachShadow({ mode: "open" });
  const byId = (id) => root.getElementById(id);

  // The styles are widget/comments.css, put in here by the build (service/assets.py).
  root.append(element("style", {}, "@include comments.css"));

  // -- the form ---------------------------------------------------------------------------------

  // A labelled input (`label`: the key of its string) with an optional hint and a place for its
  // error; both are read out with it.
  const field = (name, label, input, hint) => {
    input.id = name;
    input.name = name;
    input.setAttribute("aria-describedby", `h${name} e${name}`);
    return element(
      "div",
      {},
      element("label", { for: name }, text(label)),
      input,
      hint && element("p", { class: "hint", id: "h" + name }, hint),
      element("p", { class: "error", id: "e" + name }),
    );
  };

  // Five radio buttons drawn as stars; each has a spoken label ("4 out of 5 stars").
  const ratingStars = element("div", { class: "rating" });
  for (let value = 1; value <= 5; value++) {
    ratingStars.append(
      element("input", { type: "radio", name: "rating", id: "r" + value, value }),
      element(
        "label",
        { for: "r" + value },
        element("span", { "aria-hidden": true }, "☆"),
        element("span", { class: "visually-hidden" }, text("stars", value)),
      ),
    );
  }
  // Fills the stars up to the chosen one; called after a reset too, to empty them.
  ratingStars.onchange = () => {
    ratingStars.querySelectorAll("[aria-hidden]").forEach((star, index) => {
      star.textContent = index < form.elements.rating.value ? "★" : "☆";
    });
  };
  const ratingField = element(
    "fieldset",
    // Shown or hidden by resetForm, before the widget is drawn.
    { id: "rating" },
    element("legend", {}, text("rating")),
    ratingStars,
    element("p", { class: "error", id: "erating" }),
  );

  // A ticked box sends `name: "on"`; the reply form hides the ones that do not apply.
  const checkbox = (name) =>
    element(
      "label",
      { class: "check" },
      element("input", { type: "checkbox", name }),
      text(name === "notify_replies" ? "notify" : name),
    );
  const consentBox = checkbox("consent");
  // Replies can only be mailed to a reader who gives an address, so the box shows only then
  // (byId("email").oninput, below, before the widget is drawn).
  const notifyBox = checkbox("notify_replies");

  // "4512 / 5000" under the story from 90% of the limit on, read out when the reader pauses;
  // gives the message for a story over the limit. Characters as the service counts them.
  const counter = element("span", { "aria-live": "polite" });
  const count = () => {
    const length = [...byId("body").value.trim()].length;
    const max = formConfig.max_body_length;
    // No limit known yet (the form's rules are on their way): no counter.
    counter.textContent = length >= max * 0.9 ? `${length} / ${max}` : "";
    return length > max && text("tooLong", max);
  };
  // The thank-you lands here and takes the focus, which the form's move home would drop.
  const status = element("p", { class: "status", role: "status", tabindex: -1 });
  const sendButton = element("button", { class: "primary" }, text("send"));
  // novalidate: the widget checks the fields itself, so the messages are in the reader's language.
  const form = element(
    "form",
    { novalidate: "" }, // boolean attributes are written bare: novalidate="true" is not HTML
    field("author", "name", element("input", { autocomplete: "name", required: "" })),
    field(
      "email",
      "email",
      element("input", { type: "email", autocomplete: "email" }),
      text("emailHint"),
    ),
    field("website", "site", element("input", { type: "url", autocomplete: "url" })),
    field("body", "body", element("textarea", { rows: 6, required: "" }), counter),
    ratingField,
    consentBox,
    notifyBox,
    checkbox("remember"),
    // A field people never see or reach; software that fills in every field gives itself away.
    element(
      "div",
      { class: "visually-hidden", "aria-hidden": true },
      element("input", { name: "hp", tabindex: -1, autocomplete: "off" }),
    ),
    element("div", { class: "actions" }, sendButton, status),
  );

  // Until the list arrives, the comments the host page rendered itself (an element with
  // slot="list" inside the container, e.g. from the WordPress plugin) show in its place, so
  // readers see them at once and nothing moves; without them, a loading line.
  const list = element(
    "div",
    { "aria-busy": true },
    element("slot", { name: "list" }, element("p", {}, text("loading"))),
  );
  const heading = element("h2", {}, text("title"));
  const formTitle = element("h3");
  const cancelButton = element("button", { onclick: () => resetForm(replyButton) }, text("cancel"));
  const formSection = element(
    "section",
    {},
    element("div", { class: "form-title" }, formTitle, cancelButton),
    form,
  );
  const manageButton = element(
    "button",
    { class: "manage", onclick: () => ownTools("manage") },
    text("manage"),
  );
  const widget = element(
    "div",
    { class: "widget", "data-theme": options.theme, lang: LANG },
    heading,
    formSection,
    list,
    manageButton,
  );
  root.append(widget);

  let formConfig = {}; // from /api/form: the form token, consent version, ratings on or off
  let replyTo = null; // the id of the comment being answered; null for a new comment
  let replyButton; // the Reply button that opened the form, given the focus back on Cancel

  // Back to writing a new comment, with the form above the list. The form comes first so that
  // the list, which arrives later and grows, moves nothing the reader already sees.
  // `focusTo`, when given, gets the focus back (Cancel: the Reply button that opened the form).
  const resetForm = (focusTo) => {
    replyTo = null;
    formTitle.textContent = text("form");
    cancelButton.hidden = true;
    // Stars and testimonial consent belong to a story, not to a reply.
    consentBox.hidden = false;
    ratingField.hidden = options.ratings === "false" || formConfig.ratings === false;
    // Moving the form takes the focus away from the reader, so move it only when it is elsewhere.
    if (formSection.parentNode !== widget) list.before(formSection);
    focusTo?.focus();
  };

  // Moves the form under the comment being answered and puts the reader in its first field.
  const openReply = (comment, title, button) => {
    replyTo = comment.id;
    replyButton = button;
    formTitle.textContent = title;
    cancelButton.hidden = false;
    consentBox.hidden = ratingField.hidden = true;
    byId("c" + comment.id).append(formSection);
    byId("author").focus();
  };

  // -- the list ---------------------------------------------------------------------------------

  // The comments shown, by id: each one's <article> and the <div> with its text, which the
  // reader's tools (widget/mine.js) add to and swap for an edit form.
  const articles = new Map();

  // A comment; `status` is set only on the reader's own comments that still await review.
  const commentArticle = (comment) => {
    const body = element("div");
    body.innerHTML = comment.html; // sanitised by the service; the one HTML we insert
    const author = /^https?:\/\//i.test(comment.website)
      ? element("a", { class: "author", href: comment.website, rel: "nofollow ugc" }, comment.author)
      : element("span", { class: "author" }, comment.author);
    const replyLabel = text("replyTo", comment.author);
    const rating = comment.rating;
    const article = element(
      "article",
      { class: comment.status && "pending" },
      element(
        "div",
        { class: "byline" },
        author,
        comment.owner && element("span", { class: "badge" }, text("owner")),
        comment.status && element("span", { class: "badge waiting" }, text("pending")),
        rating &&
          element(
            "span",
            { class: "stars", role: "img", "aria-label": text("stars", rating) },
            "★".repeat(rating) + "☆".repeat(5 - rating),
          ),
        // The service sends the time to the second, as a `datetime` attribute takes it.
        element("time", { datetime: comment.created_at }, day(comment.created_at)),
      ),
      body,
      // A comment awaiting review takes no replies yet.
      !comment.status &&
        element(
          "button",
          {
            "aria-label": replyLabel,
            onclick: (event) => openReply(comment, replyLabel, event.currentTarget),
          },
          text("reply"),
        ),
      // A published comment can be reported (DSA art. 16): the report page, or with JavaScript
      // the form of widget/report.js, fetched only when a reader follows the link.
      !comment.status &&
        element(
          "a",
          {
            class: "report",
            href: `${API}/report/${comment.id}?lang=${LANG}`,
            "aria-label": text("reportLabel", comment.author),
            onclick: (event) => {
              event.preventDefault();
              // Kept now: once the event is over, its target is retargeted to the shadow host.
              const link = event.currentTarget;
              import(API + "/widget/report.js").then(
                (module) => module.open(link, { api: API, id: comment.id, lang: LANG }),
                () => location.assign(link.href),
              );
            },
          },
          text("report"),
        ),
    );
    articles.set(comment.id, { article, body });
    return article;
  };

  const loadComments = async () => {
    const token = savedToken();
    const [published, mine] = await Promise.all([
      request("/api/comments?page=" + encodeURIComponent(PAGE)),
      // The reader's own comments awaiting review; if that fails, the published ones still show.
      token && request("/api/comments/mine", { page: PAGE, author_token: token }).catch(() => null),
    ]);
    const comments = published.comments;
    const shown = new Set(comments.map((comment) => comment.id));
    for (const comment of mine?.comments || []) {
      if (!shown.has(comment.id)) {
        comments.push(comment);
        shown.add(comment.id);
      }
    }
    // Comments by the id of the comment they answer; 0 is the top level, which also takes the
    // replies to a comment that is not shown.
    const replies = {};
    for (const comment of comments) {
      const parent = shown.has(comment.parent) ? comment.parent : 0;
      (replies[parent] ||= []).push(comment);
    }
    const thread = (parent) =>
      replies[parent] &&
      element(
        "ol",
        {},
        ...replies[parent].map((comment) =>
          element("li", { id: "c" + comment.id }, commentArticle(comment), thread(comment.id)),
        ),
      );
    // Bring the form home first: it may sit inside the list that is about to be replaced.
    resetForm();
    articles.clear();
    list.replaceChildren(thread(0) || element("p", {}, text("empty")));
    list.ariaBusy = null;
    // The count of what the reader sees: the published comments and their own waiting ones.
    heading.textContent = `${text("title")} (${comments.length})`;
    // The tools for the reader's own comments are a second script, loaded only for a reader
    // who has comments here.
    if (mine?.own?.length) await ownTools("tools", mine.own);
  };

  // Runs `action` of the second script (widget/mine.js) for the reader's comments `own`.
  const ownTools = async (action, own) =>
    (await import(API + "/widget/mine.js"))[action](parts, own);

  // Each form token is good for one post, so a fresh one is fetched after every try.
  const loadFormConfig = async () => {
    formConfig = await request("/api/form").catch(() => ({}));
    formConfig.at = Date.now();
    ratingField.hidden ||= formConfig.ratings === false;
    byId("email").oninput();
  };

  resetForm();
  const remember = form.elements.remember;
  // A remembered reader finds their name and address filled in (and the box still ticked).
  try {
    const reader = JSON.parse(stored(READER_KEY));
    for (const name of ["author", "email", "website"]) byId(name).value = reader[name] || "";
    remember.checked = true;
  } catch {
    // Nothing remembered.
  }
  // ... and only when the service can mail readers at all.
  byId("email").oninput = () => {
    notifyBox.hidden = !byId("email").value.trim() || formConfig.reply_mail === false;
  };
  byId("email").oninput();
  byId("body").oninput = count;

  // -- sending ----------------------------------------------------------------------------------

  // Checking and sending are a second script (widget/send.js), loaded when a reader first sends:
  // most readers only read. The button stays disabled until the attempt is over, so a second
  // press sends nothing twice.
  form.onsubmit = async (event) => {
    event.preventDefault();
    sendButton.disabled = true;
    try {
      await (await import(API + "/widget/send.js")).submit(parts);
    } catch {
      // The script did not load: the reader's connection, most likely.
      status.textContent = text("fail");
    } finally {
      sendButton.disabled = false;
    }
  };

  // What the second scripts need from this one: widget/send.js to send the form, widget/mine.js
  // to add the reader's tools to their comments.
  const parts = {
    api: API,
    lang: LANG,
    element,
    request,
    byId,
    text,
    savedToken,
    stored,
    keys: { token: TOKEN_KEY, reader: READER_KEY },
    reload: loadComments,
    heading,
    manageButton,
    articles,
    form,
    status,
    count,
    fields: { rating: ratingField, consent: consentBox, remember, stars: ratingStars },
    formConfig: () => formConfig,
    replyTo: () => replyTo,
    loadFormConfig,
    // The page key; widget/send.js reads the title and the address itself, when sending.
    page: PAGE,
    options,
  };

  // -- links to one comment ---------------------------------------------------------------------

  // Feeds and testimonials link to PAGE#chorus-comment-N. The comments live in this shadow root,
  // where the page's own jump to an id cannot reach, so the widget finds comment N itself,
  // scrolls to it, marks it and gives it the focus.
  const linkedId = () => location.hash.match(/^#chorus-comment-(\d+)$/)?.[1];
  const showLinked = () => {
    const article = articles.get(Number(linkedId()))?.article;
    if (!article) return;
    article.tabIndex = -1;
    article.classList.add("linked");
    article.focus(); // which scrolls it into view
  };
  addEventListener("hashchange", showLinked);

  // -- start ------------------------------------------------------------------------------------

  const start = () => {
    loadComments()
      // Scrolled to in a frame after the one that draws the list: a scroll in the same frame as
      // the list's growth would count as the page jumping.
      .then(() => requestAnimationFrame(() => requestAnimationFrame(showLinked)))
      .catch((error) => {
        const refused = error.code === "forbidden_origin";
        list.replaceChildren(element("p", {}, text(refused ? "unavailable" : "fail")));
        list.ariaBusy = null;
        if (refused) {
          // For the site owner, who opens the console when the widget does not work.
          console.error("Chorus: " + error.message);
          widget.replaceChildren(heading, list);
        }
      });
    loadFormConfig();
  };
  // A link to a comment cannot wait for the reader to scroll down to the widget.
  if (options.lazy === "false" || linkedId()) {
    start();
  } else {
    // Wait until the reader scrolls near (400px ahead), so readers who stop early cost nothing.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: "400px" },
    );
    observer.observe(host);
  }
})();
