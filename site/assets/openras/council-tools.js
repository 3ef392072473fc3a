// Council tools: the cases file is read here and handed to the same Python core as the
// estimate, running in a Web Worker started from the same worker script. Nothing is
// uploaded: the only requests this page makes are for the site's own files.

import { clearFileProblems, downloadText, showFileProblems } from "./ui.js";

const root = document.getElementById("openras-tools");
const form = root.querySelector(".openras-tools-form");
const status = root.querySelector(".openras-tools-status");
const MAX_BYTES = 100 * 1024 * 1024;
let worker = null;
let ready = null;
let nextId = 1;
const waiting = new Map();
let latest = null;

function start() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  ready = new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      const message = event.data || {};
      if (message.type === "progress") status.textContent = `Getting the calculator ready: ${message.label}…`;
      else if (message.type === "ready") {
        root.dataset.calculator = "ready";
        status.textContent = "";
        resolve();
      } else if (message.type === "failed") {
        root.dataset.calculator = "failed";
        reject(new Error(message.message));
      } else if (waiting.has(message.id)) {
        waiting.get(message.id)(message);
        waiting.delete(message.id);
      }
    };
    worker.onerror = () => reject(new Error("A file the calculator needs could not be loaded."));
  });
  ready.catch(() => {});
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearFileProblems(form);
  const file = form.querySelector("#cases-file").files[0];
  if (!file) return showFileProblems(form, ["Choose a cases file (CSV)."]);
  if (file.size > MAX_BYTES) return showFileProblems(form, ["The file is larger than 100 MB."]);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    return showFileProblems(form, ['The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.']);
  }
  const options = {};
  for (const name of ["target_total", "contingency_percent", "fairness_threshold"]) {
    options[name] = form.elements.namedItem(name).value.trim() || null;
  }
  status.textContent = "Working it out…";
  const started = performance.now();
  try {
    await ready;
  } catch (error) {
    status.textContent = "";
    return showFileProblems(form, [`The calculator could not start on this device: ${error.message}`]);
  }
  const id = nextId++;
  const reply = await new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, type: "calibrate", cases: text, options });
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (reply.type !== "calibrated" || !reply.ok) {
    status.textContent = "";
    return showFileProblems(form, reply.problems || ["The file could not be used."]);
  }
  latest = reply;
  root.dataset.seconds = seconds;
  status.textContent = `Done in ${seconds} seconds: ${reply.summary.cases_used.toLocaleString("en-GB")} cases used.`;
  const body = root.querySelector(".openras-tools-report-body");
  // The report is HTML made by the core, which escapes everything from the file.
  const template = document.createElement("template");
  template.innerHTML = reply.report;
  body.replaceChildren(template.content);
  const section = root.querySelector(".openras-tools-result");
  section.hidden = false;
  section.querySelector("h2").focus();
});

root.querySelector(".openras-tools-report").addEventListener("click", () => {
  if (latest) downloadText("report.html", latest.report_page, "text/html");
});
root.querySelector(".openras-tools-scheme").addEventListener("click", () => {
  if (latest) downloadText(`scheme-${latest.new_version}.toml`, latest.scheme_toml, "text/plain");
});

start();
