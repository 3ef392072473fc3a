// The assessment page's side of the calculator: it starts the one client (client.js)
// as soon as the page loads, shows its progress, asks for estimates and checks, and
// says why there is no result when it cannot start.

import { startCalculator } from "../client.js";
import { REQUEST } from "../protocol.js";
import { currentStep, root } from "./page.js";
import { showProblem, showResult } from "./result.js";
import { lang, t } from "../strings.js";

let calculator = null;
let progress = { number: 0, of: 3, label: t("Getting the calculator ready") }; // the step under way
let wantedEstimate = 0; // the estimate the person is waiting for (earlier ones are ignored)

export function start() {
  calculator = startCalculator({
    progress(step) {
      progress = step;
      updateProgress();
    },
    ready(message) {
      root.dataset.calculator = "ready";
      root.dataset.started = message.started;
      performance.mark("openras:ready");
      cacheRuntimeForOffline();
      updateProgress();
    },
    snapshot(message) {
      root.dataset.snapshot = message.kept ? "kept" : "not-kept";
    },
    failed() {
      root.dataset.calculator = "failed";
      updateProgress();
      if (currentStep() === "result") showFailure();
    },
  });
  updateProgress();
}

// Why the calculator could not start, or "" when it has not failed.
export function failure() {
  return calculator.state === "failed" ? calculator.failure : "";
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
  const done = Math.max(progress.number - 1, 0);
  const text = t("Getting the calculator ready (step {step} of {steps}): {label}…", { step: done + 1, steps: progress.of, label: t(progress.label) });
  status.textContent = text;
  waiting.textContent = text;
  bar.value = done;
}

// Once the calculator has started, its files are in the browser's HTTP cache: ask the
// service worker to keep them, so the estimate works offline next time. It answers on
// a port of our own: a message from the service worker itself (client.postMessage)
// would throw the page out of the back/forward cache if it came after the person left.
function cacheRuntimeForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready.then((registration) => {
    if (!registration.active) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      if (event.data && event.data.type === "runtime-cached") root.dataset.offline = "ready";
      channel.port1.close();
    };
    registration.active.postMessage({ type: "cache-runtime" }, [channel.port2]);
  });
}

export function requestEstimate(answers) {
  const ticket = ++wantedEstimate;
  performance.mark("openras:estimate-requested");
  calculator.ask(REQUEST.estimate, { answers: JSON.stringify(answers), lang }).then(
    (reply) => {
      if (ticket !== wantedEstimate) return;
      if (reply.ok) showResult(reply.result, reply.words);
      // The calculator is still working: only these answers could not be used.
      else showProblem(t("The calculator could not use these answers. {problems}", { problems: (reply.problems || []).map((p) => t(p)).join(" ") }));
    },
    () => {}, // the failed callback has already shown what went wrong
  );
}

// Whether an estimate has been asked for since the page opened or was cleared.
export function estimateAsked() {
  return wantedEstimate > 0;
}

// An estimate still on its way is dropped.
export function dropEstimate() {
  wantedEstimate = 0;
}

// Any other request to the calculator ("Estimate what you might pay": contribution.js).
export function ask(type, payload) {
  return calculator.ask(type, payload);
}

// The calculator's reply to checking an answers file's text.
export function checkAnswers(text) {
  return calculator.ask(REQUEST.check, { answers: text, lang });
}

function showFailure() {
  showProblem(calculator.failure);
}

// On showing the result step: wait for the result, or say why there is none.
export function prepareResult() {
  const done = !root.querySelector(".openras-result").hidden;
  root.querySelector(".openras-waiting").hidden = done || calculator.state === "failed";
  if (calculator.state === "failed") showFailure();
}
