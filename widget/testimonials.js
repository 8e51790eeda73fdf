/* Chorus testimonials widget; the README lists its data-* options. Served minified. */
(() => {
  "use strict";

  const script = document.currentScript;
  // It is null when the file is loaded as a module: then there is no tag to read options from.
  if (!script) return;
  const options = script.dataset;
  const API = options.api || new URL(script.src).origin;

  // The words by language, put in by the build from the catalogs (service/text,
  // widget.testimonials.*): every language, the fallback first, or only the one the script's
  // address names.
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
    again.src = `${API}/widget/testimonials.js?lang=${asked}`;
    script.after(again);
    return;
  }
  const LANG = asked in STRINGS ? asked : Object.keys(STRINGS)[0];
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

  // The styles are widget/testimonials.css, put in here by the build (service/assets.py).
  root.append(element("style", {}, "@include testimonials.css"));

  // data-heading replaces the heading; empty or "none" leaves it out (the page has its own).
  const heading = options.heading ?? text("title");
  // Its min-height (in the CSS) holds the space while the stories load, so the page keeps still.
  // Stories the host page rendered itself (an element with slot="list" in the container, e.g.
  // from the WordPress plugin) show here until the widget's own have arrived.
  const rendered = element("slot", { name: "list" });
  const widget = element(
    "div",
    { class: "widget", "data-theme": options.theme, lang: LANG },
    !/^(none)?$/i.test(heading) && element("h2", {}, heading),
    rendered,
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
  const day = new Intl.DateTimeFormat(LANG, { day: "numeric", month: "short", year: "numeric" });
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
        element("i", { class: "initials", "aria-hidden": true }, initials(story.author)),
        // Chorus itself asked this client by a personal invitation (source "invite"): the mark
        // sits on the name's line, so a verified story's card is no taller than any other.
        element("b", {}, story.author, story.verified && element("small", {}, text("verified"))),
        element(
          "time",
          { datetime: toSecond(story.created_at) },
          day.format(new Date(story.created_at)),
        ),
        rating &&
          element(
            "span",
            { class: "stars", role: "img", "aria-label": text("stars", rating) },
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
        class: "carousel",
        "aria-roledescription": text("carousel"),
        "aria-label": text("label"),
        onkeydown: onKeydown,
      },
      element("div", { "aria-live": "polite" }, ...slides),
      element(
        "div",
        { class: "carousel-nav" },
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
    // data-lang also keeps only the stories written in that language; data-page, one post's.
    const query = new URLSearchParams({ limit: Number(options.limit) || 6 });
    if (options.lang) query.set("lang", LANG);
    if (options.page) query.set("page", options.page);
    const response = await fetch(API + "/api/testimonials?" + query);
    if (!response.ok) throw response;
    const answer = await response.json();
    const stories = answer.testimonials;
    const cards = stories.map(storyCard);
    rendered.remove();
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
        { class: "honesty" },
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
