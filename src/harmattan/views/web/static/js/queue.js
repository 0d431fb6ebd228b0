/* Review queue, keyboard-friendly: j/k move, o or Enter open, a accept, x mark false positive. */
"use strict";
(function () {
  const table = document.getElementById("queue");
  const rows = () => Array.from(table.querySelectorAll("tbody tr"));
  let index = 0;
  function select(i) {
    const all = rows();
    if (!all.length) return;
    index = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r, n) => r.classList.toggle("selected", n === index));
    all[index].focus();
  }
  async function decide(action) {
    const row = rows()[index];
    if (!row || table.dataset.canReview !== "yes") return;
    const reason = window.prompt(HM.t("reason"), action === "accept" ? "checked against sources" : "not a conflict event");
    if (!reason) return;
    try {
      await HM.api("POST", "/api/review/" + encodeURIComponent(row.dataset.key), { action: action, reason: reason });
      row.remove();
      select(index);
      document.getElementById("review-result").textContent = HM.t("saved");
    } catch (err) {
      document.getElementById("review-result").textContent = HM.t("error") + ": " + err.message;
    }
  }
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea, select")) return;
    const row = rows()[index];
    if (event.key === "j") select(index + 1);
    else if (event.key === "k") select(index - 1);
    else if ((event.key === "o" || event.key === "Enter") && row) window.location.assign("/events/" + encodeURIComponent(row.dataset.key));
    else if (event.key === "a") decide("accept");
    else if (event.key === "x") decide("reject");
    else return;
    event.preventDefault();
  });
  rows().forEach((r, n) => r.addEventListener("click", () => select(n)));
  select(0);
})();
