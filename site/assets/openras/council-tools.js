// Council tools: the cases file is read here and handed to the same Python core as the
// estimate, in the same Web Worker, through the one calculator client (client.js).
// Nothing is uploaded: the only requests this page makes are for the site's own files.

import { startCalculator } from "./client.js";
import { REQUEST } from "./protocol.js";
import { lang, t } from "./strings.js";
import { clearFileProblems, downloadText, showFileProblems } from "./ui.js";

const root = document.getElementById("openras-tools");
const form = root.querySelector(".openras-tools-form");
const status = root.querySelector(".openras-tools-status");
const MAX_BYTES = Number(root.dataset.maxBytes); // from the build (site/site_content.py)
let latest = null;
// Numbers as in English ("1,234"): Welsh writes them the same, with en-GB where a browser
// does not know the page's language.
const NUMBERS = lang === "en" ? ["en-GB"] : [lang, "en-GB"];

const calculator = startCalculator({
  progress(step) {
    status.textContent = t("Getting the calculator ready: {label}…", { label: t(step.label) });
  },
  ready() {
    root.dataset.calculator = "ready";
    status.textContent = "";
  },
  failed() {
    root.dataset.calculator = "failed";
    status.textContent = "";
  },
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearFileProblems(form);
  const file = form.querySelector("#cases-file").files[0];
  if (!file) return showFileProblems(form, [t("Choose a cases file (CSV).")]);
  if (file.size > MAX_BYTES) {
    return showFileProblems(form, [t("The file is larger than {size} MB.", { size: Math.round(MAX_BYTES / 1024 / 1024) })]);
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    return showFileProblems(form, [t("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.")]);
  }
  const options = {};
  for (const name of ["target_total", "contingency_percent", "fairness_threshold", "min_group_size"]) {
    options[name] = form.elements.namedItem(name).value.trim() || null;
  }
  status.textContent = t("Working it out…");
  const started = performance.now();
  let reply;
  try {
    // A request made before the calculator is ready waits for it.
    reply = await calculator.ask(REQUEST.calibrate, { cases: text, options, lang });
  } catch (error) {
    status.textContent = "";
    return showFileProblems(form, [error.message]);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!reply.ok) {
    status.textContent = "";
    return showFileProblems(form, reply.problems || [t("The file could not be used.")]);
  }
  latest = reply;
  root.dataset.seconds = seconds;
  status.textContent = t("Done in {seconds} seconds: {cases} cases used.", {
    seconds,
    cases: reply.summary.cases_used.toLocaleString(NUMBERS),
  });
  const body = root.querySelector(".openras-tools-report-body");
  // The report is HTML made by the core, which escapes everything from the file.
  const template = document.createElement("template");
  template.innerHTML = reply.report;
  body.replaceChildren(template.content);
  const section = root.querySelector(".openras-tools-result");
  // A table scheme has no rate to change, so there is no new scheme file.
  root.querySelector(".openras-tools-scheme").hidden = reply.scheme_toml === null;
  section.hidden = false;
  section.querySelector("h2").focus();
});

root.querySelector(".openras-tools-report").addEventListener("click", () => {
  if (latest) downloadText("report.html", latest.report_page, "text/html");
});
root.querySelector(".openras-tools-scheme").addEventListener("click", () => {
  if (latest && latest.scheme_toml !== null) {
    downloadText(`scheme-${latest.new_version}.toml`, latest.scheme_toml, "text/plain");
  }
});

