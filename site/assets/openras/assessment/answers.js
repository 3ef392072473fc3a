// The answers: they live only in the form fields. Read them as an answers file, fill
// them from one, and show them on "Check your answers".

import { root } from "./page.js";
import { forSomeoneElse, setVoice } from "./voice.js";
import { t } from "../strings.js";

const keepAll = new Set((root.dataset.keepAll || "").split(" ").filter(Boolean));

export function checked(name) {
  return root.querySelector(`input[type=radio][name="${CSS.escape(name)}"]:checked`);
}

// Whether someone helps with an area without being paid (an answer that keeps less
// than all of its points): only then is the helper's willingness asked for that area.
export function helpedWith(area) {
  const input = checked(`unpaid_support.${area}`);
  return Boolean(input) && !keepAll.has(input.value);
}

const WILLING = "helpers_willing.";

// Parts of the answers file that other steps keep ("contribution": the money answers of
// "Estimate what you might pay", assessment/contribution.js), each with how to collect
// it (null when unused), fill it from a file, and clear it.
const parts = new Map();

export function addAnswersPart(key, part) {
  parts.set(key, part);
}

export function clearAnswersParts() {
  for (const part of parts.values()) part.clear();
}

// The questions in `container` that are asked (whether the helpers of an area are
// willing is asked only when someone helps with it).
export function groupsIn(container) {
  return [...container.querySelectorAll(".openras-form-group[data-question]")].filter(
    (group) => !group.dataset.question.startsWith(WILLING) || helpedWith(group.dataset.question.slice(WILLING.length)),
  );
}

// Show each area's willingness question, and its row on "Check your answers", only
// when someone helps with that area.
export function showWillingness() {
  for (const element of root.querySelectorAll("[data-willing-for]")) {
    element.hidden = !helpedWith(element.dataset.willingFor);
  }
}

export function unanswered(container) {
  return groupsIn(container).filter((group) => !checked(group.dataset.question));
}

// The answers as an answers file (format 2: README, "The answers file").
export function collectAnswers() {
  const answers = {};
  const unpaid = {};
  const willing = {};
  for (const group of groupsIn(root)) {
    const name = group.dataset.question;
    const input = checked(name);
    if (!input) continue;
    if (name.startsWith("unpaid_support.")) unpaid[name.slice("unpaid_support.".length)] = input.value;
    else if (name.startsWith(WILLING)) willing[name.slice(WILLING.length)] = input.value;
    else answers[name] = input.value;
  }
  return {
    format: 2,
    scheme: root.dataset.scheme,
    scheme_version: root.dataset.schemeVersion,
    answers,
    unpaid_support: unpaid,
    helpers_willing: willing,
    for_someone_else: forSomeoneElse(),
    ...Object.fromEntries([...parts].map(([key, part]) => [key, part.collect()]).filter(([, value]) => value)),
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
  // The calculator gives every file back as format 2, older files included.
  for (const [area, option] of Object.entries(data.helpers_willing || {})) pick(`${WILLING}${area}`, option);
  for (const [key, part] of parts) part.apply(data[key]);
  setVoice(Boolean(data.for_someone_else));
  showWillingness();
}

// The label of the option chosen for `input`.
export function labelOf(input) {
  return root.querySelector(`label[for="${input.id}"]`).textContent;
}

// "Check your answers": each answer, and the back link to the last step asked.
export function prepareCheck() {
  for (const cell of root.querySelectorAll("[data-answer-for]")) {
    const input = checked(cell.dataset.answerFor);
    cell.textContent = input ? labelOf(input) : t("Not answered yet");
  }
  showWillingness();
  const steps = root.querySelectorAll("section[data-domain]").length;
  root.querySelector("#check .openras-back-link").setAttribute("href", `#step-${steps}`);
}

export function watchWillingness() {
  root.addEventListener("change", (event) => {
    if (event.target.name && event.target.name.startsWith("unpaid_support.")) showWillingness();
  });
  showWillingness();
}
