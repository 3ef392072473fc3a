// One step at a time: the URL's hash says which step is on show, and each form's
// "Continue" checks its questions are answered before moving on.

import { collectAnswers, prepareCheck, unanswered } from "./answers.js";
import { estimateAsked, prepareResult, requestEstimate } from "./calculator.js";
import { preparePay } from "./contribution.js";
import { clearErrors, showErrors } from "./errors.js";
import { root, siteName } from "./page.js";

const steps = [...root.querySelectorAll(".openras-step")];

export function show(id, { focus = true } = {}) {
  for (const step of steps) step.hidden = step.id !== id;
  root.classList.add("openras-ready");
  const step = document.getElementById(id);
  document.title = `${step.dataset.title} - ${siteName}`;
  if (id === "check") prepareCheck();
  else root.querySelector(".openras-loaded").hidden = true;
  if (id === "result") prepareResult();
  if (id === "pay") preparePay();
  window.scrollTo(0, 0);
  if (focus) step.querySelector("h1").focus({ preventScroll: true });
}

// `initial`: the page has just opened, so the focus stays where the browser puts it (at
// the top, where the skip link is first).
export function route({ initial = false } = {}) {
  const id = decodeURIComponent(location.hash.slice(1)) || "start";
  const target = document.getElementById(id);
  if (target && target.classList.contains("openras-step")) {
    if ((id === "result" || id === "pay") && !estimateAsked()) return show("check", { focus: !initial });
    return show(id, { focus: !initial });
  }
  // A link to one answer (from the error summary on "Check your answers"): show its
  // step and put the focus on that answer.
  const step = target && target.closest(".openras-step");
  if (step) {
    show(step.id, { focus: false });
    target.focus();
    return;
  }
  // The skip link ("#openras", the page's own content): the step on show stays.
  if (target === root) {
    const shown = steps.find((step) => !step.hidden);
    if (shown) return show(shown.id);
  }
  show("start", { focus: false });
}

function getEstimate(form) {
  const missing = unanswered(root);
  if (missing.length) {
    // On this page the summary lists every question still to answer, in order.
    return showErrors(form, missing);
  }
  requestEstimate(collectAnswers());
  root.querySelector(".openras-result").hidden = true;
  location.hash = "#result";
}

export function watchSteps() {
  root.addEventListener("submit", (event) => {
    const form = event.target.closest("form");
    if (!form) return;
    event.preventDefault();
    clearErrors(form);
    if (form.classList.contains("openras-get-estimate")) return getEstimate(form);
    const missing = unanswered(form);
    if (missing.length) return showErrors(form, missing);
    location.hash = form.dataset.next;
  });
}
