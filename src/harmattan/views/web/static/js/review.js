/* The analyst panel of an event page: correct a field, accept, reject/restore, merge, split. */
"use strict";
(function () {
  const result = document.getElementById("review-result");
  async function send(key, body) {
    try {
      const out = await HM.api("POST", "/api/review/" + encodeURIComponent(key), body);
      result.textContent = HM.t("saved");
      const target = out.event_key && out.event_key !== key ? "/events/" + encodeURIComponent(out.event_key) : window.location.pathname;
      window.location.assign(target);
    } catch (err) {
      result.textContent = HM.t("error") + ": " + err.message;
    }
  }
  const correct = document.getElementById("correct-form");
  if (correct) {
    correct.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(correct);
      send(correct.dataset.key, { action: "override", field: data.get("field"), value: data.get("value"), reason: data.get("reason") });
    });
  }
  const actions = document.getElementById("action-form");
  if (actions) {
    actions.addEventListener("submit", (event) => {
      event.preventDefault();
      const action = event.submitter ? event.submitter.value : "accept";
      const data = new FormData(actions);
      const body = { action: action, reason: data.get("reason") };
      if (action === "merge") body.with = String(data.get("with") || "").split(/[\s,]+/).filter(Boolean);
      if (action === "split") body.reports = Array.from(document.querySelectorAll(".split-pick:checked")).map((c) => c.value);
      send(actions.dataset.key, body);
    });
  }
})();
