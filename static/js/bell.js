// The bell on every page: asks for the unread count every few seconds and shows it.
(function () {
  "use strict";
  var bell = document.querySelector("[data-bell]");
  if (!bell) return;
  var count = bell.querySelector("[data-bell-count]");
  var url = bell.getAttribute("data-url");
  var every = (parseInt(bell.getAttribute("data-poll"), 10) || 5) * 1000;
  var labelTemplate = bell.getAttribute("data-label");

  function show(unread) {
    count.textContent = unread > 0 ? String(unread) : "";
    count.hidden = unread <= 0;
    bell.classList.toggle("has-unread", unread > 0);
    if (labelTemplate) bell.setAttribute("aria-label", labelTemplate.replace("{n}", String(unread)));
  }

  function poll() {
    if (document.hidden) return;
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) show(data.unread); })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }

  poll();
  setInterval(poll, every);
  document.addEventListener("visibilitychange", poll);
})();
