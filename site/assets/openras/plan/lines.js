// The plan's lines of support as form fields: one fieldset a line, built from the kind's
// fields below, and read back into the plan file's shape (format 1, as
// py/ras_core/plan/read.py reads it). Values are kept as the person typed them: the core
// checks them and says what is wrong, with the line and field. Every label is the page's
// own words (t(), strings.js), in the page's language.

import { t } from "../strings.js";

const TIMES = [
  ["weekday", t("Weekday daytime")],
  ["evening", t("Evenings")],
  ["weekend", t("Weekends")],
  ["waking_night", t("Waking nights")],
];
const AGE_BANDS = [
  ["age_21_and_over", t("21 or over")],
  ["age_18_to_20", t("18 to 20")],
  ["age_16_to_17", t("Under 18")],
  ["apprentice", t("An apprentice (under 19, or in the first year)")],
];
const EVERY = [
  ["week", t("a week")],
  ["month", t("a month")],
  ["year", t("a year")],
];
const SERVICES = [
  ["payroll", t("Payroll service")],
  ["managed_account", t("Managed account")],
];

// What each kind of line asks, in order. The names are the plan file's keys; a new line's
// name is its kind's, in the page's language (the core then says the kind once).
export const KINDS = {
  pa: { title: t("Personal assistant"), name: t("Personal assistant") },
  agency: { title: t("Agency care"), name: t("Agency care") },
  day_activity: { title: t("Day activity"), name: t("Day activity") },
  short_break: { title: t("Short break"), name: t("Short break") },
  one_off: { title: t("One-off cost"), name: t("One-off cost") },
  support_service: { title: t("Direct payment support"), name: t("Payroll service") },
  insurance: { title: t("Employer's liability insurance"), name: t("Employer's liability insurance") },
  contingency: { title: t("Contingency"), name: t("Contingency") },
};

let made = 0; // every field id on the page is unique

function field(box, { key, label, hint = "", value = "", type = "text", options = null, inputmode = "" }) {
  const id = `plan-line-${made}-${key.replace(/\./g, "-")}`;
  const group = document.createElement("div");
  group.className = "openras-form-group";
  const labelElement = document.createElement("label");
  labelElement.className = "openras-label";
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  group.append(labelElement);
  if (hint) {
    const hintElement = document.createElement("div");
    hintElement.className = "openras-hint";
    hintElement.id = `${id}-hint`;
    hintElement.textContent = hint;
    group.append(hintElement);
  }
  let input;
  if (options) {
    input = document.createElement("select");
    input.className = "openras-select";
    for (const [optionValue, optionLabel] of options) input.append(new Option(optionLabel, optionValue));
    input.value = value || options[0][0];
  } else if (type === "checkbox") {
    group.className = "openras-checkboxes__item";
    input = document.createElement("input");
    input.type = "checkbox";
    input.className = "openras-checkboxes__input";
    input.checked = Boolean(value);
    group.prepend(input);
    labelElement.className = "openras-checkboxes__label";
  } else {
    input = document.createElement("input");
    input.type = "text";
    input.className = "openras-input openras-input--short";
    input.value = value === undefined || value === null ? "" : String(value);
    if (inputmode) input.inputMode = inputmode;
    input.autocomplete = "off";
  }
  input.id = id;
  input.dataset.key = key;
  if (hint) input.setAttribute("aria-describedby", `${id}-hint`);
  if (!group.contains(input)) group.append(input);
  box.append(group);
}

function timeTable(box, prefix, legend, values, hint) {
  const set = document.createElement("fieldset");
  set.className = "openras-fieldset openras-plan-times";
  const title = document.createElement("legend");
  title.className = "openras-fieldset__legend openras-label";
  title.textContent = legend;
  const hintElement = document.createElement("div");
  hintElement.className = "openras-hint";
  hintElement.id = `plan-line-${made}-${prefix}-hint`;
  hintElement.textContent = hint;
  set.append(title, hintElement);
  set.setAttribute("aria-describedby", hintElement.id);
  for (const [time, label] of TIMES) {
    field(set, { key: `${prefix}.${time}`, label, value: (values || {})[time], inputmode: "decimal" });
  }
  box.append(set);
}

/** A fieldset for one line (a line of a plan file, or a new one of `kind`). */
export function lineFieldset(line) {
  made += 1;
  const kind = line.kind;
  const set = document.createElement("fieldset");
  set.className = "openras-fieldset openras-plan-line";
  set.dataset.kind = kind;
  const legend = document.createElement("legend");
  legend.className = "openras-fieldset__legend";
  const heading = document.createElement("h3");
  heading.className = "openras-fieldset__heading";
  heading.textContent = KINDS[kind].title;
  heading.tabIndex = -1;
  legend.append(heading);
  set.append(legend);
  field(set, { key: "name", label: t("What you call it"), value: line.name ?? KINDS[kind].name });
  if (kind === "pa" || kind === "agency") {
    timeTable(set, "hours", t("Hours a week"), line.hours, t("Hours, like 7.5. Leave a time empty if there are none."));
  }
  if (kind === "pa") {
    timeTable(set, "rates", t("Pay an hour (£)"), line.rates, t("The hourly rate you pay, like 13.00, for each time with hours."));
    field(set, { key: "age_band", label: t("Your personal assistant's age"), value: line.age_band, options: AGE_BANDS });
    field(set, { key: "sleep_in_nights", label: t("Sleep-in nights a week"), value: line.sleep_in_nights || "", inputmode: "numeric",
      hint: t("Nights they may sleep at your home, paid at a flat rate. Time awake to work is waking hours.") });
    field(set, { key: "sleep_in_rate", label: t("Flat rate a sleep-in night (£, optional)"), value: line.sleep_in_rate, inputmode: "decimal",
      hint: t("Leave empty to use the council's rate.") });
    field(set, { key: "pension_opt_in", label: t("They have asked to join the workplace pension"), value: line.pension_opt_in, type: "checkbox" });
  }
  if (kind === "day_activity" || kind === "short_break" || kind === "one_off" || kind === "insurance") {
    const hint = kind === "insurance" ? t("A year. Leave empty to use the council's typical cost.") : "";
    field(set, { key: "cost", label: t("Cost (£)"), value: line.cost, inputmode: "decimal", hint });
  }
  if (kind === "day_activity" || kind === "short_break") {
    field(set, { key: "every", label: t("Paid"), value: line.every, options: EVERY });
  }
  if (kind === "support_service") {
    field(set, { key: "service", label: t("Service"), value: line.service, options: SERVICES });
  }
  if (kind === "contingency") {
    field(set, { key: "percent", label: t("Percentage of the other lines"), value: line.percent, inputmode: "decimal" });
  }
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "md-button openras-button openras-plan-remove";
  remove.textContent = t("Remove this line");
  set.append(remove);
  return set;
}

/** The line a fieldset holds, in the plan file's shape (empty fields left out). */
export function readLine(set) {
  const line = { kind: set.dataset.kind };
  if (line.kind === "pa" || line.kind === "agency") line.hours = {};
  if (line.kind === "pa") line.rates = {};
  for (const input of set.querySelectorAll("[data-key]")) {
    const [key, sub] = input.dataset.key.split(".");
    if (input.type === "checkbox") {
      line[key] = input.checked;
      continue;
    }
    const value = input.value.trim();
    if (value === "" && key !== "name") continue;
    if (sub) line[key] = { ...(line[key] || {}), [sub]: value };
    else if (key === "sleep_in_nights" && /^[0-9]+$/.test(value)) line[key] = Number(value);
    else line[key] = value;
  }
  return line;
}
