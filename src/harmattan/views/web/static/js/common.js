/* Shared helpers: messages, the CSRF token, JSON calls to the API, sign-out. No framework. */
"use strict";
const HM = (function () {
  const messages = JSON.parse(document.getElementById("i18n").textContent);
  function t(key) { return messages[key] || key; }
  function cookie(name) {
    const hit = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return hit ? decodeURIComponent(hit.slice(name.length + 1)) : "";
  }
  async function api(method, url, body) {
    const options = { method: method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (method !== "GET") {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRF-Token"] = cookie("hm_csrf");
      options.body = JSON.stringify(body || {});
    }
    const response = await fetch(url, options);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const detail = data && data.detail ? (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)) : response.statusText;
      throw new Error(response.status + ": " + detail);
    }
    return data;
  }
  /* Build an element with text content only: article text never goes through innerHTML. */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const child of children || []) node.append(child);
    return node;
  }
  const logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", async () => {
      await api("POST", "/api/logout");
      window.location.reload();
    });
  }
  return { t: t, api: api, el: el, cookie: cookie };
})();
