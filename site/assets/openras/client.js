// The one page-side client of the calculator (worker.js), for every page that
// calculates. It starts the worker, gives up if start-up takes too long, keeps requests
// made before the calculator is ready in a queue, and tells the page what happens
// through the callbacks it is given. The messages are declared in protocol.js.

import { EVENT, STEPS } from "./protocol.js";
import { t } from "./strings.js";

const BOOT_TIMEOUT_MS = 90000;
const STEP_NAMES = Object.keys(STEPS);

/**
 * @typedef {object} Callbacks
 * @property {(progress: {step: string, label: string, number: number, of: number}) => void} [progress]
 *   a start-up step has begun (number counts from 1, of is how many steps there are)
 * @property {(ready: import("./protocol.js").ReadyEvent) => void} [ready]
 *   the calculator is ready; requests in the queue are sent now
 * @property {(snapshot: import("./protocol.js").SnapshotEvent) => void} [snapshot]
 *   after a first visit's start: whether a memory snapshot was kept for the next visit
 * @property {(reason: string) => void} [failed]
 *   the calculator cannot start (a plain sentence); every waiting request is refused
 */

// The worker, and which scheme it loads when the page is not for the site's first: the
// page's <meta name="openras-scheme">. start-early.js makes the same worker from the
// page's head; this is for pages without it, and for when it could not.
// The scheme goes in the worker's name, not its address: once the offline copy serves
// worker.js, the worker's address is the copy's, without anything added to it.
const WORKER_URL = new URL("./worker.js", import.meta.url);

function newWorker() {
  const scheme = document.querySelector('meta[name="openras-scheme"]');
  const name = scheme && scheme.content ? `scheme:${scheme.content}` : "";
  return new Worker(WORKER_URL, { type: "module", name });
}

// The worker start-early.js created in the page's head, and what it said before the
// page took it over, or null (no such script on this page, or it could not start one).
function takeEarly() {
  const early = window.openrasEarly || null;
  delete window.openrasEarly;
  return early;
}

// The page says whether its calculator is starting, and when it has started or failed
// (an "openras:calculator" event): offline.js waits for that before installing the
// service worker, so that the two do not compete for the device.
function starting() {
  document.documentElement.setAttribute("data-openras-calculator", "starting");
}

function settled(state) {
  document.documentElement.setAttribute("data-openras-calculator", state);
  window.dispatchEvent(new CustomEvent("openras:calculator", { detail: state }));
}

/**
 * Start the calculator (or take over the worker start-early.js made). `ask(type, fields)` sends a request (see protocol.js) and
 * resolves to Python's reply; it rejects, with the failure's reason, when the calculator
 * could not start.
 * @param {Callbacks} callbacks
 * @param {{timeout?: number}} [options]
 */
export function startCalculator(callbacks, { timeout = BOOT_TIMEOUT_MS } = {}) {
  const on = { progress() {}, ready() {}, failed() {}, snapshot() {}, ...callbacks };
  const pending = new Map(); // id -> {resolve, reject}
  let queue = []; // requests made before the calculator was ready
  let nextId = 1;
  let worker = null;
  let timer = 0;
  const calculator = {
    state: "starting", // starting | ready | failed
    failure: "",
    /**
     * @param {import("./protocol.js").Request["type"]} type
     * @param {object} fields the request's other fields
     * @returns {Promise<import("./protocol.js").Reply>}
     */
    ask(type, fields) {
      if (calculator.state === "failed") return Promise.reject(new Error(calculator.failure));
      const request = { ...fields, id: nextId++, type };
      return new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        if (calculator.state === "ready") worker.postMessage(request);
        else queue.push(request);
      });
    },
  };

  function fail(reason) {
    if (calculator.state === "failed") return;
    clearTimeout(timer);
    calculator.state = "failed";
    calculator.failure = reason;
    if (worker) worker.terminate();
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
    queue = [];
    on.failed(reason);
    settled("failed");
  }

  function receive(message) {
    switch (message.type) {
      case EVENT.progress:
        on.progress({ step: message.step, label: message.label, number: STEP_NAMES.indexOf(message.step) + 1, of: STEP_NAMES.length });
        break;
      case EVENT.ready:
        clearTimeout(timer);
        calculator.state = "ready";
        on.ready(message);
        settled("ready");
        for (const request of queue.splice(0)) worker.postMessage(request);
        break;
      case EVENT.snapshot:
        on.snapshot(message);
        break;
      case EVENT.failed:
        fail(t("The calculator could not start: {reason}", { reason: t(message.message) }));
        break;
      case EVENT.reply: {
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        waiting.resolve(message.reply);
      }
    }
  }

  // A failure found here is reported once the page has the calculator in hand.
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    queueMicrotask(() => fail(t("This browser cannot run the calculator.")));
    return calculator;
  }
  const early = takeEarly();
  const said = early ? early.messages : [];
  const errored = early ? early.error : false;
  try {
    worker = early ? early.worker : newWorker();
  } catch (error) {
    queueMicrotask(() => fail(t("This browser could not start the calculator.")));
    return calculator;
  }
  starting();
  timer = setTimeout(() => {
    if (calculator.state === "starting") fail(t("The calculator took too long to start."));
  }, timeout);
  worker.onerror = (event) => {
    event.preventDefault();
    fail(t("A file the calculator needs could not be loaded."));
  };
  worker.onmessage = (event) => receive(event.data || {});
  // What an early worker said before now is heard now, in order.
  queueMicrotask(() => {
    for (const message of said) receive(message);
    if (errored) fail(t("A file the calculator needs could not be loaded."));
  });
  return calculator;
}
