// The assessment on the main thread: one step at a time, GOV.UK-style errors, check
// your answers, and the result. The sum is done by the Python core in a Web Worker
// (worker.js), started as soon as this page loads, so the page never freezes. The
// answers live only in this page's form fields: nothing is stored or sent.

import { clearFileProblems, downloadText, readText, showFileProblems } from "./ui.js";

const root = document.getElementById("openras");
const BOOT_TIMEOUT_MS = 90000;
const STEP_ORDER = { runtime: 1, package: 2, scheme: 3 };
const siteName = document.title.includes(" - ") ? document.title.split(" - ").pop() : document.title;

// -- the calculator in its worker ------------------------------------------------------

const calculator = {
  state: "starting", // starting | ready | failed
  step: null,
  label: "Getting the calculator ready",
  failure: "",
  worker: null,
  nextId: 1,
  pending: new Map(), // id -> {resolve, reject}
  queue: [], // requests made before the calculator was ready
};

function setCalculator(state) {
  calculator.state = state;
  root.dataset.calculator = state;
}

function failCalculator(reason) {
  if (calculator.state === "failed") return;
  setCalculator("failed");
  calculator.failure = reason;
  if (calculator.worker) calculator.worker.terminate();
  for (const { reject } of calculator.pending.values()) reject(new Error(reason));
  calculator.pending.clear();
  calculator.queue = [];
  updateProgress();
  if (currentStep() === "result") showFailure();
}

function startCalculator() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    failCalculator("This browser cannot run the calculator.");
    return;
  }
  let worker;
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch (error) {
    failCalculator("This browser could not start the calculator.");
    return;
  }
  calculator.worker = worker;
  const timer = setTimeout(() => {
    if (calculator.state === "starting") failCalculator("The calculator took too long to start.");
  }, BOOT_TIMEOUT_MS);
  worker.onerror = (event) => {
    event.preventDefault();
    failCalculator("A file the calculator needs could not be loaded.");
  };
  worker.onmessage = (event) => {
    const message = event.data || {};
    switch (message.type) {
      case "progress":
        calculator.step = message.step;
        calculator.label = message.label;
        updateProgress();
        break;
      case "ready":
        clearTimeout(timer);
        setCalculator("ready");
        performance.mark("openras:ready");
        cacheRuntimeForOffline();
        updateProgress();
        for (const request of calculator.queue.splice(0)) worker.postMessage(request);
        break;
      case "failed":
        clearTimeout(timer);
        failCalculator(`The calculator could not start: ${message.message}`);
        break;
      default: {
        const waiting = calculator.pending.get(message.id);
        if (!waiting) return;
        calculator.pending.delete(message.id);
        waiting.resolve(message);
      }
    }
  };
}

// Once the calculator has started, its files are in the browser's HTTP cache: ask the
// service worker to keep them, so the estimate works offline next time.
function cacheRuntimeForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "runtime-cached") root.dataset.offline = "ready";
  });
  navigator.serviceWorker.ready.then((registration) => {
    if (registration.active) registration.active.postMessage({ type: "cache-runtime" });
  });
}

// Ask the calculator something; the reply comes back with the same id. Requests made
// before it is ready wait in a queue.
function call(type, answersText) {
  if (calculator.state === "failed") return Promise.reject(new Error(calculator.failure));
  const id = calculator.nextId++;
  const request = { id, type, answers: answersText };
  return new Promise((resolve, reject) => {
    calculator.pending.set(id, { resolve, reject });
    if (calculator.state === "ready") calculator.worker.postMessage(request);
    else calculator.queue.push(request);
  });
}

let wantedEstimate = 0; // the estimate the person is waiting for (earlier ones are ignored)

function requestEstimate(answers) {
  const ticket = ++wantedEstimate;
  performance.mark("openras:estimate-requested");
  call("estimate", JSON.stringify(answers)).then(
    (reply) => {
      if (ticket !== wantedEstimate) return;
      if (reply.type === "result") showResult(reply.result, reply.words);
      // The calculator is still working: only these answers could not be used.
      else showProblem(`The calculator could not use these answers. ${(reply.problems || []).join(" ")}`);
    },
    () => {}, // failCalculator has already shown what went wrong
  );
}

function updateProgress() {
  const status = root.querySelector(".openras-status");
  const waiting = root.querySelector(".openras-waiting__step");
  const bar = root.querySelector(".openras-progress");
  if (calculator.state === "ready") {
    status.textContent = "";
    bar.value = bar.max;
    return;
  }
  if (calculator.state === "failed") {
    status.textContent = "";
    return;
  }
  const done = calculator.step ? STEP_ORDER[calculator.step] - 1 : 0;
  const text = `Getting the calculator ready (step ${done + 1} of 3): ${calculator.label}…`;
  status.textContent = text;
  waiting.textContent = text;
  bar.value = done;
}

// -- steps ----------------------------------------------------------------------------

const steps = [...root.querySelectorAll(".openras-step")];

function currentStep() {
  const shown = steps.find((step) => !step.hidden);
  return shown ? shown.id : "start";
}

function show(id, { focus = true } = {}) {
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

function route() {
  const id = decodeURIComponent(location.hash.slice(1)) || "start";
  const target = document.getElementById(id);
  if (target && target.classList.contains("openras-step")) {
    if (id === "result" && !wantedEstimate) return show("check");
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

// -- answers ----------------------------------------------------------------------------

const keepAll = new Set((root.dataset.keepAll || "").split(" ").filter(Boolean));

function checked(name) {
  return root.querySelector(`input[type=radio][name="${CSS.escape(name)}"]:checked`);
}

function someoneHelps() {
  return [...root.querySelectorAll('input[type=radio][name^="unpaid_support."]:checked')].some(
    (input) => !keepAll.has(input.value),
  );
}

function groupsIn(container) {
  return [...container.querySelectorAll(".openras-form-group[data-question]")].filter(
    (group) => group.dataset.question !== "helpers_willing" || someoneHelps(),
  );
}

function collectAnswers() {
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

// -- errors (GOV.UK error summary and error messages) --------------------------------

function clearErrors(form) {
  const summary = form.querySelector(".openras-error-summary");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
  for (const group of root.querySelectorAll(".openras-form-group--error[data-question]")) {
    group.classList.remove("openras-form-group--error");
    const message = group.querySelector(".openras-error-message");
    message.hidden = true;
    const fieldset = group.querySelector("fieldset");
    fieldset.setAttribute("aria-describedby", fieldset.getAttribute("aria-describedby").replace(/ \S+-error$/, ""));
  }
}

function showErrors(form, groups) {
  const summary = form.querySelector(".openras-error-summary");
  const list = summary.querySelector("ul");
  for (const group of groups) {
    const message = group.querySelector(".openras-error-message");
    const first = group.querySelector("input[type=radio]");
    group.classList.add("openras-form-group--error");
    message.hidden = false;
    const fieldset = group.querySelector("fieldset");
    fieldset.setAttribute("aria-describedby", `${fieldset.getAttribute("aria-describedby")} ${message.id}`);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${first.id}`;
    link.textContent = message.querySelector(".openras-error-text").textContent;
    item.append(link);
    list.append(item);
  }
  summary.hidden = false;
  const step = form.closest(".openras-step");
  document.title = `Error: ${step.dataset.title} - ${siteName}`;
  summary.focus();
}

function unanswered(container) {
  return groupsIn(container).filter((group) => !checked(group.dataset.question));
}

root.addEventListener("click", (event) => {
  const link = event.target.closest(".openras-error-summary a");
  if (!link) return;
  const input = document.getElementById(link.hash.slice(1));
  if (!input || input.closest(".openras-step").hidden) return; // another step: let the hash route it
  event.preventDefault();
  const legend = input.closest("fieldset").querySelector("legend");
  legend.scrollIntoView();
  input.focus({ preventScroll: true });
});

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

// -- check your answers ---------------------------------------------------------------

function prepareCheck() {
  for (const cell of root.querySelectorAll("[data-answer-for]")) {
    const input = checked(cell.dataset.answerFor);
    cell.textContent = input ? root.querySelector(`label[for="${input.id}"]`).textContent : "Not answered yet";
  }
  const helps = someoneHelps();
  root.querySelector(".openras-helpers-summary").hidden = !helps;
  root.querySelector("#check .openras-back-link").setAttribute("href", helps ? "#helpers" : `#step-${stepCount()}`);
}

function stepCount() {
  return root.querySelectorAll("section[data-domain]").length;
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

// -- the result -------------------------------------------------------------------------

function prepareResult() {
  const done = !root.querySelector(".openras-result").hidden;
  root.querySelector(".openras-waiting").hidden = done || calculator.state === "failed";
  if (calculator.state === "failed") showFailure();
}

function showFailure() {
  showProblem(calculator.failure);
}

function showProblem(reason) {
  root.querySelector(".openras-waiting").hidden = true;
  root.querySelector(".openras-result").hidden = true;
  const box = root.querySelector(".openras-failed");
  box.querySelector(".openras-failed__reason").textContent = reason;
  box.hidden = false;
}

function text(tag, content) {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}

function showResult(result, words) {
  const box = root.querySelector(".openras-result");
  for (const element of box.querySelectorAll("[data-word]")) {
    element.textContent = words[element.dataset.word] || "";
  }
  const helpedAreas = result.points.by_domain.some((area) => area.keep !== "1");
  const flags = {
    "unpaid-applied": result.unpaid_support_applied,
    "unpaid-not-willing": helpedAreas && result.answers.helpers_willing === false,
    below: result.flags.below_threshold,
    exceptional: result.flags.exceptional,
  };
  for (const [name, on] of Object.entries(flags)) {
    box.querySelector(`[data-flag="${name}"]`).hidden = !on;
  }

  const rows = result.points.by_domain.map((area) => {
    const row = document.createElement("tr");
    const head = text("th", area.title);
    head.scope = "row";
    const before = text("td", String(area.points_before_unpaid_support));
    const after = text("td", String(area.points));
    before.className = after.className = "openras-num";
    row.append(head, before, after);
    return row;
  });
  box.querySelector(".openras-breakdown").replaceChildren(...rows);
  box.querySelector('[data-total="before"]').textContent = String(result.points.total_before_unpaid_support);
  box.querySelector('[data-total="after"]').textContent = String(result.points.total);

  const steps = result.working.map((step) => {
    const item = text("li", step.text);
    item.dataset.kind = step.kind;
    if (step.reference) {
      item.append(" Source: ");
      if (step.reference.url) {
        const link = text("a", step.reference.title);
        link.href = step.reference.url;
        link.rel = "noreferrer";
        item.append(link, ".");
      } else {
        item.append(`${step.reference.title}.`);
      }
    }
    return item;
  });
  box.querySelector(".openras-working").replaceChildren(...steps);

  const eligibility = result.eligibility;
  const count = eligibility.outcomes_unmet.length;
  const outcomes = count === 1 ? "1 outcome" : `${count} outcomes`;
  box.querySelector(".openras-eligibility").textContent = eligibility.likely_eligible
    ? `Probably yes. Your answers say you cannot achieve ${outcomes} from the list in the law. People are usually eligible when they cannot achieve ${eligibility.minimum_unmet} or more.`
    : `Perhaps not. Your answers say you cannot achieve ${outcomes} from the list in the law. People are usually eligible when they cannot achieve ${eligibility.minimum_unmet} or more. You can still ask for an assessment.`;
  box.querySelector(".openras-outcomes").replaceChildren(...eligibility.outcomes_unmet.map((o) => text("li", o.text)));

  const answerRows = groupsIn(root)
    .filter((group) => checked(group.dataset.question))
    .map((group) => {
      const input = checked(group.dataset.question);
      const row = document.createElement("tr");
      const question = text("th", group.querySelector("legend").textContent.trim());
      question.scope = "row";
      row.append(question, text("td", root.querySelector(`label[for="${input.id}"]`).textContent));
      return row;
    });
  box.querySelector(".openras-your-answers tbody").replaceChildren(...answerRows);
  box.querySelector(".openras-made-on").textContent = longDate.format(new Date());
  notesForPrint();

  root.querySelector(".openras-waiting").hidden = true;
  root.querySelector(".openras-failed").hidden = true;
  box.hidden = false;
  performance.mark("openras:result-shown");
  if (currentStep() === "result") root.querySelector("#result h1").focus();
}

root.querySelector(".openras-print").addEventListener("click", () => window.print());

// -- save and share -----------------------------------------------------------------------

const MAX_FILE_BYTES = 200000;
const MAX_DEPTH = 10;
const SAVE_KEY = `openras:${root.dataset.scheme}:answers`;
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function answersFileText() {
  return JSON.stringify(collectAnswers(), null, 2) + "\n";
}

function tooDeep(value, depth = 0) {
  if (depth > MAX_DEPTH) return true;
  if (value && typeof value === "object") return Object.values(value).some((v) => tooDeep(v, depth + 1));
  return false;
}

// Check a file's text here first (size, JSON, shape), then in Python, as the answers
// file format is defined there. Nothing changes on the page unless both agree.
async function checkAnswersText(text) {
  if (text.length > MAX_FILE_BYTES) {
    return { ok: false, problems: ["The file is too large to be a file of answers from this site."] };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: ["The file is not a file of answers from this site: it is not JSON."] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || tooDeep(data) || !("answers" in data)) {
    return { ok: false, problems: ["The file is not a file of answers from this site."] };
  }
  try {
    const reply = await call("check", text);
    if (reply.type === "checked" && reply.ok) return { ok: true, answers: reply.answers };
    return { ok: false, problems: reply.problems };
  } catch (error) {
    return { ok: false, problems: ["The file could not be checked, because the calculator could not start."] };
  }
}

function applyAnswers(data) {
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

function showLoaded(message) {
  const box = root.querySelector(".openras-loaded");
  box.querySelector("p").textContent = message;
  box.hidden = false;
  if (location.hash === "#check") show("check");
  else location.hash = "#check";
}

root.addEventListener("change", async (event) => {
  const input = event.target.closest(".openras-file-upload");
  if (!input || !input.files.length) return;
  const box = input.closest(".openras-upload");
  const file = input.files[0];
  const status = box.querySelector(".openras-upload__status");
  clearFileProblems(box);
  status.textContent = "Checking your file…";
  const outcome =
    file.size > MAX_FILE_BYTES
      ? { ok: false, problems: ["The file is too large to be a file of answers from this site."] }
      : await checkAnswersText(await readText(file));
  status.textContent = "";
  input.value = "";
  if (!outcome.ok) return showFileProblems(box, outcome.problems);
  applyAnswers(outcome.answers);
  showLoaded(`Your answers from ${file.name} are loaded. Check them, then get your estimate.`);
});

function downloadAnswers(event) {
  const form = root.querySelector(".openras-get-estimate");
  clearErrors(form);
  const missing = unanswered(root);
  if (missing.length) {
    if (currentStep() !== "check") location.hash = "#check";
    return showErrors(form, missing);
  }
  downloadText(
    `answers-${root.dataset.scheme}-${root.dataset.schemeVersion}-${today()}.json`,
    answersFileText(),
    "application/json",
  );
  event.target.focus();
}

// "Save on this device" is never on until the person asks for it.
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

function showSaved() {
  if (guided) return; // a shared computer: nothing is offered from, or kept on, the device
  const entry = saved();
  root.querySelector(".openras-saved").hidden = !entry;
  if (entry) {
    root.querySelector(".openras-saved__date").textContent = entry.savedAt ? longDate.format(entry.savedAt) : "a date that cannot be read";
  }
  root.querySelector(".openras-save-device__on").hidden = !entry;
  root.querySelector(".openras-save-device__off").hidden = Boolean(entry);
  root.querySelector(".openras-save-here").textContent = entry ? "Save again" : "Save on this device";
  for (const button of root.querySelectorAll(".openras-forget")) button.hidden = !entry;
}

function saveHere() {
  const form = root.querySelector(".openras-get-estimate");
  clearErrors(form);
  const missing = unanswered(root);
  if (missing.length) return showErrors(form, missing);
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
    : { ok: false, problems: ["The saved entry on this device is damaged. You can forget it and answer again."] };
  if (!outcome.ok) return showFileProblems(box, ["Your saved answers cannot be used.", ...outcome.problems]);
  applyAnswers(outcome.answers);
  showLoaded("Your saved answers are loaded. Check them, then get your estimate.");
}

root.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.classList.contains("openras-download")) downloadAnswers(event);
  else if (button.classList.contains("openras-save-here")) saveHere();
  else if (button.classList.contains("openras-forget")) forget(event);
  else if (button.classList.contains("openras-use-saved")) useSaved();
});

// -- guided sessions (carers centres, shared computers) ---------------------------------

const guided = new URLSearchParams(location.search).get("mode") === "guided";

function clearResult() {
  const box = root.querySelector(".openras-result");
  box.hidden = true;
  for (const selector of [".openras-breakdown", ".openras-working", ".openras-outcomes", ".openras-your-answers tbody"]) {
    box.querySelector(selector).replaceChildren();
  }
  for (const element of box.querySelectorAll("[data-word], [data-total], .openras-eligibility, .openras-made-on")) {
    element.textContent = "";
  }
  box.querySelector(".openras-result-notes__list").replaceChildren();
  box.querySelector(".openras-result-notes").hidden = true;
}

// Everything the person entered goes; the calculator stays, so the next person can
// start at once.
function clearSession() {
  const dialog = root.querySelector(".openras-idle");
  if (dialog.open) dialog.close();
  for (const input of root.querySelectorAll("input[type=radio]")) input.checked = false;
  for (const area of root.querySelectorAll("textarea")) area.value = "";
  for (const input of root.querySelectorAll("input[type=file]")) input.value = "";
  for (const form of root.querySelectorAll("form.openras-form")) clearErrors(form);
  for (const box of root.querySelectorAll(".openras-upload")) {
    clearFileProblems(box);
    box.querySelector(".openras-error-summary ul").replaceChildren();
    box.querySelector(".openras-upload__status").textContent = "";
  }
  for (const cell of root.querySelectorAll("[data-answer-for]")) cell.textContent = "";
  const loaded = root.querySelector(".openras-loaded");
  loaded.hidden = true;
  loaded.querySelector("p").textContent = "";
  const failed = root.querySelector(".openras-failed");
  failed.hidden = true;
  failed.querySelector(".openras-failed__reason").textContent = calculator.state === "failed" ? calculator.failure : "";
  wantedEstimate = 0; // an estimate still on its way is dropped
  clearResult();
  history.replaceState(null, "", location.pathname + location.search + "#start");
  show("start");
  performance.mark("openras:cleared");
}

// The idle time-out is measured against the clock, not counted in timer ticks: a
// computer that slept, or a background tab whose timers the browser slowed down, is
// cleared as soon as it runs again if its time is up.
const idle = {
  minutes: Number(root.dataset.idleMinutes) || 15,
  warning: Number(root.dataset.warningSeconds) || 60,
  warnAt: 0, // Date.now() at which the warning shows
};

function restartIdleTimer() {
  idle.warnAt = Date.now() + idle.minutes * 60 * 1000;
}

function checkIdle() {
  const dialog = root.querySelector(".openras-idle");
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
  root.querySelector(".openras-idle").close();
  restartIdleTimer();
}

function startGuided() {
  document.documentElement.classList.add("openras-guided-page");
  root.classList.add("openras-guided");
  root.querySelector(".openras-guided-bar").hidden = false;
  for (const element of root.querySelectorAll(".openras-guide, .openras-guided-only")) element.hidden = false;
  for (const element of root.querySelectorAll(".openras-not-guided, .openras-save-device, .openras-saved")) {
    element.hidden = true;
  }
  // The finish step's back link returns to wherever the session was.
  window.addEventListener("hashchange", (event) => {
    const from = new URL(event.oldURL).hash;
    if (location.hash === "#finish" && from && from !== "#finish") {
      root.querySelector("#finish .openras-back-link").setAttribute("href", from);
    }
  });
  for (const type of ["pointerdown", "keydown", "input", "scroll", "touchstart"]) {
    window.addEventListener(type, () => {
      if (!root.querySelector(".openras-idle").open) restartIdleTimer();
    }, { passive: true, capture: true });
  }
  root.querySelector(".openras-still-here").addEventListener("click", stillHere);
  root.querySelector(".openras-idle").addEventListener("cancel", (event) => {
    event.preventDefault(); // Escape means "still here" too
    stillHere();
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
  document.addEventListener("visibilitychange", checkIdle);
  root.querySelector(".openras-finish-print").addEventListener("click", () => {
    if (root.querySelector(".openras-result").hidden) {
      location.hash = "#check";
      return;
    }
    location.hash = "#result";
    setTimeout(() => window.print(), 0);
  });
  restartIdleTimer();
  setInterval(checkIdle, 1000);
}

function notesForPrint() {
  const list = root.querySelector(".openras-result-notes__list");
  const rows = [...root.querySelectorAll("textarea[data-notes-for]")]
    .filter((area) => area.value.trim())
    .map((area) => {
      const row = document.createElement("div");
      row.className = "openras-summary__row";
      row.append(text("dt", area.dataset.notesFor), text("dd", area.value.trim()));
      row.firstChild.className = "openras-summary__key";
      row.lastChild.className = "openras-summary__value";
      return row;
    });
  list.replaceChildren(...rows);
  root.querySelector(".openras-result-notes").hidden = rows.length === 0;
}

// -- start ------------------------------------------------------------------------------

startCalculator();
updateProgress();
showSaved();
if (guided) startGuided();
window.addEventListener("hashchange", route);
route();
