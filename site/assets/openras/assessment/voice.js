// Answering for someone else: at the start a person says whom they are answering for
// (only where the scheme words every question for someone answering for another
// person). The questions, hints and headings then speak of "them": each element that
// has `data-them` holds that wording, and keeps its own ("you") wording in `data-you`.
// Only text is swapped, so what a screen reader reads and what the page copies into
// "Check your answers", the error summary and the result is always the wording on show.
// The answers file records the choice (`for_someone_else`), and the result's words,
// written by the core, speak of "them" too.

import { root } from "./page.js";

const CHOICE = "for_someone_else";

function input(value) {
  return root.querySelector(`input[type=radio][name="${CHOICE}"][value="${value}"]`);
}

// Whether the person answers for someone else (never on a scheme without that wording;
// no answer chosen means they answer for themselves).
export function forSomeoneElse() {
  const yes = input("yes");
  return Boolean(yes) && yes.checked;
}

export function applyVoice() {
  const them = forSomeoneElse();
  root.classList.toggle("openras--them", them);
  for (const element of root.querySelectorAll("[data-them]")) {
    if (!("you" in element.dataset)) element.dataset.you = element.textContent;
    element.textContent = them ? element.dataset.them : element.dataset.you;
  }
  for (const step of root.querySelectorAll("[data-title-them]")) {
    if (!("titleYou" in step.dataset)) step.dataset.titleYou = step.dataset.title;
    step.dataset.title = them ? step.dataset.titleThem : step.dataset.titleYou;
  }
}

// Set the choice from an answers file and the wording; `clear` (a guided session's next
// person) leaves neither answer chosen, as the page starts.
export function setVoice(them, { clear = false } = {}) {
  const yes = input("yes");
  const no = input("no");
  if (yes && no) {
    yes.checked = them && !clear;
    no.checked = !them && !clear;
  }
  applyVoice();
}

export function watchVoice() {
  root.addEventListener("change", (event) => {
    if (event.target.name === CHOICE) applyVoice();
  });
  // The start page's "someone I care for or help" links here, to the choice itself.
  if (location.hash === "#for-someone-else" && input("yes")) setVoice(true);
  else applyVoice();
}
