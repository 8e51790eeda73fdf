/* Chorus testimonials widget; the README lists its data-* options. Served minified. */
(() => {
  "use strict";

  const script = document.currentScript;
  // It is null when the file is loaded as a module: then there is no tag to read options from.
  if (!script) return;
  const options = script.dataset;
  const API = options.api || new URL(script.src).origin;
  const LANG = /^nl/i.test(options.lang || document.documentElement.lang) ? "nl" : "en";

  const STRINGS = {
    nl: {
      fail: "De verhalen konden niet worden geladen.",
      title: "Wat lezers vertellen",
      empty: "Nog geen verhalen.",
      read: "Lees het hele verhaal",
      stars: "{n} van 5 sterren",
      prev: "Vorige",
      next: "Volgende",
      slide: "{n} van {m}",
      label: "Verhalen van lezers",
      carousel: "carrousel",
      slideName: "dia",
      policy: "Zo gaan we om met ervaringen",
      report: "Meld",
      reportLabel: "Meld het verhaal van {n}",
    },
    en: {
      fail: "The stories could not be loaded.",
      title: "What readers say",
      empty: "No stories yet.",
      read: "Read the whole story",
      stars: "{n} out of 5 stars",
      prev: "Previous",
      next: "Next",
      slide: "{n} of {m}",
      label: "Stories from readers",
      carousel: "carousel",
      slideName: "slide",
      policy: "How we handle stories",
      report: "Report",
      reportLabel: "Report the story by {n}",
    },
  };
  const strings = STRINGS[LANG];

  // data-t-<key> on the script tag replaces a string (data-t-slide-name replaces slideName);
  // {n} and {m} in it are filled in.
  const text = (key, n, m) => {
    const override = "t" + key[0].toUpperCase() + key.slice(1);
    const template = override in options ? options[override] : strings[key];
    return template.replace("{n}", n).replace("{m}", m);
  };

  // Builds an element. Attributes named on... become event handlers; an attribute that is null,
  // undefined or false is left out, and so is a falsy child, so callers can write `flag && node`.
  const element = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith("on")) {
        node[name] = value;
      } else if (value != null && value !== false) {
        // `true` makes a boolean attribute, written bare (hidden="true" is not HTML); an ARIA
        // state keeps its word.
        node.setAttribute(name, value === true && !name.startsWith("aria-") ? "" : value);
      }
    }
    node.append(...children.filter(Boolean));
    return node;
  };

  const host =
    document.querySelector(options.target || "#chorus-testimonials") ||
    script.parentNode.insertBefore(element("div"), script);
  // The same script included twice: the first copy owns the widget.
  if (host.shadowRoot) return;
  const root = host.attachShadow({ mode: "open" });

  // The shadow root keeps the page's CSS out; `all: initial` on the host keeps it from leaking in
  // through inheritance. Owners theme it with --chorus-accent, --chorus-radius and --chorus-font.
  const DARK = "--a:var(--chorus-accent,#72d6b3)";
  root.append(
    element(
      "style",
      {},
      `:host{all:initial!important;display:block!important}
.w{--a:var(--chorus-accent,#0b6e4f);--r:var(--chorus-radius,10px)}
.w{color-scheme:light dark;font:16px/1.55 var(--chorus-font,system-ui,sans-serif);color:CanvasText;min-height:12em;overflow-wrap:anywhere}
@media(prefers-color-scheme:dark){.w:not([data-theme=light]){${DARK}}}
.w[data-theme=dark]{${DARK};color-scheme:dark}
.w[data-theme=light]{color-scheme:light}
*{box-sizing:border-box}
h2{font-size:1.3em;margin:0 0 .6em}
a,.st{color:var(--a)}
ul{list-style:none;margin:0;padding:0;display:grid;grid:auto/repeat(auto-fill,minmax(16em,1fr));gap:1em}
figure{margin:0;height:100%;display:flex;flex-direction:column;gap:.8em;padding:1.2em 1.4em;background:Canvas;border:1px solid #8886;border-top:4px solid var(--a);border-radius:var(--r)}
blockquote{margin:0;flex:1;font-size:1.05em}
blockquote:before{content:"“";display:block;font:700 3em/.6 Georgia,serif;color:var(--a);height:.45em}
p{margin:0 0 .5em}
figcaption{font-size:.9em;display:grid;grid:auto/2.6em 1fr;gap:0 .7em;align-items:center}
figcaption>*{grid-column:2}
figcaption>a{margin-top:.6em}
i{grid-column:1;grid-row:1/4;width:2.6em;height:2.6em;border-radius:50%;display:grid;place-items:center;font-style:normal;font-weight:600;background:var(--a);color:Canvas}
time{opacity:.8}
.h{margin-top:.8em;font-size:.9em}
.nav{display:flex;gap:.6em;align-items:center;margin-top:.8em}
button{font:inherit;cursor:pointer;background:Canvas;color:var(--a);border:1px solid #888;border-radius:var(--r);padding:.3em .9em}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}`,
    ),
  );
  // Its min-height (in the CSS) holds the space while the stories load, so the page keeps still.
  const widget = element(
    "div",
    { class: "w", "data-theme": options.theme, lang: LANG },
    element("h2", {}, text("title")),
  );
  root.append(widget);

  // Initials, never a third-party avatar: no reader's e-mail hash ever leaves the service.
  const initials = (name) => {
    const parts = name.trim().split(/\s+/);
    const first = (word) => Array.from(word)[0] || "";
    return (first(parts[0]) + (parts.length > 1 ? first(parts.at(-1)) : "")).toUpperCase();
  };
  // The whole story under its post (PAGE#chorus-comment-N), where the comments widget opens it.
  const storyLink = (story) => (/^https?:\/\//i.test(story.url || "") ? story.url : "");
  // The stars a story shows: none without a rating, none at all with data-ratings="false".
  const shownRating = (story) => (options.ratings !== "false" && story.rating) || 0;
  const day = new Intl.DateTimeFormat(LANG, { dateStyle: "medium" });
  // A `datetime` attribute takes at most three digits of a second; the service sends six.
  const toSecond = (isoDate) => isoDate.replace(/\.\d+/, "");

  // One story. Where the owner chose a passage, the service sends only its words, marked with
  // "…" where the story goes on; the link leads to the whole story under its post.
  const storyCard = (story) => {
    const quote = element("blockquote");
    quote.innerHTML = story.html; // sanitised by the service; the one HTML we insert
    const rating = shownRating(story);
    const link = storyLink(story);
    return element(
      "figure",
      {},
      quote,
      element(
        "figcaption",
        {},
        element("i", { "aria-hidden": true }, initials(story.author)),
        element("b", {}, story.author),
        element(
          "time",
          { datetime: toSecond(story.created_at) },
          day.format(new Date(story.created_at)),
        ),
        rating &&
          element(
            "span",
            { class: "st", role: "img", "aria-label": text("stars", rating) },
            "★".repeat(rating) + "☆".repeat(5 - rating),
          ),
        // In the caption: a figure's caption is its first or last child.
        link && element("a", { href: link }, text("read")),
        // The report page works without JavaScript; with it, the form opens in place.
        element(
          "a",
          {
            href: `${API}/report/${story.id}?lang=${LANG}`,
            "aria-label": text("reportLabel", story.author),
            onclick: (event) => {
              event.preventDefault();
              // Kept now: once the event is over, its target is retargeted to the shadow host.
              const link = event.currentTarget;
              import(API + "/widget/report.js").then(
                (module) => module.open(link, { api: API, id: story.id, lang: LANG }),
                () => location.assign(link.href),
              );
            },
          },
          text("report"),
        ),
      ),
    );
  };

  // schema.org Review data, only where the owner asks for it (data-jsonld), and only for the
  // stories that show their stars: Google requires reviewRating in a Review and forbids marking
  // up what the page does not show (hidden stars), and a story without stars is a quotation,
  // not a rated review. Search engines show no stars for a business's reviews on its own site.
  const addStructuredData = (stories, cards) => {
    const pairs = stories.map((story, index) => [story, cards[index]]);
    const reviews = pairs.filter(([story]) => shownRating(story)).map(([story, card]) => ({
      "@context": "https://schema.org",
      "@type": "Review",
      itemReviewed: {
        "@type": options.itemType || "Organization",
        name: options.itemName || document.title,
      },
      author: { "@type": "Person", name: story.author },
      ...(storyLink(story) && { url: storyLink(story) }),
      // The text as shown, so an excerpt is what search engines quote.
      reviewBody: card.querySelector("blockquote").textContent.trim(),
      datePublished: story.created_at.slice(0, 10),
      reviewRating: {
        "@type": "Rating",
        ratingValue: shownRating(story),
        bestRating: 5,
        worstRating: 1,
      },
    }));
    if (reviews.length === 0) return;
    const data = element("script", { type: "application/ld+json" });
    // Escaped "<" so that a story containing "</script>" cannot end the element early.
    data.textContent = JSON.stringify(reviews).replace(/</g, "\\u003c");
    document.head.append(data);
  };

  // One story at a time, with Previous and Next buttons and the arrow keys.
  const carousel = (cards) => {
    const total = cards.length;
    const slides = cards.map((card, index) =>
      element(
        "div",
        {
          role: "group",
          "aria-roledescription": text("slideName"),
          "aria-label": text("slide", index + 1, total),
          hidden: index > 0,
        },
        card,
      ),
    );
    let current = 0;
    // Shown, not read out: each slide's label already says "2 of 5".
    const counter = element("span", { "aria-hidden": true }, `1 / ${total}`);
    const move = (step) => {
      slides[current].hidden = true;
      current = (current + step + total) % total;
      slides[current].hidden = false;
      counter.textContent = `${current + 1} / ${total}`;
    };
    const onKeydown = (event) => {
      const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
      if (step) {
        move(step);
        event.preventDefault();
      }
    };
    return element(
      "section",
      {
        class: "c",
        "aria-roledescription": text("carousel"),
        "aria-label": text("label"),
        onkeydown: onKeydown,
      },
      element("div", { "aria-live": "polite" }, ...slides),
      element(
        "div",
        { class: "nav" },
        element(
          "button",
          { type: "button", onclick: () => move(-1) },
          element("span", { "aria-hidden": true }, "‹ "),
          text("prev"),
        ),
        element(
          "button",
          { type: "button", onclick: () => move(1) },
          text("next"),
          element("span", { "aria-hidden": true }, " ›"),
        ),
        counter,
      ),
    );
  };

  const load = async () => {
    // The honesty line's words are a second module, fetched beside the stories only when the
    // owner asks for the line (data-summary), so the first load stays within its budget.
    const summaryLine =
      options.summary === "true" &&
      import(API + "/widget/summary.js").then(
        (module) => module.line,
        () => null,
      );
    const response = await fetch(API + "/api/testimonials?limit=" + (Number(options.limit) || 6));
    if (!response.ok) throw response;
    const answer = await response.json();
    const stories = answer.testimonials;
    const cards = stories.map(storyCard);
    if (stories.length === 0) {
      widget.append(element("p", {}, text("empty")));
    } else {
      if (options.jsonld === "true") addStructuredData(stories, cards);
      const items = cards.map((card) => element("li", {}, card));
      widget.append(
        options.layout === "carousel" ? carousel(cards) : element("ul", { role: "list" }, ...items),
      );
    }
    // Under the wall: what became of every story received (when asked), and how they are chosen.
    const say = await summaryLine;
    const line = say && answer.summary && say(answer.summary, LANG);
    widget.append(
      element(
        "p",
        { class: "h" },
        line && line + " · ",
        element("a", { href: API + "/reviews/policy?lang=" + LANG }, text("policy")),
      ),
    );
  };

  const start = () => load().catch(() => widget.append(element("p", {}, text("fail"))));
  if (options.lazy === "false") {
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
