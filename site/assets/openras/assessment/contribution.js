// "Estimate what you might pay": an optional step after the result. Its questions and
// every sentence of its result come from the core (ras_core.contribution: the questions
// from phrases.questions, the result as lines from words.lines), so the page writes none
// of them: it builds the form from the questions and places each line by its slot. The
// charging rules are the site's own files (runtime/charging.toml and
// runtime/charging-council.toml, written by the build); nothing is sent anywhere.

import { REQUEST } from "../protocol.js";
import { addAnswersPart, collectAnswers } from "./answers.js";
import { ask } from "./calculator.js";
import { root, siteName, text } from "./page.js";
import { applyVoice } from "./voice.js";
import { lang, t } from "../strings.js";

const step = root.querySelector("#pay");
const NOT_SAID = "not_said";
const runtime = new URL("../../../runtime/", import.meta.url);

let rules = null; // a Promise of the two rules files' text
let built = null; // a Promise that the questions are on the page
let pending = null; // money answers from a file, kept until the questions are on the page

function rulesText() {
  if (!rules) {
    const read = (name) =>
      fetch(new URL(name, runtime)).then((response) => {
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        return response.text();
      });
    rules = Promise.all([read("charging.toml"), read("charging-council.toml")]);
    rules.catch(() => {
      rules = null; // asked again next time
    });
  }
  return rules;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// -- the form, built from the core's questions ----------------------------------------

// Give an element its wording for someone answering for another person (`voice.js`
// swaps it in and back), where the core words it differently.
function voiced(element, them) {
  if (!them || them === element.textContent) return element;
  element.dataset.you = element.textContent;
  element.dataset.them = them;
  return element;
}

function radio(name, id, option, them) {
  const item = document.createElement("div");
  item.className = "openras-radios__item";
  const input = document.createElement("input");
  Object.assign(input, { className: "openras-radios__input", type: "radio", name, id, value: option.id });
  const label = voiced(text("label", option.text), them);
  label.className = "openras-radios__label";
  label.htmlFor = id;
  item.append(input, label);
  return item;
}

function notSaidBox(id, option) {
  const item = document.createElement("div");
  item.className = "openras-pay__not-said";
  const input = document.createElement("input");
  Object.assign(input, { type: "checkbox", id, value: NOT_SAID, className: "openras-pay__not-said-input" });
  const label = text("label", option.text);
  label.htmlFor = id;
  item.append(input, label);
  return item;
}

function amount(id, labelText, them) {
  const wrap = document.createElement("div");
  wrap.className = "openras-pay__amount";
  const label = voiced(text("label", labelText), them);
  label.className = "openras-label";
  label.htmlFor = id;
  const input = document.createElement("input");
  Object.assign(input, { className: "openras-input", id, type: "text", inputMode: "decimal", spellcheck: false });
  input.setAttribute("autocomplete", "off");
  const prefix = text("span", "£");
  prefix.className = "openras-pay__prefix";
  prefix.setAttribute("aria-hidden", "true");
  const row = document.createElement("div");
  row.className = "openras-pay__row";
  row.append(prefix, input);
  wrap.append(label, row);
  return wrap;
}

function question(q) {
  const group = document.createElement("div");
  group.className = "openras-form-group openras-pay__question";
  group.dataset.pay = q.id;
  group.dataset.kind = q.kind;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "openras-fieldset";
  const hintId = `pay-${q.id}-hint`;
  fieldset.setAttribute("aria-describedby", hintId);
  const legend = document.createElement("legend");
  legend.className = "openras-fieldset__legend";
  const them = q.them || { options: {} };
  const heading = voiced(text("h2", q.text), them.text);
  heading.className = "openras-fieldset__heading";
  legend.append(heading);
  const hint = voiced(text("div", q.hint), them.hint);
  hint.className = "openras-hint";
  hint.id = hintId;
  fieldset.append(legend, hint);
  if (q.kind === "choice") {
    const radios = document.createElement("div");
    radios.className = "openras-radios";
    for (const option of q.options) {
      radios.append(radio(`pay.${q.id}`, `pay-${q.id}-${option.id}`, option, them.options[option.id]));
    }
    const or = text("p", "or");
    or.className = "openras-radios__divider";
    radios.append(or, radio(`pay.${q.id}`, `pay-${q.id}-${NOT_SAID}`, q.not_said));
    fieldset.append(radios);
  } else if (q.kind === "money") {
    for (const option of q.options) {
      fieldset.append(amount(`pay-${q.id}-${option.id}`, option.text, them.options[option.id]));
    }
    fieldset.append(notSaidBox(`pay-${q.id}-${NOT_SAID}`, q.not_said));
  } else {
    fieldset.append(amount(`pay-${q.id}-amount`, q.text, them.text), notSaidBox(`pay-${q.id}-${NOT_SAID}`, q.not_said));
    fieldset.querySelector("label.openras-label").classList.add("openras-visually-hidden");
  }
  group.append(fieldset);
  return group;
}

async function buildQuestions() {
  const [nation, council] = await rulesText();
  const reply = await ask(REQUEST.contributionQuestions, { nation, council, lang });
  if (!reply.ok) throw new Error((reply.problems || []).join(" "));
  step.querySelector(".openras-pay__questions").replaceChildren(...reply.questions.map(question));
  step.querySelector(".openras-pay__none").hidden = reply.questions.length > 0;
  applyVoice(); // the questions speak of "them" if the person answers for someone else
  if (pending) fill(pending);
  pending = null;
}

// On showing the step: put the questions on the page once.
export function preparePay() {
  if (!step) return Promise.resolve(); // a carer's own assessment has no such step
  if (!built) {
    built = buildQuestions();
    built.catch((error) => {
      built = null;
      showProblems([t("The questions could not be shown. {reason}", { reason: t(error.message || "") }).trim()]);
    });
  }
  return built;
}

// -- the answers ----------------------------------------------------------------------

function groups() {
  return [...step.querySelectorAll(".openras-pay__question")];
}

// The money answers as the answers file holds them (README: "contribution"), or null
// when the step has not been used.
export function moneyAnswers() {
  if (!groups().length) return pending;
  const out = {};
  let used = false;
  for (const group of groups()) {
    const id = group.dataset.pay;
    const notSaid = group.querySelector(".openras-pay__not-said-input");
    if (group.dataset.kind === "choice") {
      const input = group.querySelector("input[type=radio]:checked");
      out[id] = input ? input.value : NOT_SAID;
      used ||= Boolean(input);
    } else if (group.dataset.kind === "money") {
      const income = {};
      for (const input of group.querySelectorAll(".openras-input")) {
        const key = input.id.slice(`pay-${id}-`.length);
        income[key] = notSaid.checked ? NOT_SAID : input.value.trim() || "0";
        used ||= Boolean(input.value.trim());
      }
      out[id] = income;
      used ||= notSaid.checked;
    } else {
      const value = group.querySelector(".openras-input").value.trim();
      out[id] = notSaid.checked || !value ? NOT_SAID : value;
      used ||= notSaid.checked || Boolean(value);
    }
  }
  return used ? out : null;
}

function fill(data) {
  for (const group of groups()) {
    const id = group.dataset.pay;
    const value = data[id];
    const notSaid = group.querySelector(".openras-pay__not-said-input");
    if (group.dataset.kind === "choice") {
      for (const input of group.querySelectorAll("input[type=radio]")) input.checked = input.value === value;
    } else if (group.dataset.kind === "money") {
      const income = value && typeof value === "object" ? value : {};
      const all = Object.values(income);
      notSaid.checked = all.length > 0 && all.every((v) => v === NOT_SAID);
      for (const input of group.querySelectorAll(".openras-input")) {
        const given = income[input.id.slice(`pay-${id}-`.length)];
        input.value = typeof given === "string" && given !== NOT_SAID ? given : "";
      }
    } else {
      notSaid.checked = value === NOT_SAID;
      group.querySelector(".openras-input").value = typeof value === "string" && value !== NOT_SAID ? value : "";
    }
  }
}

// From a checked answers file (its "contribution" key), or nothing.
export function applyMoney(data) {
  clearPay();
  if (!data || typeof data !== "object") return;
  if (groups().length) fill(data);
  else pending = data;
}

export function clearPay() {
  pending = null;
  for (const input of step.querySelectorAll("input")) {
    if (input.type === "radio" || input.type === "checkbox") input.checked = false;
    else input.value = "";
  }
  clearProblems();
  const result = step.querySelector(".openras-pay__result");
  result.hidden = true;
  result.querySelector(".openras-pay__lines").replaceChildren();
}

// -- the result, placed line by line --------------------------------------------------

const LISTS = { working: "ol", rule: "ul", figure: "ul", checker: "ul" };

function link(reference, label) {
  const url = reference.url || "";
  const safe = /^https?:/i.test(url);
  const element = text(safe ? "a" : "span", label);
  element.dataset.ref = "";
  if (safe) {
    element.href = url;
    element.rel = "noreferrer";
  }
  return element;
}

// A line as the page shows it: its words in [data-text], its title in [data-title], its
// source in [data-ref] (a calculator's line is its own link).
function lineElement(tag, line) {
  const element = document.createElement(tag);
  element.dataset.slot = line.slot;
  if (line.slot === "checker" && line.reference) {
    const named = link(line.reference, line.text);
    named.dataset.text = "";
    element.append(named);
    return element;
  }
  if (line.title) {
    const title = text("p", line.title);
    title.className = "admonition-title";
    title.dataset.title = "";
    element.append(title);
  }
  const words = text("span", line.text);
  words.dataset.text = "";
  const holder = tag === "div" ? document.createElement("p") : element;
  holder.append(words);
  if (line.reference) {
    const source = document.createElement("span");
    source.className = "openras-source";
    source.append(" " + t("Source:") + " ", link(line.reference, line.reference.title), ".");
    holder.append(source);
  }
  if (holder !== element) element.append(holder);
  return element;
}

function showLines(lines) {
  const out = [];
  let list = null;
  for (const line of lines) {
    const tag = LISTS[line.slot];
    if (tag) {
      if (!list || list.dataset.listOf !== line.slot) {
        list = document.createElement(tag);
        list.dataset.listOf = line.slot;
        if (line.slot === "working") list.className = "openras-working";
        out.push(list);
      }
      list.append(lineElement("li", line));
      continue;
    }
    list = null;
    if (line.slot.startsWith("notice.")) {
      const notice = lineElement("div", line);
      notice.className = "admonition note openras-flag";
      out.push(notice);
    } else if (line.slot === "lead") {
      const panel = document.createElement("div");
      panel.className = "openras-panel";
      const lead = lineElement("p", line);
      lead.className = "openras-panel__band";
      panel.append(lead);
      out.push(panel);
    } else {
      out.push(lineElement(line.slot === "heading" ? "h2" : "p", line));
    }
  }
  const result = step.querySelector(".openras-pay__result");
  result.querySelector(".openras-pay__lines").replaceChildren(...out);
  result.hidden = false;
  result.querySelector("h2").focus();
}

// -- problems -------------------------------------------------------------------------

function clearProblems() {
  const summary = step.querySelector(".openras-error-summary");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
}

function showProblems(problems) {
  const summary = step.querySelector(".openras-error-summary");
  summary.querySelector("ul").replaceChildren(...problems.map((problem) => text("li", problem)));
  summary.hidden = false;
  document.title = t("Error: {title}", { title: `${step.dataset.title} - ${siteName}` });
  summary.focus();
}

async function estimatePay(event) {
  event.preventDefault();
  event.stopPropagation(); // this form is not one of the steps' forms
  clearProblems();
  document.title = `${step.dataset.title} - ${siteName}`;
  try {
    await preparePay();
    const [nation, council] = await rulesText();
    const answers = { ...collectAnswers(), contribution: moneyAnswers() || {} };
    const reply = await ask(REQUEST.contribution, { answers: JSON.stringify(answers), nation, council, date: today(), lang });
    if (reply.ok) showLines(reply.result.lines);
    else showProblems(reply.problems || []);
  } catch (error) {
    showProblems([t("We could not work this out on this device. {reason}", { reason: t(error.message || "") }).trim()]);
  }
}

export function watchPay() {
  if (!step) return; // a carer's own assessment has no such step
  // Saved, downloaded, loaded and cleared with the rest of the answers.
  addAnswersPart("contribution", { collect: moneyAnswers, apply: applyMoney, clear: clearPay });
  step.querySelector(".openras-pay__form").addEventListener("submit", estimatePay);
  // Choosing "I'd rather not say" empties the amounts it stands for, and typing an
  // amount unticks it, so the two never disagree.
  step.addEventListener("change", (event) => {
    const box = event.target.closest(".openras-pay__not-said-input");
    if (box && box.checked) {
      for (const input of box.closest("fieldset").querySelectorAll(".openras-input")) input.value = "";
    }
  });
  step.addEventListener("input", (event) => {
    if (!event.target.classList.contains("openras-input")) return;
    const box = event.target.closest("fieldset").querySelector(".openras-pay__not-said-input");
    if (box) box.checked = false;
  });
}
