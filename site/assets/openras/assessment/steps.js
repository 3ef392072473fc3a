// One step at a time: the URL's hash says which step is on show, and each form's
// "Continue" checks its questions are answered before moving on.

import { collectAnswers, prepareCheck, someoneHelps, unanswered } from "./answers.js";
import { estimateAsked, prepareResult, requestEstimate } from "./calculator.js";
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
  window.scrollTo(0, 0);
  if (focus) step.querySelector("h1").focus({ preventScroll: true });
}

export function route() {
  const id = decodeURIComponent(location.hash.slice(1)) || "start";
  const target = document.getElementById(id);
  if (target && target.classList.contains("openras-step")) {
    if (id === "result" && !estimateAsked()) return show("check");
    return show(id);
  }
  // A link to one answer (from the error summary on "Check your answers"): show its
  // step and put the focus on that answer.
  const step = target && target.closest(".openras-step");
  if (step) {
    show(step.id, { focus: false });
    target.focus();
    return;
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
    let next = form.dataset.next;
    if (next === "#helpers" && !someoneHelps()) next = "#check";
    location.hash = next;
  });
}
