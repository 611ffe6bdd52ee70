// My TNPS, live: ask every few seconds whether customers have answered since the page
// opened; update the headline in place, add new comments, and say so politely.
(function () {
  const root = document.querySelector("[data-me-live]");
  if (!root) return;
  const since = Number(root.dataset.latest) || 0;
  const every = Math.max(1, Number(root.dataset.poll) || 10) * 1000;
  const prepend = root.dataset.prepend === "1";
  const notice = root.querySelector("[data-live-notice]");
  const noticeText = root.querySelector("[data-notice-text]").content.textContent;
  const refreshText = root.querySelector("[data-refresh-text]").content.textContent;
  const list = document.querySelector("[data-comments]");
  const rowTemplate = document.querySelector("[data-comment-template]");
  let seen = 0;
  let timer = null;

  // The headline follows the window the page leads with (the last 30 days while the
  // month is young); the month's own figures, shown beside it then, follow the month.
  const windowKey = root.dataset.window === "rolling" ? "rolling" : "summary";

  function setField(name, value, className, attribute = "data-live-field") {
    document.querySelectorAll(`[${attribute}="${name}"]`).forEach((el) => {
      const target = el.firstElementChild || el;
      target.textContent = value;
      if (className && target !== el) target.className = className;
    });
  }

  function updateSummary(s) {
    const kind = s.n === 0 ? "muted" : (s.enough_data ? "tnps-num" : "not-enough");
    setField("tnps", s.tnps_text, kind);
    setField("detail", s.detail_text);
    setField("promoters", String(s.promoters));
    setField("passives", String(s.passives));
    setField("detractors", String(s.detractors));
    // The stacked bar: promoters, then passives, then detractors, as shares of 300 units.
    let x = 0;
    ["promoters", "passives", "detractors"].forEach((name) => {
      const rect = document.querySelector(`[data-mix="${name}"]`);
      if (!rect) return;
      const width = s.n ? (s[name] / s.n) * 300 : 0;
      rect.setAttribute("x", String(x));
      rect.setAttribute("width", String(width));
      x += width;
    });
  }

  function showNotice(count) {
    // Only when the count changes: a screen reader hears each news once, not every poll.
    if (count === seen) return;
    seen = count;
    notice.textContent = noticeText.replace("{n}", String(count)) + " ";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-quiet";
    button.textContent = refreshText;
    button.addEventListener("click", () => window.location.reload());
    notice.appendChild(button);
    notice.classList.add("shown");
  }

  function addComments(items) {
    if (!prepend || !list || !rowTemplate) return;
    const none = list.querySelector("[data-none]");
    // Items come newest first: insert oldest first so the newest ends on top.
    items.slice().reverse().forEach((item) => {
      if (list.querySelector(`[data-id="${item.id}"]`)) return;
      const row = rowTemplate.content.firstElementChild.cloneNode(true);
      row.dataset.id = String(item.id);
      row.classList.add(`cat-${item.category}`);
      const slot = (name) => row.querySelector(`[data-slot="${name}"]`);
      slot("score").textContent = String(item.score);
      slot("score").classList.add(`cat-${item.category}`);
      slot("category").textContent = item.category_label;
      slot("channel").textContent = item.channel_label;
      slot("when").textContent = item.shown_at;
      slot("late").hidden = !item.late;
      slot("repeat").hidden = !item.repeat;
      slot("comment").textContent = item.comment;  // text, never HTML
      list.prepend(row);
    });
    if (none && items.length) none.remove();
  }

  async function poll() {
    if (document.hidden) return;
    try {
      const response = await fetch(`${root.dataset.url}?after=${since}`,
        { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.status === 401 || response.status === 403) { clearInterval(timer); return; }
      if (!response.ok) return;
      const data = await response.json();
      updateSummary(data[windowKey] || data.summary);
      if (windowKey === "rolling") {
        const m = data.summary;
        setField("tnps", m.tnps_text, m.n === 0 ? "muted" : (m.enough_data ? "tnps-num" : "not-enough"), "data-live-month");
        setField("detail", m.detail_text, null, "data-live-month");
      }
      if (data.new_answers > 0) {
        addComments(data.comments || []);
        showNotice(data.new_answers);
      }
    } catch (error) {
      // Offline for a moment: the next poll tries again.
    }
  }

  timer = setInterval(poll, every);
})();
