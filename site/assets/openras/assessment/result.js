// The result: the band and its working, as the calculator gave them, or why there is
// no result.

import { checked, groupsIn, labelOf } from "./answers.js";
import { currentStep, longDate, root, text } from "./page.js";

const box = root.querySelector(".openras-result");

export function showProblem(reason) {
  root.querySelector(".openras-waiting").hidden = true;
  box.hidden = true;
  const failed = root.querySelector(".openras-failed");
  failed.querySelector(".openras-failed__reason").textContent = reason;
  failed.hidden = false;
}

function breakdownRows(result) {
  return result.points.by_domain.map((area) => {
    const row = document.createElement("tr");
    const head = text("th", area.title);
    head.scope = "row";
    const before = text("td", String(area.points_before_unpaid_support));
    const after = text("td", String(area.points));
    before.className = after.className = "openras-num";
    row.append(head, before, after);
    return row;
  });
}

function workingSteps(result) {
  return result.working.map((step) => {
    const item = text("li", step.text);
    item.dataset.kind = step.kind;
    if (step.reference) {
      item.append(" Source: ");
      if (step.reference.url) {
        const link = text("a", step.reference.title);
        link.href = step.reference.url;
        link.rel = "noreferrer";
        item.append(link, ".");
      } else {
        item.append(`${step.reference.title}.`);
      }
    }
    return item;
  });
}

function showEligibility(eligibility) {
  const count = eligibility.outcomes_unmet.length;
  const outcomes = count === 1 ? "1 outcome" : `${count} outcomes`;
  box.querySelector(".openras-eligibility").textContent = eligibility.likely_eligible
    ? `Probably yes. Your answers say you cannot achieve ${outcomes} from the list in the law. People are usually eligible when they cannot achieve ${eligibility.minimum_unmet} or more.`
    : `Perhaps not. Your answers say you cannot achieve ${outcomes} from the list in the law. People are usually eligible when they cannot achieve ${eligibility.minimum_unmet} or more. You can still ask for an assessment.`;
  box.querySelector(".openras-outcomes").replaceChildren(...eligibility.outcomes_unmet.map((o) => text("li", o.text)));
}

function answerRows() {
  return groupsIn(root)
    .filter((group) => checked(group.dataset.question))
    .map((group) => {
      const row = document.createElement("tr");
      const question = text("th", group.querySelector("legend").textContent.trim());
      question.scope = "row";
      row.append(question, text("td", labelOf(checked(group.dataset.question))));
      return row;
    });
}

// `result` and `words` are the estimate's reply from the calculator.
export function showResult(result, words) {
  for (const element of box.querySelectorAll("[data-word]")) {
    element.textContent = words[element.dataset.word] || "";
  }
  const helpedAreas = result.points.by_domain.some((area) => area.keep !== "1");
  const flags = {
    "unpaid-applied": result.unpaid_support_applied,
    "unpaid-not-willing": helpedAreas && result.answers.helpers_willing === false,
    below: result.flags.below_threshold,
    exceptional: result.flags.exceptional,
  };
  for (const [name, on] of Object.entries(flags)) {
    box.querySelector(`[data-flag="${name}"]`).hidden = !on;
  }
  box.querySelector(".openras-breakdown").replaceChildren(...breakdownRows(result));
  box.querySelector('[data-total="before"]').textContent = String(result.points.total_before_unpaid_support);
  box.querySelector('[data-total="after"]').textContent = String(result.points.total);
  box.querySelector(".openras-working").replaceChildren(...workingSteps(result));
  showEligibility(result.eligibility);
  box.querySelector(".openras-your-answers tbody").replaceChildren(...answerRows());
  box.querySelector(".openras-made-on").textContent = longDate.format(new Date());
  notesForPrint();

  root.querySelector(".openras-waiting").hidden = true;
  root.querySelector(".openras-failed").hidden = true;
  box.hidden = false;
  performance.mark("openras:result-shown");
  if (currentStep() === "result") root.querySelector("#result h1").focus();
}

// A guided session's notes, printed with the result.
function notesForPrint() {
  const list = root.querySelector(".openras-result-notes__list");
  const rows = [...root.querySelectorAll("textarea[data-notes-for]")]
    .filter((area) => area.value.trim())
    .map((area) => {
      const row = document.createElement("div");
      row.className = "openras-summary__row";
      row.append(text("dt", area.dataset.notesFor), text("dd", area.value.trim()));
      row.firstChild.className = "openras-summary__key";
      row.lastChild.className = "openras-summary__value";
      return row;
    });
  list.replaceChildren(...rows);
  root.querySelector(".openras-result-notes").hidden = rows.length === 0;
}

export function clearResult() {
  box.hidden = true;
  for (const selector of [".openras-breakdown", ".openras-working", ".openras-outcomes", ".openras-your-answers tbody"]) {
    box.querySelector(selector).replaceChildren();
  }
  for (const element of box.querySelectorAll("[data-word], [data-total], .openras-eligibility, .openras-made-on")) {
    element.textContent = "";
  }
  box.querySelector(".openras-result-notes__list").replaceChildren();
  box.querySelector(".openras-result-notes").hidden = true;
}

export function watchPrint() {
  root.querySelector(".openras-print").addEventListener("click", () => window.print());
}
