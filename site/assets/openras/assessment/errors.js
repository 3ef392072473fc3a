// GOV.UK error summary and error messages for questions not answered yet.

import { root, siteName } from "./page.js";
import { t } from "../strings.js";

export function clearErrors(form) {
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

export function showErrors(form, groups) {
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
  document.title = t("Error: {title}", { title: `${step.dataset.title} - ${siteName}` });
  summary.focus();
}

// A link in an error summary to a question on the same step moves there at once; one
// to another step is left to the router.
export function watchErrorLinks() {
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
}
