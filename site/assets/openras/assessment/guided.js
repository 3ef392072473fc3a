// Guided sessions (carers centres, shared computers): a bar with "Clear and start
// again", an idle time-out with a warning, and clearing on leaving the page, so the
// next person finds nothing of the last one's.

import { clearFileProblems } from "../ui.js";
import { clearAnswersParts, showWillingness } from "./answers.js";
import { dropEstimate, failure } from "./calculator.js";
import { clearErrors } from "./errors.js";
import { root } from "./page.js";
import { clearResult } from "./result.js";
import { show } from "./steps.js";
import { setVoice } from "./voice.js";

const dialog = root.querySelector(".openras-idle");

// Everything the person entered goes; the calculator stays, so the next person can
// start at once.
function clearSession() {
  if (dialog.open) dialog.close();
  for (const input of root.querySelectorAll("input[type=radio]")) input.checked = false;
  setVoice(false, { clear: true }); // the next person starts as the page does
  clearAnswersParts();
  showWillingness();
  for (const area of root.querySelectorAll("textarea")) area.value = "";
  for (const input of root.querySelectorAll("input[type=file]")) input.value = "";
  for (const form of root.querySelectorAll("form.openras-form")) clearErrors(form);
  for (const box of root.querySelectorAll(".openras-upload")) {
    clearFileProblems(box);
    for (const offer of box.querySelectorAll(".openras-other-scheme")) offer.remove();
    box.querySelector(".openras-error-summary ul").replaceChildren();
    box.querySelector(".openras-upload__status").textContent = "";
  }
  for (const cell of root.querySelectorAll("[data-answer-for]")) cell.textContent = "";
  const loaded = root.querySelector(".openras-loaded");
  loaded.hidden = true;
  loaded.querySelector("p").textContent = "";
  const failed = root.querySelector(".openras-failed");
  failed.hidden = true;
  failed.querySelector(".openras-failed__reason").textContent = failure();
  dropEstimate();
  clearResult();
  history.replaceState(null, "", location.pathname + location.search + "#start");
  show("start");
  performance.mark("openras:cleared");
}

// The idle time-out is measured against the clock, not counted in timer ticks: a
// computer that slept, or a background tab whose timers the browser slowed down, is
// cleared as soon as it runs again if its time is up.
const idle = {
  // From content/council.toml, or site/site_content.py's defaults, by the build.
  minutes: Number(root.dataset.idleMinutes),
  warning: Number(root.dataset.warningSeconds),
  warnAt: 0, // Date.now() at which the warning shows
};

function restartIdleTimer() {
  idle.warnAt = Date.now() + idle.minutes * 60 * 1000;
}

function checkIdle() {
  const now = Date.now();
  const clearAt = idle.warnAt + idle.warning * 1000;
  if (now >= clearAt) {
    clearSession();
    restartIdleTimer();
    return;
  }
  if (now < idle.warnAt) return;
  dialog.querySelector(".openras-idle__seconds").textContent = String(Math.ceil((clearAt - now) / 1000));
  if (!dialog.open) dialog.showModal();
}

function stillHere() {
  dialog.close();
  restartIdleTimer();
}

function showGuidedParts() {
  document.documentElement.classList.add("openras-guided-page");
  root.classList.add("openras-guided");
  root.querySelector(".openras-guided-bar").hidden = false;
  for (const element of root.querySelectorAll(".openras-guide, .openras-guided-only")) element.hidden = false;
  for (const element of root.querySelectorAll(".openras-not-guided, .openras-save-device, .openras-saved")) {
    element.hidden = true;
  }
}

function watchIdle() {
  for (const type of ["pointerdown", "keydown", "input", "scroll", "touchstart"]) {
    window.addEventListener(type, () => {
      if (!dialog.open) restartIdleTimer();
    }, { passive: true, capture: true });
  }
  root.querySelector(".openras-still-here").addEventListener("click", stillHere);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault(); // Escape means "still here" too
    stillHere();
  });
  document.addEventListener("visibilitychange", checkIdle);
  restartIdleTimer();
  setInterval(checkIdle, 1000);
}

export function startGuided() {
  showGuidedParts();
  // The finish step's back link returns to wherever the session was.
  window.addEventListener("hashchange", (event) => {
    const from = new URL(event.oldURL).hash;
    if (location.hash === "#finish" && from && from !== "#finish") {
      root.querySelector("#finish .openras-back-link").setAttribute("href", from);
    }
  });
  root.querySelector(".openras-clear").addEventListener("click", clearSession);
  // Leaving the page clears it, so Back (from the back/forward cache) cannot show this
  // person's answers to the next one; forms have autocomplete off, so a reload cannot
  // restore them either.
  window.addEventListener("pagehide", clearSession);
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    clearSession();
    restartIdleTimer();
  });
  root.querySelector(".openras-finish-print").addEventListener("click", () => {
    if (root.querySelector(".openras-result").hidden) {
      location.hash = "#check";
      return;
    }
    location.hash = "#result";
    setTimeout(() => window.print(), 0);
  });
  watchIdle();
}
