/*
 * Passkeys on the admin pages: add one on the account page, sign in with one on the sign-in
 * pages. WebAuthn needs script, so these controls stay hidden without it (or without
 * WebAuthn's JSON helpers); the password and code forms work either way.
 */
(function () {
  "use strict";

  const supported =
    typeof window.PublicKeyCredential === "function" &&
    typeof window.PublicKeyCredential.parseCreationOptionsFromJSON === "function";

  function say(id, text) {
    const node = document.getElementById(id);
    if (node) {
      node.textContent = text;
      node.hidden = false;
    }
  }

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function postJSON(url, body, withToken) {
    const headers = { "Content-Type": "application/json" };
    if (withToken) {
      headers["X-CSRF-Token"] = csrfToken();
    }
    return fetch(url, {
      method: "POST",
      headers: headers,
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  }

  async function signIn(button) {
    const next = button.dataset.next || "/admin/";
    button.disabled = true;
    try {
      const offered = await postJSON("/admin/login/passkey/options", {}, false);
      if (!offered.ok) {
        throw new Error("no options");
      }
      const options = await offered.json();
      const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options);
      const credential = await navigator.credentials.get({ publicKey: publicKey });
      const answer = await postJSON(
        "/admin/login/passkey",
        { credential: credential.toJSON(), next: next },
        false,
      );
      if (answer.ok) {
        // The session started; the answer followed the redirect to the page asked for.
        window.location.assign(answer.redirected ? answer.url : next);
        return;
      }
      say(button.dataset.status, button.dataset.refused);
    } catch (problem) {
      say(button.dataset.status, button.dataset.failed);
    } finally {
      button.disabled = false;
    }
  }

  async function register(form) {
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const offered = await postJSON("/admin/account/passkeys/options", {}, true);
      if (!offered.ok) {
        throw new Error("no options");
      }
      const options = await offered.json();
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options);
      const credential = await navigator.credentials.create({ publicKey: publicKey });
      const name = form.elements.namedItem("name").value;
      const answer = await postJSON(
        "/admin/account/passkeys",
        { credential: credential.toJSON(), name: name },
        true,
      );
      if (answer.ok) {
        window.location.assign("/admin/account?done=passkey_added");
        return;
      }
      say(form.dataset.status, form.dataset.failed);
    } catch (problem) {
      say(form.dataset.status, form.dataset.failed);
    } finally {
      button.disabled = false;
    }
  }

  if (!supported) {
    return;
  }
  for (const button of document.querySelectorAll("[data-passkey-sign-in]")) {
    button.hidden = false;
    button.addEventListener("click", function () {
      signIn(button);
    });
  }
  for (const form of document.querySelectorAll("[data-passkey-add]")) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      register(form);
    });
  }
})();
