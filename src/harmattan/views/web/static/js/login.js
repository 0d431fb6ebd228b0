"use strict";
(function () {
  const form = document.getElementById("login-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await HM.api("POST", "/api/login", { username: data.get("username"), password: data.get("password") });
      window.location.assign(form.dataset.next || "/");
    } catch (err) {
      document.getElementById("login-error").textContent = HM.t("login_failed") + " — " + err.message;
    }
  });
})();
