/* Chorus import page: sends the chosen export file to the owner API and shows its progress.
 * The upload's own progress comes from XMLHttpRequest; after that the server streams one JSON
 * line per step (NDJSON) while it saves, then a summary. No framework, no build step. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="csrf-token"]');
  var textNode = document.getElementById("admin-text");
  var form = document.getElementById("import-form");
  if (!meta || !textNode || !form) return;
  var T = JSON.parse(textNode.textContent);
  var bar = document.getElementById("import-bar");
  var box = document.getElementById("import-progress");
  var status = document.getElementById("import-status");
  var summary = document.getElementById("import-summary");
  var detail = document.getElementById("import-detail");
  var button = document.getElementById("import-start");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? String(values[key]) : "";
    });
  }

  function say(text) {
    status.textContent = text;
  }

  // A refusal in the owner's language; the server's own sentence (English, exact) below it.
  function refuse(error) {
    var words = T["import_error_" + error.code] || T["import_error_" + error.field];
    say(fill(T.import_failed, { message: words || T.error_generic }));
    if (error.message) detail.textContent = fill(T.import_detail, { message: error.message });
  }

  function item(text) {
    var li = document.createElement("li");
    li.textContent = text;
    summary.appendChild(li);
  }

  function showSummary(result) {
    // "_one" where the page's language takes the singular (1; in French 0 too).
    var one = new Intl.PluralRules(document.documentElement.lang).select(result.found) === "one";
    var key = (result.dry_run ? "import_done_dry" : "import_done") + (one ? "_one" : "_other");
    say(fill(T[key], Object.assign({ n: result.found }, result)));
    Object.keys(result.by_status).forEach(function (name) {
      item(fill(T.import_status, { status: T["status_" + name] || name, n: result.by_status[name] }));
    });
    Object.keys(result.skipped).forEach(function (reason) {
      var words = T["skip_" + reason] || reason.replace(/_/g, " ");
      item(fill(T.import_skipped, { reason: words, n: result.skipped[reason] }));
    });
  }

  function handle(line) {
    if (line.progress !== undefined) {
      bar.max = Math.max(line.total, 1);
      bar.value = line.progress;
      say(fill(T.import_writing, { done: line.progress, total: line.total }));
    } else if (line.summary) {
      bar.value = bar.max;
      showSummary(line.summary);
    } else if (line.error) {
      refuse(line.error);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = form.elements.file.files[0];
    if (!file) return;
    var query = new URLSearchParams();
    query.set("source", form.elements.source.value);
    if (form.elements.dry_run.checked) query.set("dry_run", "1");
    form.elements.page_map.value.split("\n").forEach(function (rule) {
      if (rule.trim()) query.append("page_map", rule.trim());
    });
    var xhr = new XMLHttpRequest();
    var seen = 0; // characters of the answer already handled
    xhr.open("POST", "/admin/api/import?" + query.toString());
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-CSRF-Token", meta.getAttribute("content"));
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      bar.max = 100;
      bar.value = Math.round((100 * e.loaded) / e.total);
      say(fill(T.import_uploading, { percent: bar.value }));
    });
    function readLines() {
      if (xhr.status !== 200) return;
      var text = xhr.responseText;
      var end = text.lastIndexOf("\n");
      if (end < seen) return;
      text.slice(seen, end).split("\n").forEach(function (raw) {
        if (raw.trim()) handle(JSON.parse(raw));
      });
      seen = end + 1;
    }
    xhr.addEventListener("progress", readLines);
    xhr.addEventListener("load", function () {
      button.disabled = false;
      if (xhr.status === 200) {
        readLines();
        return;
      }
      var error = {};
      try {
        error = JSON.parse(xhr.responseText).error || {};
      } catch (ignored) {
        /* not JSON (a proxy's error page): the generic words */
      }
      refuse(error);
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      refuse({});
    });
    summary.textContent = "";
    detail.textContent = "";
    box.hidden = false;
    bar.value = 0;
    button.disabled = true;
    xhr.send(file);
  });
})();
