// Cost your support plan. The person adds lines of support; the core (ras_core.plan,
// in the calculator's Web Worker, through the one client) costs the plan and says
// every sentence about it, which this page only places in order (the `ras plan`
// lines). The band comes from the address's fragment (#low=…&high=…&period=…), never
// the query string, so it is not sent to the server. Download, upload and "Save on this
// device" work as for answers; a guided session (?mode=guided) keeps nothing.
//
// The page's own words are t() (strings.js), in the page's language, and the plan's
// words come from the core in the same language (`lang` in the request).
//
// Imports: plan.js → client, protocol, strings, ui, plan/lines, plan/file.

import { startCalculator } from "./client.js";
import { REQUEST } from "./protocol.js";
import { lang, t } from "./strings.js";
import { forgetPlan, readPlanText, savePlan, savedPlan, today } from "./plan/file.js";
import { lineFieldset, readLine } from "./plan/lines.js";
import { clearFileProblems, downloadText, readText, showFileProblems } from "./ui.js";

const root = document.getElementById("openras-plan");
const form = root.querySelector(".openras-plan-form");
const linesBox = root.querySelector(".openras-plan-lines");
const result = root.querySelector(".openras-plan-result");
const voice = root.querySelector(".openras-plan-voice");
const status = root.querySelector(".openras-plan-status");
const problemsBox = root.querySelector(".openras-plan-problems");
const upload = root.querySelector(".openras-upload");
const MAX_BYTES = Number(root.dataset.maxBytes);
const guided = new URLSearchParams(location.search).get("mode") === "guided";
const longDate = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { day: "numeric", month: "long", year: "numeric" });
// The band from the result, in the fragment (#low=150.00&high=175.00&period=week, with
// the scheme and council it came from).
const carried = new URLSearchParams(location.hash.slice(1));

// The figures the core needs, fetched once from this site.
const figures = Promise.all(
  [root.dataset.employment, root.dataset.costs].map((url) =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.text();
    }),
  ),
);
figures.catch(() => {});

const calculator = startCalculator({
  ready() {
    root.dataset.calculator = "ready";
  },
  failed(reason) {
    root.dataset.calculator = "failed";
    status.textContent = reason;
  },
});

// -- the plan as the form holds it ------------------------------------------------------

function planFromForm() {
  const value = (name) => form.elements.namedItem(name).value.trim();
  const high = value("high");
  return {
    format: 1,
    date: value("date"),
    for: value("for"),
    result: {
      council: carried.get("council") || root.dataset.council,
      scheme: carried.get("scheme") || root.dataset.scheme,
      band: { low: value("low"), high: high === "" ? null : high, period: value("period") },
    },
    outcomes: form.elements.namedItem("outcomes").value.split("\n").map((s) => s.trim()).filter(Boolean),
    reasons: value("reasons"),
    employment_allowance: form.elements.namedItem("employment_allowance").checked,
    lines: [...linesBox.querySelectorAll(".openras-plan-line")].map(readLine),
  };
}

function fillForm(plan) {
  const set = (name, v) => {
    form.elements.namedItem(name).value = v === undefined || v === null ? "" : String(v);
  };
  const band = (plan.result && plan.result.band) || {};
  set("date", typeof plan.date === "string" ? plan.date : today());
  set("for", typeof plan.for === "string" ? plan.for : "");
  set("low", band.low);
  set("high", band.high);
  form.elements.namedItem("period").value = band.period === "year" ? "year" : "week";
  set("outcomes", Array.isArray(plan.outcomes) ? plan.outcomes.filter((o) => typeof o === "string").join("\n") : "");
  set("reasons", typeof plan.reasons === "string" ? plan.reasons : "");
  form.elements.namedItem("employment_allowance").checked = plan.employment_allowance !== false;
  linesBox.replaceChildren(
    ...plan.lines.filter((line) => line && typeof line === "object" && lineKinds().includes(line.kind)).map(lineFieldset),
  );
}

function lineKinds() {
  return [...root.querySelectorAll("#plan-add-kind option")].map((option) => option.value);
}

// -- the core's words, placed by slot ------------------------------------------------------

function textElement(tag, content) {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}

function source(reference) {
  // The core's "Source: {title}." with the title as a link, in the page's language.
  const [before, after = ""] = t("Source: {title}.").split("{title}");
  const span = textElement("span", ` ${before}`);
  span.className = "openras-source";
  const url = reference.url || "";
  const part = textElement(/^https:/i.test(url) ? "a" : "span", reference.title);
  if (part.tagName === "A") {
    part.href = url;
    part.rel = "noreferrer";
  }
  span.append(part, after);
  return span;
}

function render(words) {
  const summary = document.createElement("div");
  const detail = document.createElement("div");
  detail.className = "openras-plan-detail";
  let into = summary;
  let list = null;
  words.forEach((line, index) => {
    const next = words[index + 1];
    if (line.slot === "heading" && next && next.slot === "working.line") into = detail;
    let element;
    if (["outcome", "working", "figure"].includes(line.slot)) {
      const tag = line.slot === "working" ? "ol" : "ul";
      if (!list || list.tagName.toLowerCase() !== tag) {
        list = document.createElement(tag);
        into.append(list);
      }
      element = textElement("li", line.text);
      list.append(element);
    } else {
      list = null;
      if (line.slot === "title") element = textElement("h2", line.text);
      else if (line.slot === "heading") element = textElement("h2", line.text);
      else if (line.slot === "working.line") element = textElement("h3", line.text);
      else if (line.title) {
        element = document.createElement("div");
        element.className = `admonition ${line.slot.startsWith("notice.") ? "warning" : "info"}`;
        const title = textElement("p", line.title);
        title.className = "admonition-title";
        element.append(title, textElement("p", line.text));
      } else element = textElement("p", line.text);
      into.append(element);
    }
    element.dataset.slot = line.slot;
    if (line.reference) (element.lastElementChild && element.tagName === "DIV" ? element.lastElementChild : element).append(source(line.reference));
  });
  voice.replaceChildren(...summary.children, detail);
}

function showProblems(problems) {
  problemsBox.querySelector("ul").replaceChildren(...problems.map((p) => textElement("li", p)));
  problemsBox.hidden = false;
  problemsBox.focus();
}

async function cost() {
  problemsBox.hidden = true;
  const text = JSON.stringify(planFromForm(), null, 2) + "\n";
  status.textContent = t("Working out the costs…");
  let reply;
  try {
    const [employment, costs] = await figures;
    reply = await calculator.ask(REQUEST.plan, { plan: text, employment, costs, lang });
  } catch (error) {
    status.textContent = "";
    return showProblems([t("The costs could not be worked out: {reason}", { reason: error.message || error })]);
  }
  status.textContent = "";
  if (!reply.ok) {
    result.hidden = true;
    return showProblems(reply.problems);
  }
  render(reply.plan.words);
  result.hidden = false;
  root.dataset.costed = reply.plan.weekly_total;
  result.querySelector("h2").tabIndex = -1;
  result.querySelector("h2").focus();
}

// -- saving ----------------------------------------------------------------------------------

function showSaved() {
  const box = root.querySelector(".openras-plan-saved");
  const entry = guided ? null : savedPlan();
  box.hidden = !entry;
  if (entry) box.querySelector(".openras-plan-saved__date").textContent = entry.savedAt ? longDate.format(entry.savedAt) : t("a date that cannot be read");
}

// `loaded` is what the status says once the plan is in the form.
function load(text, loaded) {
  const read = readPlanText(text, MAX_BYTES);
  if (!read.ok) return showFileProblems(upload, read.problems);
  fillForm(read.plan);
  status.textContent = loaded;
  cost();
}

upload.querySelector("input[type=file]").addEventListener("change", async (event) => {
  const input = event.target;
  const file = input.files[0];
  if (!file) return;
  clearFileProblems(upload);
  input.value = "";
  if (file.size > MAX_BYTES) return showFileProblems(upload, [t("The file is too large to be a plan from this site.")]);
  load(await readText(file), t("Your plan from {file} is loaded.", { file: file.name }));
});

root.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.classList.contains("openras-plan-add__button")) {
    const set = lineFieldset({ kind: root.querySelector("#plan-add-kind").value });
    linesBox.append(set);
    set.querySelector("h3").focus();
  } else if (button.classList.contains("openras-plan-remove")) {
    const set = button.closest(".openras-plan-line");
    const heading = set.querySelector("h3").textContent;
    set.remove();
    status.textContent = t("{line} removed.", { line: heading });
  } else if (button.classList.contains("openras-plan-print")) {
    window.print();
  } else if (button.classList.contains("openras-plan-download")) {
    downloadText(`plan-${today()}.json`, JSON.stringify(planFromForm(), null, 2) + "\n", "application/json");
  } else if (button.classList.contains("openras-plan-save")) {
    if (savePlan(JSON.stringify(planFromForm()))) status.textContent = t("Your plan is saved on this device.");
    showSaved();
  } else if (button.classList.contains("openras-plan-use-saved")) {
    const entry = savedPlan();
    if (entry) load(entry.text, t("Your plan from this device is loaded."));
  } else if (button.classList.contains("openras-plan-forget")) {
    forgetPlan();
    showSaved();
    root.querySelector("h1").focus();
  }
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  cost();
});

// The form as the page opens: today's date and the band carried from the result, in
// fields still empty. This module can run after the person has started typing (it waits
// for its imports), and what they typed is kept.
function startForm() {
  const start = (name, value) => {
    const field = form.elements.namedItem(name);
    if (!field.value) field.value = value;
  };
  start("date", today());
  start("low", carried.get("low") || "");
  start("high", carried.get("high") || "");
  form.elements.namedItem("period").value = (carried.get("period") || root.dataset.period) === "year" ? "year" : "week";
}
startForm();
if (guided) {
  // A shared computer: nothing is offered from, or kept on, the device.
  forgetPlan();
  for (const element of root.querySelectorAll(".openras-plan-save, .openras-plan-save-hint")) element.hidden = true;
  window.addEventListener("pagehide", () => {
    form.reset();
    linesBox.replaceChildren();
    voice.replaceChildren();
  });
}
showSaved();
