/* Chorus testimonials widget; the README lists its data-* options. */
(() => {
  "use strict";
  const S = document.currentScript;
  if (!S) return;
  const D = S.dataset, doc = document, API = D.api || new URL(S.src).origin;
  const LANG = /^nl/i.test(D.lang || doc.documentElement.lang) ? "nl" : "en";
  // data-t-<key> replaces a string.
  const K = "fail title empty read stars prev next slide label carousel slideName".split(" ");
  const V = (LANG == "nl"
    ? "De verhalen konden niet worden geladen.|Wat lezers vertellen|Nog geen verhalen.|Lees het verhaal|{n} van 5 sterren|Vorige|Volgende|{n} van {m}|Verhalen van lezers|carrousel|dia"
    : "The stories could not be loaded.|What readers say|No stories yet.|Read the story|{n} out of 5 stars|Previous|Next|{n} of {m}|Stories from readers|carousel|slide"
  ).split("|");
  const t = (k, n, m) => {
    const o = "t" + k[0].toUpperCase() + k.slice(1);
    return (o in D ? D[o] : V[K.indexOf(k)]).replace("{n}", n).replace("{m}", m);
  };
  const h = (tag, a = {}, ...kids) => {
    const e = doc.createElement(tag);
    for (const n in a) n[0] == "o" ? (e[n] = a[n]) : a[n] != null && a[n] !== false && e.setAttribute(n, a[n]);
    e.append(...kids.filter(Boolean));
    return e;
  };

  const host = doc.querySelector(D.target || "#chorus-testimonials") || S.parentNode.insertBefore(h("div"), S);
  if (host.shadowRoot) return;
  const root = host.attachShadow({ mode: "open" });
  const DARK = "--a:var(--chorus-accent,#72d6b3)";
  root.append(h("style", {}, `:host{all:initial!important;display:block!important}
.w{--a:var(--chorus-accent,#0b6e4f);--r:var(--chorus-radius,10px);color-scheme:light dark;font:16px/1.55 var(--chorus-font,system-ui,sans-serif);color:CanvasText;min-height:12em;overflow-wrap:anywhere}
@media(prefers-color-scheme:dark){.w:not([data-theme=light]){${DARK}}}.w[data-theme=dark]{${DARK};color-scheme:dark}.w[data-theme=light]{color-scheme:light}
*{box-sizing:border-box}h2{font-size:1.3em;margin:0 0 .6em}a,.st{color:var(--a)}
ul{list-style:none;margin:0;padding:0;display:grid;grid:auto/repeat(auto-fill,minmax(16em,1fr));gap:1em}
figure{margin:0;height:100%;display:flex;flex-direction:column;gap:.8em;padding:1.2em 1.4em;background:Canvas;border:1px solid #8886;border-top:4px solid var(--a);border-radius:var(--r)}
blockquote{margin:0;flex:1;font-size:1.05em}p{margin:0 0 .5em}figcaption{font-size:.9em}b{display:block}
.nav{display:flex;gap:.6em;align-items:center;margin-top:.8em}
button{font:inherit;cursor:pointer;background:Canvas;color:var(--a);border:1px solid #888;border-radius:var(--r);padding:.3em .9em}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}`));
  const W = h("div", { class: "w", "data-theme": D.theme, lang: LANG }, h("h2", {}, t("title")));
  root.append(W);

  const card = (x) => {
    const q = h("blockquote");
    if (x.excerpt) q.append(h("p", {}, x.excerpt));
    else q.innerHTML = x.html; // sanitised by the service; the one HTML we insert
    return h("figure", {}, q, h("figcaption", {},
      h("b", {}, x.author),
      D.ratings != "false" && x.rating && h("span", { class: "st", role: "img", "aria-label": t("stars", x.rating) }, "★".repeat(x.rating) + "☆".repeat(5 - x.rating)),
      " ",
      /^https?:\/\//i.test(x.page_url) && h("a", { href: x.page_url }, x.page_title || t("read"))));
  };
  // schema.org Review data for search engines, only where the owner asks for it (data-jsonld).
  const ld = (xs, cards) => {
    const s = h("script", { type: "application/ld+json" });
    s.textContent = JSON.stringify(xs.map((x, i) => ({
      "@context": "https://schema.org", "@type": "Review",
      itemReviewed: { "@type": D.itemType || "Organization", name: D.itemName || doc.title },
      author: { "@type": "Person", name: x.author },
      reviewBody: cards[i].querySelector("blockquote").textContent.trim(),
      datePublished: x.created_at.slice(0, 10),
      ...(x.rating && { reviewRating: { "@type": "Rating", ratingValue: x.rating, bestRating: 5 } }),
    }))).replace(/</g, "\\u003c");
    doc.head.append(s);
  };

  const load = async () => {
    const r = await fetch(API + "/api/testimonials?limit=" + (+D.limit || 6));
    if (!r.ok) throw r;
    const xs = (await r.json()).testimonials, cards = xs.map(card);
    if (!xs.length) return W.append(h("p", {}, t("empty")));
    if (D.jsonld == "true") ld(xs, cards);
    if (D.layout != "carousel") return W.append(h("ul", { role: "list" }, ...cards.map((c) => h("li", {}, c))));
    const slides = cards.map((c, i) => h("div", { role: "group", "aria-roledescription": t("slideName"), "aria-label": t("slide", i + 1, xs.length), hidden: i > 0 }, c));
    let at = 0;
    const count = h("span", { "aria-hidden": true }, `1 / ${xs.length}`);
    const show = (d) => {
      slides[at].hidden = true;
      at = (at + d + slides.length) % slides.length;
      slides[at].hidden = false;
      count.textContent = `${at + 1} / ${xs.length}`;
    };
    W.append(h("section", { class: "c", "aria-roledescription": t("carousel"), "aria-label": t("label"), onkeydown: (e) => {
      const d = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
      if (d) show(d), e.preventDefault();
    } }, h("div", { "aria-live": "polite" }, ...slides), h("div", { class: "nav" },
      h("button", { type: "button", onclick: () => show(-1) }, h("span", { "aria-hidden": true }, "‹ "), t("prev")),
      h("button", { type: "button", onclick: () => show(1) }, t("next"), h("span", { "aria-hidden": true }, " ›")),
      count)));
  };

  const go = () => load().catch(() => W.append(h("p", {}, t("fail"))));
  if (D.lazy == "false") go();
  else {
    const io = new IntersectionObserver((es) => es.some((x) => x.isIntersecting) && (io.disconnect(), go()), { rootMargin: "400px" });
    io.observe(host);
  }
})();
