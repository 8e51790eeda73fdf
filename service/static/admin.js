/* Chorus moderation page: makes the server-rendered forms faster through the owner JSON API.
 * Without this file every button still works (plain forms, redirect after POST). With it:
 * actions without a reload, an undo notice for every change, keyboard shortcuts with the first
 * card focused, bulk select-all, an excerpt picker and a redaction helper that both take a
 * selection from the comment or from their own field and preview the result, a remembered
 * light/dark choice, and times in the owner's time zone. No framework, no build step. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="csrf-token"]');
  var textNode = document.getElementById("admin-text");
  if (!meta || !textNode) return;
  var CSRF = meta.getAttribute("content");
  var T = JSON.parse(textNode.textContent);
  var list = document.querySelector("[data-cards]");
  var root = document.documentElement;
  // The undo window the server keeps (UNDO_SECONDS); the notice offers undo for as long.
  var UNDO_MS = (Number(root.dataset.undoSeconds) || 30) * 1000;
  var THEME_KEY = "chorus-admin-theme";

  // "_one" where the page's language takes the singular (1; in French 0 too), else "_other".
  var PLURAL = new Intl.PluralRules(root.lang);
  function plural(key, n) {
    return fill(T[key + (PLURAL.select(n) === "one" ? "_one" : "_other")], { n: n });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? String(values[key]) : "";
    });
  }

  // -- talking to the owner API ------------------------------------------------------------

  function api(method, url, body) {
    var options = {
      method: method,
      credentials: "same-origin",
      headers: { "X-CSRF-Token": CSRF, Accept: "application/json" },
    };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(
      function (response) {
        if (response.status === 401) {
          location.assign("/admin/login?next=" + encodeURIComponent(location.pathname + location.search));
        }
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (data) {
            return { ok: response.ok, status: response.status, data: data };
          });
      },
      function () {
        return { ok: false, status: 0, data: null };
      }
    );
  }

  function errorText(result) {
    var error = result.data && result.data.error;
    var code = error && error.code;
    // A refusal that names a limit (max_pins) says it in the owner's words too.
    return (code && T["error_" + code] && fill(T["error_" + code], error)) || T.failed;
  }

  // -- the notice with undo ----------------------------------------------------------------

  var toast = document.getElementById("toast");
  var toastText = document.getElementById("toast-text");
  var toastUndo = document.getElementById("toast-undo");
  var toastTimer = 0;
  var undoAction = null;

  function hideToast() {
    clearTimeout(toastTimer);
    toast.hidden = true;
    undoAction = null;
  }

  // The notice stays until the next change replaces it; its undo goes when the window ends.
  function armTimer() {
    clearTimeout(toastTimer);
    if (!undoAction) return;
    toastTimer = setTimeout(function () {
      undoAction = null;
      toastUndo.hidden = true;
    }, UNDO_MS);
  }

  function notify(message, onUndo) {
    toastText.textContent = message;
    undoAction = onUndo || null;
    toastUndo.hidden = !onUndo;
    toast.hidden = false;
    armTimer();
  }

  toastUndo.addEventListener("click", function () {
    var run = undoAction;
    hideToast();
    if (run) run();
  });
  document.getElementById("toast-close").addEventListener("click", hideToast);

  // -- cards and focus ---------------------------------------------------------------------

  function cards() {
    return list ? Array.prototype.slice.call(list.querySelectorAll("article.card")) : [];
  }

  var current = null;

  function focusCard(card) {
    if (!card) return;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("focusin", function (event) {
    var card = event.target.closest ? event.target.closest("article.card") : null;
    if (card && card !== current) {
      if (current) current.classList.remove("is-current");
      current = card;
      card.classList.add("is-current");
    }
  });

  function nextPendingAfter(index, all) {
    var after = all.slice(index + 1).concat(all.slice(0, index));
    for (var i = 0; i < after.length; i++) {
      if (after[i].isConnected && after[i].dataset.status === "pending") return after[i];
    }
    var rest = all.slice(index + 1).filter(function (c) {
      return c.isConnected;
    });
    return rest[0] || all.slice(0, index).filter(function (c) {
      return c.isConnected;
    }).pop();
  }

  function backUrl() {
    var params = new URLSearchParams(location.search);
    ["done", "undo", "was", "n"].forEach(function (k) {
      params.delete(k);
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function fetchCard(id) {
    var url = "/admin/comments/" + id + "?pick=" + (list ? 1 : 0) + "&back=" + encodeURIComponent(backUrl());
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) return null;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("c" + id);
        return fresh ? document.importNode(fresh, true) : null;
      });
  }

  function refreshCard(card) {
    var hadFocus = card.contains(document.activeElement);
    return fetchCard(card.dataset.id).then(function (fresh) {
      if (!fresh || !card.isConnected) return card;
      card.replaceWith(fresh);
      enhance(fresh);
      if (hadFocus) focusCard(fresh);
      return fresh;
    });
  }

  function fitsTab(status, testimonial) {
    var tab = list ? list.dataset.tab : "all";
    if (tab === "all") return true;
    if (tab === "testimonials") return status === "approved" && testimonial;
    return tab === status;
  }

  // Replace a card that left this tab by an empty slot, so undo can put it back in place.
  function removeCard(card) {
    var slot = document.createElement("div");
    slot.hidden = true;
    slot.dataset.slot = card.dataset.id;
    card.replaceWith(slot);
    if (card === current) current = null;
    return slot;
  }

  // Tab counts and "1–20 of 57" after a change, for the filter this page shows.
  function updateCounts() {
    var shown = new URLSearchParams(location.search);
    var query = new URLSearchParams({ limit: "1", status: list ? list.dataset.tab : "all" });
    ["page", "q", "order"].forEach(function (key) {
      if (shown.get(key)) query.set(key, shown.get(key));
    });
    return api("GET", "/admin/api/comments?" + query.toString()).then(function (result) {
      if (!result.ok || !result.data) return;
      var counts = result.data.counts;
      document.querySelectorAll("[data-count]").forEach(function (node) {
        var key = node.dataset.count;
        if (key in counts) node.textContent = counts[key];
      });
      var showing = document.querySelector("[data-showing]");
      var onPage = cards().length;
      if (showing) {
        var offset = Number(showing.dataset.offset) || 0;
        showing.textContent = fill(T.showing, {
          first: onPage ? offset + 1 : 0,
          last: offset + onPage,
          total: result.data.total,
        });
      }
      // An empty page shows its empty state alone: no bulk bar, no "0–0 of 0".
      document.querySelectorAll("[data-with-cards]").forEach(function (node) {
        node.hidden = onPage === 0;
      });
      var empty = document.querySelector("[data-empty]");
      if (empty && list && onPage === 0) {
        if (result.data.total > 0) location.assign(backUrl().replace(/([?&])offset=\d+&?/, "$1"));
        else empty.hidden = false;
      }
      updateSelection();
    });
  }

  // After a status change: cards that left the tab go, the others are redrawn by the server;
  // then the next card waiting for review gets focus.
  function afterStatusChange(changed, status) {
    var all = cards();
    var last = all.indexOf(changed[changed.length - 1]);
    var work = changed.map(function (card) {
      if (fitsTab(status, card.dataset.testimonial === "1")) return refreshCard(card);
      removeCard(card);
      return Promise.resolve(null);
    });
    return Promise.all(work).then(function () {
      var fresh = cards();
      var target = nextPendingAfter(last, all.map(function (c) {
        return c.isConnected ? c : document.getElementById(c.id) || c;
      }));
      if (target && target.isConnected) focusCard(target);
      else if (fresh.length) focusCard(fresh[0]);
      else document.getElementById("main").focus();
      return updateCounts();
    });
  }

  // Take back one action (its undo key from the API) and redraw the cards it touched.
  function undoBatch(batch) {
    return api("POST", "/admin/api/undo", { batch: batch }).then(function (result) {
      if (!result.ok) {
        notify(errorText(result));
        return;
      }
      var done = result.data.undone.map(function (item) {
        return String(item.id);
      });
      var work = done.map(function (id) {
        var slot = list && list.querySelector('[data-slot="' + id + '"]');
        var card = document.getElementById("c" + id);
        if (card) return refreshCard(card);
        if (!slot) return null;
        return fetchCard(id).then(function (fresh) {
          if (fresh) {
            slot.replaceWith(fresh);
            enhance(fresh);
            return fresh;
          }
          return null;
        });
      });
      return Promise.all(work).then(function (restored) {
        notify(T.done_undo);
        var first = restored.filter(Boolean)[0];
        if (first) focusCard(first);
        var empty = document.querySelector("[data-empty]");
        if (empty && cards().length) empty.hidden = true;
        return updateCounts();
      });
    });
  }

  // -- actions -------------------------------------------------------------------------------

  // Approving or promoting a comment with a phone number, an e-mail address, a health claim or
  // medication asks once more in a dialog that names the hints; `retry` sends the confirmation.
  function secondLook(card, result, retry) {
    var error = result.data && result.data.error;
    if (result.status !== 409 || !error || error.code !== "confirm_hints") return null;
    var labels = Array.prototype.map.call(card.querySelectorAll(".hints li"), function (item) {
      return item.textContent.trim();
    });
    var question = fill(T.confirm_hints_ask, { hints: labels.join(", ") || error.hints.join(", ") });
    if (!window.confirm(question)) {
      notify(T.error_confirm_hints);
      focusCard(card);
      return Promise.resolve();
    }
    return retry(error.hints);
  }

  // The author changed the text after this card was drawn: nothing was published; the card
  // is redrawn with the new text (and its new `seen`), and the owner is told so in words.
  function changedSince(card, result) {
    var error = result.data && result.data.error;
    if (result.status !== 409 || !error || error.code !== "changed_since") return null;
    return refreshCard(card).then(function (fresh) {
      focusCard(fresh);
      notify(T.error_changed_since);
    });
  }

  // The reason picked on the card: with one, the writer is sent a statement of reasons.
  function grounds(card) {
    var reason = card.querySelector("[data-reason]");
    if (!reason || !reason.value) return undefined;
    var note = card.querySelector("[data-reason-note]");
    return { reason: reason.value, reason_note: note ? note.value : "" };
  }

  function moderate(card, action, confirmHints) {
    var id = card.dataset.id;
    card.classList.add("is-busy");
    // An approval carries the version of the text this card shows (`seen`).
    var body = action === "approve" ? { seen: card.dataset.seen } : undefined;
    if (action === "reject") body = grounds(card);
    if (confirmHints) body = Object.assign(body || {}, { confirm_hints: confirmHints });
    return api("POST", "/admin/api/comments/" + id + "/" + action, body).then(function (result) {
      card.classList.remove("is-busy");
      if (!result.ok) {
        var asked =
          changedSince(card, result) ||
          secondLook(card, result, function (hints) {
            return moderate(card, action, hints);
          });
        if (!asked) notify(errorText(result));
        return asked;
      }
      var batch = result.data.undo;
      var undo = function () {
        undoBatch(batch);
      };
      // A pin moves the card on the wall, not in the queue: the card is redrawn where it is.
      if (action === "pin" || action === "unpin") {
        return refreshCard(card).then(function (fresh) {
          focusCard(fresh);
          notify(T["done_" + action]);
        });
      }
      if (action === "demote") {
        card.dataset.testimonial = "0";
        var gone = list && list.dataset.tab === "testimonials";
        return (gone ? afterStatusChange([card], "approved") : refreshCard(card)).then(function () {
          notify(T.done_demote, undo);
        });
      }
      return afterStatusChange([card], result.data.status).then(function () {
        notify(T["done_" + action], undo);
      });
    });
  }

  function bulk(action) {
    var picked = cards().filter(function (card) {
      var box = card.querySelector("[data-pick]");
      return box && box.checked;
    });
    if (!picked.length) {
      notify(T.bulk_none);
      return;
    }
    var ids = picked.map(function (card) {
      return Number(card.dataset.id);
    });
    // Each card's version of its text: a card whose text changed since is left as it is.
    var seen = {};
    picked.forEach(function (card) {
      seen[card.dataset.id] = card.dataset.seen;
    });
    api("POST", "/admin/api/bulk", { ids: ids, action: action, seen: seen }).then(function (result) {
      if (!result.ok) {
        notify(errorText(result));
        return;
      }
      var changed = result.data.changed.map(String);
      var touched = picked.filter(function (card) {
        return changed.indexOf(card.dataset.id) !== -1;
      });
      var moved = (result.data.changed_since || []).map(String);
      picked
        .filter(function (card) {
          return moved.indexOf(card.dataset.id) !== -1;
        })
        .forEach(refreshCard);
      var status = { approve: "approved", reject: "rejected", spam: "spam" }[action];
      picked.forEach(function (card) {
        card.querySelector("[data-pick]").checked = false;
      });
      var batch = result.data.undo;
      afterStatusChange(touched, status).then(function () {
        var skipped = (result.data.skipped || []).length;
        var text = plural("done_bulk", changed.length);
        if (skipped) text += " " + plural("bulk_skipped", skipped);
        if (moved.length) text += " " + plural("bulk_changed_since", moved.length);
        notify(
          text,
          batch
            ? function () {
                undoBatch(batch);
              }
            : null
        );
      });
    });
  }

  var pendingDelete = null;
  var deleteDialog = document.getElementById("confirm-delete");
  deleteDialog.addEventListener("close", function () {
    var card = pendingDelete;
    pendingDelete = null;
    if (!card || deleteDialog.returnValue !== "delete") {
      if (card) focusCard(card);
      return;
    }
    api("DELETE", "/admin/api/comments/" + card.dataset.id, grounds(card)).then(function (result) {
      if (!result.ok) {
        notify(errorText(result));
        return;
      }
      var all = cards();
      var index = all.indexOf(card);
      card.remove();
      var next = nextPendingAfter(index, all);
      if (next) focusCard(next);
      else document.getElementById("main").focus();
      notify(T.done_delete);
      updateCounts();
    });
  });

  // -- one way to select: in the comment's text or in the tool's own field ---------------------

  function words(text) {
    return text.normalize("NFC").split(/\s+/).filter(Boolean).join(" ");
  }

  var lastSelection = { card: null, text: "" };
  document.addEventListener("selectionchange", function () {
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode) return;
    var node = selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement;
    var text = node && node.closest("[data-text]");
    if (text) lastSelection = { card: text.closest("article.card"), text: selection.toString() };
  });

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Where the owner's selection lies in `text`: the field's own selection when it has one,
  // else the words selected in this card's displayed comment, found whatever white space
  // (a paragraph break) lies between them. Null when nothing is selected.
  function selectionIn(area, text) {
    if (area.selectionStart !== area.selectionEnd) {
      return { start: area.selectionStart, end: area.selectionEnd, own: true };
    }
    var card = area.closest("article.card");
    var picked = lastSelection.card === card ? words(lastSelection.text) : "";
    if (!picked) return null;
    var match = new RegExp(picked.split(" ").map(escapeRegExp).join("\\s+")).exec(text);
    return match ? { start: match.index, end: match.index + match[0].length, own: false } : null;
  }

  // Both tools show the result as it will read, before anything is saved.
  function showPreview(area, text) {
    var box = area.closest("form").querySelector("[data-preview]");
    if (!box) return;
    box.hidden = !text;
    box.querySelector("[data-preview-text]").textContent = text;
  }

  function checkExcerpt(area) {
    var value = words(area.value);
    var whole = words(area.defaultValue);
    var ok = value !== "" && whole.indexOf(value) !== -1;
    var error = document.getElementById(area.id + "-error");
    area.setAttribute("aria-invalid", ok ? "false" : "true");
    if (error) error.hidden = ok;
    showPreview(area, ok && value !== whole ? "“" + value + "”" : "");
    return ok;
  }

  function useSelection(area) {
    var range = selectionIn(area, area.defaultValue);
    var source = range && range.own ? area.value : area.defaultValue;
    var picked = range ? words(source.slice(range.start, range.end)) : "";
    if (!picked) {
      notify(T.excerpt_no_selection);
      area.focus();
      return;
    }
    area.value = picked;
    checkExcerpt(area);
    area.focus();
  }

  function promote(form, confirmHints) {
    var area = form.querySelector("[data-excerpt]");
    if (!checkExcerpt(area)) {
      area.focus();
      return;
    }
    var card = form.closest("article.card");
    var excerpt = words(area.value);
    if (excerpt === words(area.defaultValue)) excerpt = "";
    var body = { excerpt: excerpt, seen: card.dataset.seen };
    if (confirmHints) body.confirm_hints = confirmHints;
    api("POST", "/admin/api/comments/" + card.dataset.id + "/promote", body).then(function (result) {
      if (!result.ok) {
        var asked =
          changedSince(card, result) ||
          withoutClaim(form, result) ||
          secondLook(card, result, function (hints) {
            promote(form, hints);
          });
        if (!asked) notify(errorText(result));
        return;
      }
      refreshCard(card).then(function (fresh) {
        focusCard(fresh);
        notify(T.done_promote, function () {
          undoBatch(result.data.undo);
        });
        updateCounts();
      });
    });
  }

  // A health claim in what would go onto the homepage: say what the rule protects, and offer
  // the sentences without the claim as the passage; the owner checks it and promotes herself.
  function withoutClaim(form, result) {
    var error = result.data && result.data.error;
    var offer = error && error.code === "confirm_hints" && error.excerpt_without_claim;
    if (result.status !== 409 || !offer) return null;
    if (!window.confirm(fill(T.confirm_hints_claim_offer, { why: form.dataset.claimWhy || "" }))) return null;
    var area = form.querySelector("[data-excerpt]");
    area.value = offer;
    checkExcerpt(area);
    area.focus();
    notify(T.done_without_claim);
    return true;
  }

  // The owner's own reply with a phone number, an e-mail address, a health claim or medication
  // asks once more, naming them, before it goes out.
  function replyLook(form, result) {
    var error = result.data && result.data.error;
    if (result.status !== 409 || !error || error.code !== "confirm_hints") return false;
    var labels = JSON.parse(form.dataset.hintLabels || "{}");
    var named = error.hints.map(function (code) {
      return labels[code] || code;
    });
    if (!window.confirm(fill(T.confirm_hints_reply_ask, { hints: named.join(", ") }))) {
      notify(T.error_confirm_hints);
      return true;
    }
    reply(form, error.hints);
    return true;
  }

  function reply(form, confirmHints) {
    var area = form.querySelector("textarea");
    var card = form.closest("article.card");
    if (!area.value.trim()) {
      area.focus();
      return;
    }
    var body = { body: area.value };
    if (confirmHints) body.confirm_hints = confirmHints;
    api("POST", "/admin/api/comments/" + card.dataset.id + "/reply", body).then(function (result) {
      if (!result.ok) {
        if (!replyLook(form, result)) notify(errorText(result));
        return;
      }
      area.value = "";
      form.closest("details").open = false;
      focusCard(card);
      notify(T.done_reply, function () {
        undoBatch(result.data.undo);
      });
      updateCounts();
    });
  }

  // -- redaction: the owner cuts passages from the reader's text, never adds words --------------

  var MARK = "[…]"; // service.comments.REDACTION_MARK

  function fieldError(area, message) {
    var error = document.getElementById(area.id + "-error");
    area.setAttribute("aria-invalid", message ? "true" : "false");
    if (error) {
      error.textContent = message;
      error.hidden = !message;
    }
  }

  function showRedaction(area) {
    showPreview(area, area.value !== area.defaultValue ? area.value : "");
  }

  function cutSelection(area) {
    var range = selectionIn(area, area.value);
    if (!range) {
      notify(T.redact_no_selection);
      area.focus();
      return;
    }
    area.setRangeText(MARK, range.start, range.end, "end");
    fieldError(area, "");
    showRedaction(area);
    area.focus();
  }

  function redact(form) {
    var area = form.querySelector("[data-redaction]");
    var button = form.querySelector('[type="submit"]');
    var card = form.closest("article.card");
    button.disabled = true;
    api("POST", "/admin/api/comments/" + card.dataset.id + "/redact", { body: area.value }).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        fieldError(area, errorText(result));
        area.focus();
        return;
      }
      refreshCard(card).then(function (fresh) {
        focusCard(fresh);
        notify(T.done_redact, function () {
          undoBatch(result.data.undo);
        });
      });
    });
  }

  // -- wiring: forms stay the source of truth, the script only takes over their submit ------

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    if (form.matches("[data-moderate]") && button && button.value) {
      event.preventDefault();
      moderate(form.closest("article.card"), button.value);
    } else if (form.id === "bulk" && button && button.value) {
      event.preventDefault();
      bulk(button.value);
    } else if (form.matches("[data-promote]")) {
      event.preventDefault();
      promote(form);
    } else if (form.matches("[data-reply]")) {
      event.preventDefault();
      reply(form);
    } else if (form.matches("[data-redact]")) {
      event.preventDefault();
      redact(form);
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-delete], [data-use-selection], [data-use-whole], [data-cut-selection]") : null;
    if (!target) return;
    var card = target.closest("article.card");
    if (target.matches("[data-delete]") && card) {
      event.preventDefault();
      pendingDelete = card;
      deleteDialog.showModal();
    } else if (target.matches("[data-use-selection]")) {
      useSelection(card.querySelector("[data-excerpt]"));
    } else if (target.matches("[data-use-whole]")) {
      var whole = card.querySelector("[data-excerpt]");
      whole.value = whole.defaultValue;
      checkExcerpt(whole);
    } else if (target.matches("[data-cut-selection]")) {
      cutSelection(target.closest("form").querySelector("[data-redaction]"));
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches("[data-excerpt]")) checkExcerpt(event.target);
    else if (event.target.matches("[data-redaction]")) {
      fieldError(event.target, "");
      showRedaction(event.target);
    }
  });

  // -- bulk selection --------------------------------------------------------------------------

  var selectAll = document.querySelector("[data-select-all]");
  var selectedLabel = document.querySelector("[data-selected]");

  function updateSelection() {
    if (!selectAll) return;
    var boxes = cards().map(function (card) {
      return card.querySelector("[data-pick]");
    }).filter(Boolean);
    var on = boxes.filter(function (box) {
      return box.checked;
    }).length;
    selectAll.checked = boxes.length > 0 && on === boxes.length;
    selectAll.indeterminate = on > 0 && on < boxes.length;
    selectedLabel.hidden = on === 0;
    selectedLabel.textContent = fill(T.selected, { n: on });
  }

  if (selectAll) {
    selectAll.closest("[data-select-all-wrap]").hidden = false;
    selectAll.addEventListener("change", function () {
      cards().forEach(function (card) {
        var box = card.querySelector("[data-pick]");
        if (box) box.checked = selectAll.checked;
      });
      updateSelection();
    });
    document.addEventListener("change", function (event) {
      if (event.target.matches("[data-pick]")) updateSelection();
    });
  }

  // -- keyboard --------------------------------------------------------------------------------

  var shortcuts = document.getElementById("shortcuts");
  var opener = document.querySelector("[data-open-shortcuts]");
  opener.hidden = false;
  opener.addEventListener("click", function () {
    shortcuts.showModal();
  });

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  var KEY_ACTIONS = { a: "approve", r: "reject", s: "spam" };

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || document.querySelector("dialog[open]")) return;
    var key = event.key;
    if (key === "?") {
      event.preventDefault();
      shortcuts.showModal();
      return;
    }
    var all = cards();
    if (!all.length) return;
    var index = current && current.isConnected ? all.indexOf(current) : -1;
    if (key === "j" || key === "k") {
      event.preventDefault();
      var step = key === "j" ? 1 : -1;
      var target = index === -1 ? all[0] : all[Math.max(0, Math.min(all.length - 1, index + step))];
      focusCard(target);
      return;
    }
    var card = index === -1 ? null : all[index];
    if (!card) return;
    if (key === "x") {
      var box = card.querySelector("[data-pick]");
      if (box) {
        event.preventDefault();
        box.checked = !box.checked;
        updateSelection();
      }
      return;
    }
    var action = KEY_ACTIONS[key];
    if (!action) return;
    event.preventDefault();
    var form = card.querySelector("[data-moderate]");
    var button = form && form.querySelector('button[value="' + action + '"]');
    if (!button) notify(T.not_here);
    else form.requestSubmit(button);
  });

  // -- small touches ---------------------------------------------------------------------------

  // Times in the owner's time zone (OWNER_TIMEZONE), the same zone the page shows without script,
  // with the months in short as the page writes them elsewhere ("8. Dez. 2026"), not 08.12.2026.
  var dateFormat = new Intl.DateTimeFormat(T.lang, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: root.dataset.timezone || undefined,
  });

  // Light or dark: the system's choice until the owner picks one; the pick stays in this browser.
  var themeToggle = document.querySelector("[data-theme-toggle]");
  var systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  function applyTheme(theme) {
    if (theme === "dark" || theme === "light") root.dataset.theme = theme;
    else delete root.dataset.theme;
    var dark = theme ? theme === "dark" : systemDark.matches;
    if (themeToggle) themeToggle.setAttribute("aria-pressed", dark ? "true" : "false");
  }

  function storedTheme() {
    try {
      return localStorage.getItem(THEME_KEY);
    } catch (e) {
      return null; // storage turned off: follow the system
    }
  }

  applyTheme(storedTheme());
  systemDark.addEventListener("change", function () {
    applyTheme(storedTheme());
  });
  if (themeToggle) {
    themeToggle.hidden = false;
    themeToggle.addEventListener("click", function () {
      var next = themeToggle.getAttribute("aria-pressed") === "true" ? "light" : "dark";
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch (e) {
        // not remembered, but still applied for this page
      }
      applyTheme(next);
    });
  }

  function enhance(root) {
    root.querySelectorAll("time[datetime]").forEach(function (node) {
      var date = new Date(node.getAttribute("datetime"));
      if (!isNaN(date)) {
        node.title = node.textContent;
        node.textContent = dateFormat.format(date);
      }
    });
    root.querySelectorAll("[data-use-selection], [data-use-whole], [data-cut-selection]").forEach(function (node) {
      node.hidden = false;
    });
  }

  // Invitation links: a button beside each copies it (without script the field is selectable).
  document.querySelectorAll("input.copy-link").forEach(function (field) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn small";
    button.textContent = T.invite_copy;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          button.textContent = T.invite_copied;
        },
        function () {
          field.select();
        }
      );
    });
    field.after(button);
  });

  enhance(document);
  updateSelection();
  // A row of tabs wider than the page scrolls sideways: the open tab is brought into sight.
  var openTab = document.querySelector('.tabs [aria-current="page"]');
  if (openTab) openTab.scrollIntoView({ block: "nearest", inline: "nearest" });
  // The queue opens with its first card focused, so the first key press already acts on it.
  var first = cards()[0];
  if (first && (document.activeElement === document.body || !document.activeElement)) {
    focusCard(first);
  }
})();
