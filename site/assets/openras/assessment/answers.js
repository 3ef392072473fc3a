// The answers: they live only in the form fields. Read them as an answers file, fill
// them from one, and show them on "Check your answers".

import { root } from "./page.js";

const keepAll = new Set((root.dataset.keepAll || "").split(" ").filter(Boolean));

export function checked(name) {
  return root.querySelector(`input[type=radio][name="${CSS.escape(name)}"]:checked`);
}

export function someoneHelps() {
  return [...root.querySelectorAll('input[type=radio][name^="unpaid_support."]:checked')].some(
    (input) => !keepAll.has(input.value),
  );
}

// The questions in `container` that are asked (whether helpers are willing is asked
// only when someone helps).
export function groupsIn(container) {
  return [...container.querySelectorAll(".openras-form-group[data-question]")].filter(
    (group) => group.dataset.question !== "helpers_willing" || someoneHelps(),
  );
}

export function unanswered(container) {
  return groupsIn(container).filter((group) => !checked(group.dataset.question));
}

export function collectAnswers() {
  const answers = {};
  const unpaid = {};
  for (const group of groupsIn(root)) {
    const name = group.dataset.question;
    const input = checked(name);
    if (!input || name === "helpers_willing") continue;
    if (name.startsWith("unpaid_support.")) unpaid[name.slice("unpaid_support.".length)] = input.value;
    else answers[name] = input.value;
  }
  const willing = someoneHelps() && checked("helpers_willing");
  return {
    scheme: root.dataset.scheme,
    scheme_version: root.dataset.schemeVersion,
    answers,
    unpaid_support: unpaid,
    helpers_willing: willing ? willing.value === "yes" : null,
  };
}

export function answersFileText() {
  return JSON.stringify(collectAnswers(), null, 2) + "\n";
}

// Fill the form from an answers file the calculator has checked.
export function applyAnswers(data) {
  for (const input of root.querySelectorAll("input[type=radio]")) input.checked = false;
  const pick = (name, value) => {
    const input = root.querySelector(`input[type=radio][name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
    if (input) input.checked = true;
  };
  for (const [question, option] of Object.entries(data.answers)) pick(question, option);
  for (const [area, option] of Object.entries(data.unpaid_support || {})) pick(`unpaid_support.${area}`, option);
  if (data.helpers_willing !== null && data.helpers_willing !== undefined) {
    pick("helpers_willing", data.helpers_willing ? "yes" : "no");
  }
}

// The label of the option chosen for `input`.
export function labelOf(input) {
  return root.querySelector(`label[for="${input.id}"]`).textContent;
}

// "Check your answers": each answer, and the back link to the last step asked.
export function prepareCheck() {
  for (const cell of root.querySelectorAll("[data-answer-for]")) {
    const input = checked(cell.dataset.answerFor);
    cell.textContent = input ? labelOf(input) : "Not answered yet";
  }
  const helps = someoneHelps();
  root.querySelector(".openras-helpers-summary").hidden = !helps;
  const steps = root.querySelectorAll("section[data-domain]").length;
  root.querySelector("#check .openras-back-link").setAttribute("href", helps ? "#helpers" : `#step-${steps}`);
}
