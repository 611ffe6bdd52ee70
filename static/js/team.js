// Follow-up form: the outcome only matters when closing, so it is enabled only then.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector(".followup-form select[name=status]");
  const outcome = document.querySelector(".followup-form select[name=outcome]");
  if (!status || !outcome) return;
  const closing = () => status.value === "resolved" || status.value === "unreachable";
  const sync = () => {
    outcome.disabled = !closing();
    outcome.required = closing();
    if (!closing()) outcome.value = "";
  };
  status.addEventListener("change", sync);
  sync();
});
