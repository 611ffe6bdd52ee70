// While the agent types, Eva checks the draft for what the Codex forbids (debounced),
// and the counter shows how much room is left.
(function () {
  // The newest message is what the agent answers: on a phone the conversation scrolls inside
  // its box, so start it at the bottom.
  const bubbles = document.querySelector(".chat .bubbles");
  if (bubbles) bubbles.scrollTop = bubbles.scrollHeight;
  const form = document.getElementById("reply-form");
  if (!form) return;
  const box = form.querySelector("textarea");
  const count = form.querySelector("[data-count]");
  const panel = document.querySelector("[data-live-warnings]");
  const token = form.querySelector("input[name=csrf_token]").value;
  const lang = form.dataset.lang;
  const words = lang === "ru"
    ? { left: "осталось символов", warn: "Ева предупреждает" }
    : { left: "characters left", warn: "Eva warns" };
  let timer = null;
  let last = "";

  function render(warnings) {
    panel.replaceChildren();
    if (!warnings.length) return;
    const title = document.createElement("p");
    title.className = "warn-title";
    title.textContent = words.warn + ":";
    const list = document.createElement("ul");
    // One line per warning: the same advice found twice in a draft (two blaming phrases)
    // is said once.
    const seen = new Set();
    for (const warning of warnings) {
      if (seen.has(warning.message)) continue;
      seen.add(warning.message);
      const item = document.createElement("li");
      item.textContent = warning.message + " ";
      if (warning.codex) {
        const [slug, anchor] = warning.codex.split("#");
        const link = document.createElement("a");
        link.href = `/codex/${encodeURIComponent(slug)}#${encodeURIComponent(anchor)}`;
        link.textContent = "→";
        item.append(link);
      }
      list.append(item);
    }
    panel.append(title, list);
  }

  async function check() {
    const text = box.value;
    if (text === last) return;
    last = text;
    if (!text.trim()) { render([]); return; }
    try {
      const response = await fetch(form.dataset.warningsUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify({ sector: form.dataset.sector, step: Number(form.dataset.step),
                               lang, text }),
      });
      // A slower answer to an older draft must not overwrite the newer one's.
      if (response.ok && box.value === text) render((await response.json()).warnings);
    } catch (error) {
      // Warnings are a help, not a gate: a failed check leaves the form usable.
    }
  }

  box.addEventListener("input", () => {
    count.textContent = `${2000 - box.value.length} ${words.left}`;
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
})();
