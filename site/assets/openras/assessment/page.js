// What every part of the assessment page shares: its root element, the site's name,
// whether this is a guided session, and small helpers for the page's steps and text.

export const root = document.getElementById("openras");
export const siteName = document.title.includes(" - ") ? document.title.split(" - ").pop() : document.title;

// A guided session (carers centres, shared computers): ?mode=guided.
export const guided = new URLSearchParams(location.search).get("mode") === "guided";

export const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

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
