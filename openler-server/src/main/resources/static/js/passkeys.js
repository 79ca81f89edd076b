// Passkeys for OpenLER's sign-in security page and second sign-in step. Spring Security's WebAuthn endpoints do the
// ceremony on the server; this script only converts between JSON (base64url) and the browser's ArrayBuffers.
"use strict";
(function () {
  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    for (let i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function headers() {
    const csrf = document.getElementById("csrf");
    const result = { "Content-Type": "application/json", Accept: "application/json" };
    if (csrf) {
      result[csrf.dataset.header] = csrf.value;
    }
    return result;
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: headers(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  function showError() {
    const error = document.getElementById("passkey-error");
    if (error) {
      error.hidden = false;
      error.focus();
    }
  }

  async function register() {
    const label = document.getElementById("passkey-label").value.trim();
    if (!label) {
      return;
    }
    const options = await post("/webauthn/register/options");
    options.challenge = fromBase64Url(options.challenge);
    options.user.id = fromBase64Url(options.user.id);
    options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: fromBase64Url(c.id) });
    });
    const credential = await navigator.credentials.create({ publicKey: options });
    const answer = await post("/webauthn/register", {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          response: {
            attestationObject: toBase64Url(credential.response.attestationObject),
            clientDataJSON: toBase64Url(credential.response.clientDataJSON),
            transports: credential.response.getTransports ? credential.response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
        label: label,
      },
    });
    if (!answer || !answer.success) {
      throw new Error("registration refused");
    }
    document.getElementById("passkey-add").submit();
  }

  async function signIn() {
    const options = await post("/webauthn/authenticate/options");
    options.challenge = fromBase64Url(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: fromBase64Url(c.id) });
    });
    const credential = await navigator.credentials.get({ publicKey: options });
    const response = credential.response;
    // on the sign-in page (a passkey alone), keep where the sign-in was to continue
    const next = document.querySelector("input[name=continue]");
    const url = next && next.value ? "/login/webauthn?continue=" + encodeURIComponent(next.value) : "/login/webauthn";
    const answer = await post(url, {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      response: {
        authenticatorData: toBase64Url(response.authenticatorData),
        clientDataJSON: toBase64Url(response.clientDataJSON),
        signature: toBase64Url(response.signature),
        userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined,
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    if (!answer || !answer.authenticated || !answer.redirectUrl) {
      throw new Error("sign-in refused");
    }
    window.location.assign(answer.redirectUrl);
  }

  function wire(id, action) {
    const button = document.getElementById(id);
    if (button) {
      button.addEventListener("click", function () {
        action().catch(showError);
      });
    }
  }

  wire("passkey-register", register);
  wire("passkey-sign-in", signIn);
})();
