// Save and share: download the answers as a file, upload one to carry on, and "Save on
// this device" (never on until the person asks for it). A file or a saved entry is
// checked here first (size, JSON, shape), then by the calculator, as the answers file
// format is defined in Python; nothing changes on the page unless both agree.

import { clearFileProblems, downloadText, readText, showFileProblems } from "../ui.js";
import { answersFileText, applyAnswers, unanswered } from "./answers.js";
import { checkAnswers } from "./calculator.js";
import { clearErrors, showErrors } from "./errors.js";
import { currentStep, guided, longDate, root, text } from "./page.js";
import { show } from "./steps.js";
import { t } from "../strings.js";

const MAX_FILE_BYTES = Number(root.dataset.maxBytes); // from the build (site/site_content.py)
const MAX_DEPTH = 10;
const SAVE_KEY = `openras:${root.dataset.scheme}:answers`;
const TOO_LARGE = t("The file is too large to be a file of answers from this site.");

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function tooDeep(value, depth = 0) {
  if (depth > MAX_DEPTH) return true;
  if (value && typeof value === "object") return Object.values(value).some((v) => tooDeep(v, depth + 1));
  return false;
}

async function checkAnswersText(text) {
  if (text.length > MAX_FILE_BYTES) return { ok: false, problems: [TOO_LARGE] };
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [t("The file is not a file of answers from this site: it is not JSON.")] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || tooDeep(data) || !("answers" in data)) {
    return { ok: false, problems: [t("The file is not a file of answers from this site.")] };
  }
  try {
    const reply = await checkAnswers(text);
    if (reply.ok) return { ok: true, answers: reply.answers };
    return { ok: false, problems: reply.problems.map((p) => t(p)), other: reply.other_scheme };
  } catch (error) {
    return { ok: false, problems: [t("The file could not be checked, because the calculator could not start.")] };
  }
}

function showLoaded(message) {
  const box = root.querySelector(".openras-loaded");
  box.querySelector("p").textContent = message;
  box.hidden = false;
  if (location.hash === "#check") show("check");
  else location.hash = "#check";
}

// The site's other schemes (from the build): [{id, url, title}].
const OTHER_SCHEMES = JSON.parse(root.dataset.otherSchemes || "[]");

// A file saved for another scheme on this site: say which, and offer its page with the
// same file. The file is handed over in the tab's own memory (window.name, which the
// browser keeps for the next page of this site in the same tab and never sends
// anywhere), only when the person follows the link, and the other page takes it and
// clears it at once: nothing is stored on the device or put in an address.
const HAND_OVER = "openras-answers:";

function offerOtherScheme(box, other, file) {
  for (const old of box.querySelectorAll(".openras-other-scheme")) old.remove();
  const found = other && OTHER_SCHEMES.find((scheme) => scheme.id === other.id);
  if (!found) return;
  const offer = document.createElement("div");
  offer.className = "openras-other-scheme";
  offer.append(text("p", t("These answers are for another assessment on this site: {title}. Open it with the same file, or upload the file again there.", { title: found.title })));
  const link = text("a", t("Open {title} with these answers", { title: found.title }));
  link.href = found.url;
  link.className = "md-button md-button--primary openras-button";
  link.addEventListener("click", () => {
    window.name = HAND_OVER + JSON.stringify({ scheme: found.id, name: file.name, text: file.text });
  });
  const action = document.createElement("p");
  action.append(link);
  offer.append(action);
  box.querySelector(".openras-error-summary").after(offer);
}

// A file another assessment on this site handed over (see offerOtherScheme): taken and
// cleared before anything else, then loaded like an upload if it is for this scheme.
async function takeHandedOver() {
  const given = typeof window.name === "string" && window.name.startsWith(HAND_OVER) ? window.name : "";
  if (!given) return;
  window.name = "";
  let file;
  try {
    file = JSON.parse(given.slice(HAND_OVER.length));
  } catch (error) {
    return;
  }
  if (!file || file.scheme !== root.dataset.scheme || typeof file.text !== "string") return;
  const name = typeof file.name === "string" ? file.name : t("your file");
  const box = root.querySelector("#start .openras-upload");
  const outcome = await checkAnswersText(file.text);
  if (!outcome.ok) return showFileProblems(box, outcome.problems);
  applyAnswers(outcome.answers);
  showLoaded(t("Your answers from {name} are loaded. Check them, then get your estimate.", { name }));
}

async function upload(event) {
  const input = event.target.closest(".openras-file-upload");
  if (!input || !input.files.length) return;
  const box = input.closest(".openras-upload");
  const file = input.files[0];
  const status = box.querySelector(".openras-upload__status");
  clearFileProblems(box);
  offerOtherScheme(box, null, null);
  status.textContent = t("Checking your file…");
  const content = file.size > MAX_FILE_BYTES ? null : await readText(file);
  const outcome = content === null ? { ok: false, problems: [TOO_LARGE] } : await checkAnswersText(content);
  status.textContent = "";
  input.value = "";
  if (!outcome.ok) {
    showFileProblems(box, outcome.problems);
    return offerOtherScheme(box, outcome.other, { name: file.name, text: content });
  }
  applyAnswers(outcome.answers);
  showLoaded(t("Your answers from {name} are loaded. Check them, then get your estimate.", { name: file.name }));
}

// Every question must be answered before the answers are saved: if not, "Check your
// answers" lists what is missing.
function allAnswered({ moveToCheck }) {
  const form = root.querySelector(".openras-get-estimate");
  clearErrors(form);
  const missing = unanswered(root);
  if (!missing.length) return true;
  if (moveToCheck && currentStep() !== "check") location.hash = "#check";
  showErrors(form, missing);
  return false;
}

function downloadAnswers(event) {
  if (!allAnswered({ moveToCheck: true })) return;
  downloadText(
    `answers-${root.dataset.scheme}-${root.dataset.schemeVersion}-${today()}.json`,
    answersFileText(),
    "application/json",
  );
  event.target.focus();
}

function saved() {
  let entry;
  try {
    entry = JSON.parse(localStorage.getItem(SAVE_KEY));
  } catch (error) {
    entry = localStorage.getItem(SAVE_KEY) === null ? null : {};
  }
  if (entry === null) return null;
  // Anything else in the slot (edited by hand, or damaged) is still offered, so it can
  // be forgotten; "Use my saved answers" then says why it cannot be used.
  const when = entry && typeof entry.saved_at === "string" ? new Date(entry.saved_at) : null;
  return {
    savedAt: when && !Number.isNaN(when.getTime()) ? when : null,
    answers: entry && typeof entry.answers === "string" ? entry.answers : "",
  };
}

export function showSaved() {
  if (guided) return; // a shared computer: nothing is offered from, or kept on, the device
  const entry = saved();
  root.querySelector(".openras-saved").hidden = !entry;
  if (entry) {
    root.querySelector(".openras-saved__date").textContent = entry.savedAt ? longDate(entry.savedAt) : "a date that cannot be read";
  }
  root.querySelector(".openras-save-device__on").hidden = !entry;
  root.querySelector(".openras-save-device__off").hidden = Boolean(entry);
  root.querySelector(".openras-save-here").textContent = entry ? t("Save again") : t("Save on this device");
  for (const button of root.querySelectorAll(".openras-forget")) button.hidden = !entry;
}

function saveHere() {
  if (!allAnswered({ moveToCheck: false })) return;
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify({ saved_at: new Date().toISOString(), answers: answersFileText() }));
  } catch (error) {
    return;
  }
  showSaved();
}

function forget(event) {
  try {
    localStorage.removeItem(SAVE_KEY);
  } catch (error) {
    /* nothing was saved */
  }
  showSaved();
  const heading = event.target.closest(".openras-step").querySelector("h1");
  heading.focus();
}

async function useSaved() {
  const entry = saved();
  if (!entry) return showSaved();
  const box = root.querySelector("#start .openras-upload");
  clearFileProblems(box);
  const outcome = entry.answers
    ? await checkAnswersText(entry.answers)
    : { ok: false, problems: [t("The saved entry on this device is damaged. You can forget it and answer again.")] };
  if (!outcome.ok) return showFileProblems(box, [t("Your saved answers cannot be used."), ...outcome.problems.map((p) => t(p))]);
  applyAnswers(outcome.answers);
  showLoaded(t("Your saved answers are loaded. Check them, then get your estimate."));
}

export function watchSaving() {
  root.addEventListener("change", upload);
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.classList.contains("openras-download")) downloadAnswers(event);
    else if (button.classList.contains("openras-save-here")) saveHere();
    else if (button.classList.contains("openras-forget")) forget(event);
    else if (button.classList.contains("openras-use-saved")) useSaved();
  });
  showSaved();
  takeHandedOver();
}
