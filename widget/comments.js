/* Chorus comments widget; the README lists its data-* options. */
(() => {
  "use strict";
  const S = document.currentScript;
  if (!S) return;
  const D = S.dataset, doc = document, API = D.api || new URL(S.src).origin, TOK = "chorus:author";
  const can = doc.querySelector("link[rel=canonical]");
  const PAGE = D.page || (can ? new URL(can.href).pathname : location.pathname);
  const HREF = can ? can.href : location.href.split("#")[0];
  const LANG = /^nl/i.test(D.lang || doc.documentElement.lang) ? "nl" : "en";
  // data-t-<key> replaces a string; API error codes are keys too.
  const K = "fail title empty form name email emailHint site body rating stars consent send sending thanks live reply replyTo cancel owner pending required too_long invalid_email invalid_url too_many_links duplicate rate_limited expired control_character".split(" ");
  const V = (LANG == "nl"
    ? "Er ging iets mis. Probeer het later opnieuw.|Reacties|Nog geen reacties.|Deel je verhaal|Naam|E-mail (optioneel)|Nooit zichtbaar, alleen voor de eigenaar.|Website (optioneel)|Je verhaal|Waardering (optioneel)|{n} van 5 sterren|Mijn verhaal mag met mijn naam als aanbeveling op deze website staan.|Verstuur|Versturen…|Dank je wel! Je verhaal verschijnt na goedkeuring.|Dank je wel! Je reactie staat online.|Reageer|Reageer op {n}|Annuleer|Eigenaar|Wacht op goedkeuring|Vul dit veld in.|Dit is te lang.|Geen geldig e-mailadres.|Geen geldig webadres.|Te veel links.|Dit verhaal staat er al.|Even geduld, probeer het straks opnieuw.|Het formulier was verlopen; verstuur het opnieuw.|Bevat ongeldige tekens."
    : "Something went wrong. Please try again later.|Comments|No comments yet.|Share your story|Name|Email (optional)|Never shown; only the owner sees it.|Website (optional)|Your story|Rating (optional)|{n} out of 5 stars|My story may be shown with my name as a testimonial on this website.|Send|Sending…|Thank you! Your story will appear after review.|Thank you! Your comment is live.|Reply|Reply to {n}|Cancel|Owner|Awaiting review|Please fill in this field.|This is too long.|Not a valid email address.|Not a valid web address.|Too many links.|This was already posted.|Please wait a little and try again.|The form had expired; please send it again.|Contains invalid characters."
  ).split("|");
  const t = (k, n) => ((n = "t" + k[0].toUpperCase() + k.slice(1)) in D ? D[n] : V[K.indexOf(k)] || V[0]);
  const stars = (n) => t("stars").replace("{n}", n);
  const h = (tag, a = {}, ...kids) => {
    const e = doc.createElement(tag);
    for (const n in a) n[0] == "o" ? (e[n] = a[n]) : a[n] != null && a[n] !== false && e.setAttribute(n, a[n]);
    e.append(...kids.filter(Boolean));
    return e;
  };
  const keep = (v) => { try { return v ? localStorage.setItem(TOK, v) : localStorage[TOK]; } catch (e) {} };
  const j = async (path, body) => {
    const r = await fetch(API + path, body && { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body, (k, v) => (v === "" || v === 0 || v === false ? void 0 : v)) });
    const x = await r.json().catch(() => ({}));
    if (!r.ok) throw x.error || {};
    return x;
  };
  const ago = (iso) => {
    let s = (Date.parse(iso) - Date.now()) / 1e3, i = 0, u = [60, 60, 24, 7, 4.35, 12, 1 / 0];
    while (Math.abs(s) >= u[i]) s /= u[i++];
    return new Intl.RelativeTimeFormat(LANG, { numeric: "auto" }).format(Math.round(s), "second minute hour day week month year".split(" ")[i]);
  };

  const host = doc.querySelector(D.target || "#chorus-comments") || S.parentNode.insertBefore(h("div"), S);
  if (host.shadowRoot) return;
  const root = host.attachShadow({ mode: "open" });
  const $ = (id) => root.getElementById(id);
  const DARK = "--a:var(--chorus-accent,#72d6b3);--er:#ff9b8f";
  root.append(h("style", {}, `:host{all:initial!important;display:block!important}
.w{--a:var(--chorus-accent,#0b6e4f);--er:#b42318;--ln:1px solid #8886;--r:var(--chorus-radius,10px);color-scheme:light dark;font:16px/1.55 var(--chorus-font,system-ui,sans-serif);color:CanvasText;background:Canvas;border:var(--ln);border-radius:var(--r);padding:1.25em 1.5em;overflow-wrap:anywhere}
@media(prefers-color-scheme:dark){.w:not([data-theme=light]){${DARK}}}.w[data-theme=dark]{${DARK};color-scheme:dark}.w[data-theme=light]{color-scheme:light}
*{box-sizing:border-box}h2,h3{font-size:1.25em;margin:0}a,.st,.rt label{color:var(--a)}p{margin:.3em 0 0}
ol{list-style:none;margin:0;padding:0}ol ol{padding-left:1.2em;border-left:2px solid #8886}
article{padding:.9em 0;border-top:var(--ln)}.tx+button{margin-top:.4em}.pe{background:#8881;border:1px dashed #888;padding:.9em}
.hd{display:flex;flex-wrap:wrap;align-items:center;gap:.2em .6em}.au{font-weight:650}time,.hi{opacity:.8;font-size:.875em}
.b{font-size:.75em;font-weight:650;padding:0 .6em;border-radius:9px;background:var(--a);color:Canvas}.pd{background:0;color:inherit;border:1px solid}
button{font:inherit;cursor:pointer;border-radius:var(--r);background:0;color:var(--a);border:var(--ln);padding:.1em .8em}
section{margin-top:1em;padding-top:1em;border-top:var(--ln)}.ft{display:flex;justify-content:space-between}
form{display:grid;gap:.9em;margin-top:.8em}
label,legend{display:block;font-weight:600;font-size:.9em;padding:0}
input,textarea{width:100%;font:inherit;border:1px solid #888;border-radius:6px;padding:.5em .65em;margin-top:.25em}
[aria-invalid]{border:2px solid var(--er)}.er{color:var(--er);font-weight:600}.er:empty{display:none}
fieldset{border:0;margin:0;padding:0}.rt input{position:absolute;opacity:0;width:1px}.vh{position:absolute;left:-9999px}.rt label{display:inline;font-size:1.7em;padding:0 .1em}
.ck{display:flex;gap:.6em;font-weight:400}.ck input{width:1.1em;margin:.2em 0 0;flex:none;accent-color:var(--a)}
.go{display:flex;flex-wrap:wrap;gap:.8em;align-items:center}.sb{background:var(--a);color:Canvas;border:0;padding:.6em 1.4em;font-weight:650}.sb:disabled{opacity:.6}
.ss:not(:empty){margin:0;padding:.5em .9em;border-left:4px solid var(--a);background:#8881}
:focus-visible,:focus-visible+label{outline:3px solid var(--a);outline-offset:2px}`));

  const field = (n, label, input, hint) => {
    Object.assign(input, { id: n, name: n });
    input.setAttribute("aria-describedby", "h" + n + " e" + n);
    return h("div", {}, h("label", { for: n }, label), input, hint && h("p", { class: "hi", id: "h" + n }, hint), h("p", { class: "er", id: "e" + n }));
  };
  const rt = h("div", { class: "rt" });
  for (let n = 1; n < 6; n++) rt.append(h("input", { type: "radio", name: "rating", id: "r" + n, value: n }), h("label", { for: "r" + n }, h("span", { "aria-hidden": true }, "☆"), h("span", { class: "vh" }, stars(n))));
  rt.onchange = () => rt.querySelectorAll("[aria-hidden]").forEach((s, i) => (s.textContent = i < F.elements.rating.value ? "★" : "☆"));
  const rate = h("fieldset", { id: "rating", hidden: D.ratings == "false" }, h("legend", {}, t("rating")), rt, h("p", { class: "er", id: "erating" }));
  const say = h("p", { class: "ss", role: "status", "aria-live": "polite" });
  const btn = h("button", { class: "sb" }, t("send"));
  const F = h("form", { novalidate: 1 },
    field("author", t("name"), h("input", { autocomplete: "name", required: 1 })),
    field("email", t("email"), h("input", { type: "email", autocomplete: "email" }), t("emailHint")),
    field("website", t("site"), h("input", { type: "url", autocomplete: "url" })),
    field("body", t("body"), h("textarea", { rows: 6, required: 1 })),
    rate,
    h("label", { class: "ck" }, h("input", { type: "checkbox", name: "consent" }), t("consent")),
    h("div", { class: "vh", "aria-hidden": true }, h("input", { name: "hp", tabindex: -1, autocomplete: "off" })),
    h("div", { class: "go" }, btn, say));
  const head = h("h2", {}, t("title")), list = h("div"), ttl = h("h3");
  const cancel = h("button", { onclick: () => home(1) }, t("cancel"));
  const fw = h("section", {}, h("div", { class: "ft" }, ttl, cancel), F);
  const W = h("div", { class: "w", "data-theme": D.theme, lang: LANG }, head, list, fw);
  root.append(W);

  let cfg = {}, parent, back;
  const home = (focus) => {
    parent = null;
    ttl.textContent = t("form");
    cancel.hidden = 1;
    fw.parentNode == W || W.append(fw); // moving it would drop the reader's focus
    focus && back && back.focus();
  };
  const item = (c) => {
    const tx = h("div");
    tx.innerHTML = c.html; // sanitised by the service; the one HTML we insert
    const who = /^https?:\/\//i.test(c.website) ? h("a", { href: c.website, rel: "nofollow ugc" }, c.author) : h("span", {}, c.author);
    const re = t("replyTo").replace("{n}", c.author);
    who.className = "au";
    return h("article", { class: c.status && "pe" },
      h("div", { class: "hd" }, who,
        c.owner && h("span", { class: "b" }, t("owner")),
        c.status && h("span", { class: "b pd" }, t("pending")),
        c.rating && h("span", { class: "st", role: "img", "aria-label": stars(c.rating) }, "★".repeat(c.rating) + "☆".repeat(5 - c.rating)),
        h("time", { datetime: c.created_at }, ago(c.created_at))),
      tx,
      !c.status && h("button", { "aria-label": re, onclick: (e) => {
        parent = c.id;
        back = e.target;
        ttl.textContent = re;
        cancel.hidden = 0;
        $("c" + c.id).append(fw);
        $("author").focus();
      } }, t("reply")));
  };
  const load = async () => {
    const tok = keep();
    const [all, mine] = await Promise.all([
      j("/api/comments?page=" + encodeURIComponent(PAGE)),
      tok && j("/api/comments/mine", { page: PAGE, author_token: tok }).catch(() => 0),
    ]);
    const cs = all.comments, ids = new Set(cs.map((c) => c.id)), kids = {};
    for (const c of mine?.comments || []) ids.has(c.id) || (cs.push(c), ids.add(c.id));
    for (const c of cs) (kids[ids.has(c.parent) ? c.parent : 0] ||= []).push(c);
    const tree = (p) => kids[p] && h("ol", {}, ...kids[p].map((c) => h("li", { id: "c" + c.id }, item(c), tree(c.id))));
    home();
    list.replaceChildren(tree(0) || h("p", {}, t("empty")));
  };
  const form = async () => {
    cfg = await j("/api/form").catch(() => ({}));
    if (cfg.ratings === false) rate.hidden = 1;
  };
  home();

  F.onsubmit = async (e) => {
    e.preventDefault();
    const d = Object.fromEntries(new FormData(F));
    const err = (n, m) => {
      const f = $(n);
      if (!f) return (say.textContent = m);
      $("e" + n).textContent = m;
      f.setAttribute("aria-invalid", true);
      (n == "rating" ? $("r1") : f).focus();
    };
    for (const x of F.querySelectorAll("[id]")) x.removeAttribute("aria-invalid"), x.className == "er" && (x.textContent = "");
    say.textContent = "";
    const missing = ["body", "author"].filter((n) => !d[n].trim());
    if (missing[0]) return missing.map((n) => err(n, t("required")));
    Object.assign(d, {
      page: PAGE, page_title: D.title || doc.title, page_url: /^https?:/.test(HREF) && HREF, lang: LANG, parent,
      form_token: cfg.form_token, author_token: keep(), rating: !rate.hidden && +d.rating,
      consent: !!d.consent, consent_version: d.consent && cfg.consent_version,
    });
    btn.disabled = true;
    say.textContent = t("sending");
    try {
      const x = await j("/api/comments", d);
      keep(x.author_token);
      F.reset();
      rt.onchange();
      for (const n of ["author", "email", "website"]) $(n).value = d[n];
      await load();
      say.textContent = t(x.status == "approved" ? "live" : "thanks");
    } catch (x) {
      if (x.code == "expired") form();
      say.textContent = "";
      err(x.field, t(x.code || "fail"));
    } finally {
      btn.disabled = false;
    }
  };

  const go = () => (load().catch(() => list.replaceChildren(h("p", {}, t("fail")))), form());
  if (D.lazy == "false") go();
  else {
    const io = new IntersectionObserver((es) => es.some((x) => x.isIntersecting) && (io.disconnect(), go()), { rootMargin: "400px" });
    io.observe(host);
  }
})();
