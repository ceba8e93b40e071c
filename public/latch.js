/*
 * latch.js: Latch's connect form in your page. Latch.open(options) shows it in a modal,
 * Latch.mount(element, options) inline. Options and events: README ("Embed Latch in your app")
 * and latch.d.ts beside this file. Served as written; kept small, since it loads in your page.
 */
(function () {
  "use strict";
  var modal = null;
  // The modal's own words: [dialog label, close button label, what a frame that never loaded
  // says to the end user].
  var LABELS = {
    en: [
      "Connect your Atlassian account",
      "Close",
      "The connect form cannot be shown here. Please let the site's team know.",
    ],
    de: [
      "Atlassian-Konto verbinden",
      "Schließen",
      "Das Verbindungsformular kann hier nicht angezeigt werden. Bitte informieren Sie das Team der Website.",
    ],
    fr: [
      "Connecter votre compte Atlassian",
      "Fermer",
      "Le formulaire de connexion ne peut pas s’afficher ici. Merci de prévenir l’équipe du site.",
    ],
    es: [
      "Conectar su cuenta de Atlassian",
      "Cerrar",
      "El formulario de conexión no se puede mostrar aquí. Avise al equipo del sitio, por favor.",
    ],
    ja: [
      "Atlassian アカウントを接続",
      "閉じる",
      "ここでは接続フォームを表示できません。サイトの担当チームにお知らせください。",
    ],
  };
  var READY_TIMEOUT_MS = 6000;

  function labelsFor(lang) {
    var tags = [lang].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < tags.length; i++) {
      var primary = String(tags[i] || "")
        .toLowerCase()
        .split("-")[0];
      if (Object.prototype.hasOwnProperty.call(LABELS, primary)) return LABELS[primary];
    }
    return LABELS.en;
  }

  function hex(buffer) {
    return Array.prototype.map
      .call(new Uint8Array(buffer), function (b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      })
      .join("");
  }

  function el(tag, style, attrs) {
    var node = document.createElement(tag);
    node.style.cssText = style;
    for (var name in attrs || {}) node.setAttribute(name, attrs[name]);
    return node;
  }

  function show(options, container) {
    if (!options || !options.sessionToken || !options.baseUrl) {
      throw new Error("Latch: sessionToken and baseUrl are required");
    }
    var origin = new URL(options.baseUrl).origin;
    var onEvent = options.onEvent || function () {};
    var theme = options.theme || {};
    var lang = options.lang || document.documentElement.lang || "";
    var labels = labelsFor(lang);
    var iframe = el("iframe", "border:0;width:100%;display:block;", {
      title: labels[0],
      allow: "clipboard-write",
    });
    var closed = false;
    var ready = false;
    var handle = { close: close };
    var overlay, dialog, closeButton, previousFocus, previousOverflow;
    var inerted = [];
    var readyTimer = setTimeout(notReady, options.readyTimeoutMs || READY_TIMEOUT_MS);

    // The browser shows a refused frame as a blank or broken page and tells the page nothing, so
    // silence is the signal. A request Latch answers (even opaquely) means the frame was refused
    // for this origin; one that fails means Latch is out of reach.
    function notReady() {
      if (closed || ready) return;
      fetch(origin + "/api/health", { mode: "no-cors", cache: "no-store" }).then(
        function () {
          fail(
            "origin_not_allowed",
            "Latch refused to be shown on " +
              location.origin +
              ". Add " +
              location.origin +
              " to the workspace's allowed origins (Latch dashboard, Settings), or to the connect session's allowed_origins.",
          );
        },
        function () {
          fail(
            "frame_unreachable",
            "The Latch connect form did not load from " +
              origin +
              ": check baseUrl and that Latch is reachable from this browser.",
          );
        },
      );
    }

    function fail(code, message) {
      if (closed || ready) return;
      console.error("Latch: " + message);
      var notice = el(
        "p",
        "margin:0;padding:48px 24px;font:15px/1.5 system-ui,sans-serif;color:#0f172a;text-align:center;",
        { role: "alert", "data-latch": "error" },
      );
      notice.textContent = labels[2];
      iframe.replaceWith(notice);
      if (overlay) closeButton.focus();
      onEvent({ source: "latch", type: "error", error: { code: code, message: message } });
    }

    function onMessage(event) {
      var data = event.data;
      if (event.origin !== origin || event.source !== iframe.contentWindow) return;
      if (!data || data.source !== "latch") return;
      if (data.type === "ready") {
        ready = true;
        clearTimeout(readyTimer);
        iframe.contentWindow.postMessage(
          { source: "latch", type: "session", token: options.sessionToken },
          origin,
        );
      } else if (data.type === "resize") {
        var height = Math.ceil(Number(data.height) || 0);
        // Inline, the frame is as tall as its page; in the modal, the dialog is, up to the
        // window's height (a short page, such as a spent link, no longer sits in a tall box).
        if (container) iframe.style.height = height + "px";
        else if (height > 0) dialog.style.height = "min(" + height + "px,calc(100vh - 32px))";
      }
      onEvent(data);
      if (data.type === "close") close();
    }

    // Once the form is running it decides (it asks first if something was typed); before that,
    // or if it never loads (a blocked frame), closing must still work.
    function requestClose() {
      if (!ready) return close();
      iframe.contentWindow.postMessage({ source: "latch", type: "close_request" }, origin);
    }

    // Keep keyboard focus inside the modal: Tab cycles between the close button and the form.
    function onKey(event) {
      if (event.key === "Escape") requestClose();
      if (event.key === "Tab") {
        event.preventDefault();
        (document.activeElement === closeButton ? iframe : closeButton).focus();
      }
    }

    function close() {
      if (closed) return;
      closed = true;
      clearTimeout(readyTimer);
      window.removeEventListener("message", onMessage);
      if (overlay) {
        document.removeEventListener("keydown", onKey);
        overlay.remove();
        inerted.forEach(function (node) {
          node.inert = false;
        });
        document.body.style.overflow = previousOverflow;
        if (previousFocus && previousFocus.focus) previousFocus.focus();
        modal = null;
      } else {
        iframe.remove();
        var notice = container.querySelector('[data-latch="error"]');
        if (notice) notice.remove();
      }
    }

    window.addEventListener("message", onMessage);
    if (container) {
      iframe.style.height = "480px";
      container.appendChild(iframe);
    } else {
      if (modal) modal.close();
      modal = handle;
      previousFocus = document.activeElement;
      previousOverflow = document.body.style.overflow;
      document.body.style.overflow = "hidden";
      overlay = el(
        "div",
        "position:fixed;inset:0;z-index:2147483647;background:rgba(15,23,42,.55);display:flex;align-items:center;justify-content:center;padding:16px;",
        { "data-latch": "overlay" },
      );
      dialog = el(
        "div",
        "position:relative;width:100%;max-width:480px;height:min(720px,calc(100vh - 32px));border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 20px 50px rgba(0,0,0,.3);",
        { role: "dialog", "aria-modal": "true", "aria-label": labels[0] },
      );
      closeButton = el(
        "button",
        // Light on any form behind it, dark theme included.
        "position:absolute;top:8px;right:8px;z-index:1;width:32px;height:32px;border:0;border-radius:16px;background:#fff;box-shadow:0 0 0 1px rgba(15,23,42,.35);font:20px/32px sans-serif;cursor:pointer;color:#0f172a;",
        { type: "button", "aria-label": labels[1] },
      );
      closeButton.textContent = "\u00d7";
      closeButton.addEventListener("click", requestClose);
      iframe.style.height = "100%";
      dialog.appendChild(closeButton);
      dialog.appendChild(iframe);
      overlay.appendChild(dialog);
      overlay.addEventListener("click", function (event) {
        if (event.target === overlay) requestClose();
      });
      document.addEventListener("keydown", onKey);
      // The page behind the modal can be neither clicked nor tabbed into while it is open.
      Array.prototype.forEach.call(document.body.children, function (node) {
        if (!node.inert) {
          node.inert = true;
          inerted.push(node);
        }
      });
      document.body.appendChild(overlay);
      iframe.focus();
    }

    // The iframe is found by the token's hash: enough to choose the page's framing policy,
    // useless for connecting.
    crypto.subtle
      .digest("SHA-256", new TextEncoder().encode(options.sessionToken))
      .then(function (digest) {
        if (closed) return;
        var params = new URLSearchParams({ session: hex(digest), origin: location.origin });
        if (theme.primaryColor) params.set("primary", theme.primaryColor);
        if (theme.mode) params.set("mode", theme.mode);
        if (lang) params.set("lang", lang);
        iframe.src = origin + "/connect/embed?" + params.toString();
      });
    return handle;
  }

  window.Latch = {
    open: function (options) {
      return show(options, null);
    },
    mount: function (element, options) {
      if (!element || !element.appendChild) throw new Error("Latch.mount: pass a DOM element");
      return show(options, element);
    },
  };
})();
