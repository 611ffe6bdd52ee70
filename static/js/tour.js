// Eva's tour, one step at a time. Without JavaScript every step shows at once.
(function () {
  const tour = document.querySelector("[data-tour]");
  if (!tour) return;
  const steps = Array.from(tour.querySelectorAll("[data-step]"));
  const back = tour.querySelector("[data-tour-back]");
  const next = tour.querySelector("[data-tour-next]");
  const done = tour.querySelector("[data-tour-done]");
  const counter = tour.querySelector("[data-tour-progress]");
  let current = 0;

  function show(index, focus = true) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach((step, i) => { step.hidden = i !== current; });
    back.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    done.hidden = current !== steps.length - 1;
    counter.textContent = `${current + 1} / ${steps.length}`;
    const heading = steps[current].querySelector("h2");
    // Move focus to the new step so screen readers announce it.
    if (heading && focus) { heading.tabIndex = -1; heading.focus(); }
  }
  back.addEventListener("click", () => show(current - 1));
  next.addEventListener("click", () => show(current + 1));
  show(0, false);
})();
