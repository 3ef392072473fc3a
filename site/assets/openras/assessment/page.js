// What every part of the assessment page shares: its root element, the site's name,
// whether this is a guided session, and small helpers for the page's steps and text.

import { t } from "../strings.js";

export const root = document.getElementById("openras");
export const siteName = document.title.includes(" - ") ? document.title.split(" - ").pop() : document.title;

// A guided session (carers centres, shared computers): ?mode=guided.
export const guided = new URLSearchParams(location.search).get("mode") === "guided";

const MONTHS = [t("January"), t("February"), t("March"), t("April"), t("May"), t("June"), t("July"), t("August"), t("September"), t("October"), t("November"), t("December")];

/** "23 November 2026", in the device's time zone. (Not Intl.DateTimeFormat: creating one
 * loads the browser's locale data, which took 70 ms of a slow machine's main thread.) */
export function longDate(date) {
  const when = date instanceof Date ? date : new Date(date);
  return `${when.getDate()} ${MONTHS[when.getMonth()]} ${when.getFullYear()}`;
}

export function text(tag, content) {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}

// The id of the step on show.
export function currentStep() {
  const shown = [...root.querySelectorAll(".openras-step")].find((step) => !step.hidden);
  return shown ? shown.id : "start";
}
