// The result: the band and its working, as the calculator gave them, or why there is
// no result.

import { checked, groupsIn, labelOf } from "./answers.js";
import { currentStep, guided, longDate, root, text } from "./page.js";
import { t } from "../strings.js";

const box = root.querySelector(".openras-result");
// A carer's own estimate (only on a site with a carers' scheme), offered just after the
// core's notice that the people who help can have their own assessment. Only a link:
// nothing from these answers goes with it.
function offerCarersEstimate() {
  const link = root.querySelector(".openras-carers");
  if (link) link.hidden = !box.querySelector('[data-slot="notice.carer"]');
}

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
    // The area as its step names it, in the page's language (the result's is English).
    const step = root.querySelector(`.openras-step[data-domain="${CSS.escape(area.id)}"]`);
    const head = text("th", step ? step.dataset.title : area.title);
    head.scope = "row";
    const before = text("td", String(area.points_before_unpaid_support));
    const after = text("td", String(area.points));
    before.className = after.className = "openras-num";
    row.append(head, before, after);
    return row;
  });
}

// Every sentence about the estimate is a line from the core (`words.lines`): a slot, its
// text, and sometimes a title and a source. The page writes none of them itself: it
// only places each line, in order, where its slot belongs. Lines before the first
// heading (what leads, the band and its figures, the notices) go above the points
// table; the working and the eligibility screen below it.
const PANEL = new Set(["band", "example", "amount", "year", "hours", "hours_left_out", "without_unpaid_support"]);
const LISTED = { working: "ol", individual: "ul", outcome: "ul", risk: "ul" };
// The steps of the working an Easy Read result shows first (`step` of a working line).
const SHORT_WORKING = new Set(["total", "allocation", "band"]);

// Only addresses a person can follow safely become links (never javascript: and the like).
function source(reference) {
  const span = document.createElement("span");
  span.className = "openras-source";
  span.append(" " + t("Source:") + " ");
  const url = reference.url || "";
  const safe = /^(https?:|mailto:)/i.test(url);
  const part = text(safe ? "a" : "span", reference.title);
  part.dataset.ref = "";
  if (safe) {
    part.href = url;
    part.rel = "noreferrer";
  }
  span.append(part, ".");
  return span;
}

function lineElement(tag, line) {
  const element = document.createElement(tag);
  element.dataset.slot = line.slot;
  if (line.title) {
    const title = text("p", line.title);
    title.className = "admonition-title";
    title.dataset.title = "";
    element.append(title);
  }
  const body = text(tag === "div" ? "p" : "span", line.text);
  body.dataset.text = "";
  element.append(body);
  if (line.reference && tag === "div") {
    // A notice's source is a paragraph of its own, after the notice's text.
    const cited = document.createElement("p");
    cited.append(source(line.reference));
    element.append(cited);
  } else if (line.reference) element.append(source(line.reference));
  return element;
}

function renderLines(lines) {
  const parts = { summary: [], detail: [] };
  let into = parts.summary;
  let panel = null;
  let list = null; // the list the last listed line went into
  let notice = null; // the last notice: an `individual` list belongs in it
  for (const line of lines) {
    if (line.slot === "heading") into = parts.detail;
    const listTag = LISTED[line.slot];
    if (listTag) {
      if (!list || list.dataset.listOf !== line.slot) {
        list = document.createElement(listTag);
        list.dataset.listOf = line.slot;
        if (line.slot === "working") list.className = "openras-working";
        if (line.slot === "individual" && notice) notice.append(list);
        else into.push(list);
      }
      list.append(lineElement("li", line));
      continue;
    }
    list = null;
    if (PANEL.has(line.slot) && into === parts.summary) {
      if (!panel) {
        panel = document.createElement("div");
        panel.className = "openras-panel";
        into.push(panel);
      }
      const element = lineElement("p", line);
      if (line.slot === "band") element.className = "openras-panel__band";
      panel.append(element);
      continue;
    }
    panel = null;
    if (line.slot.startsWith("notice.")) {
      notice = lineElement("div", line);
      notice.className = `admonition ${line.slot === "notice.individual" ? "warning" : "note"} openras-flag`;
      into.push(notice);
    } else {
      into.push(lineElement(line.slot === "heading" ? "h2" : "p", line));
    }
  }
  box.querySelector(".openras-voice--summary").replaceChildren(...parts.summary);
  box.querySelector(".openras-voice--detail").replaceChildren(...parts.detail);
  // Easy Read: a short working (the total, the sum, the band), with every step below it.
  const short = box.querySelector(".openras-voice--short");
  if (short) {
    const steps = lines.filter((line) => line.slot === "working" && SHORT_WORKING.has(line.step));
    short.replaceChildren(...steps.map((line) => lineElement("li", line)));
  }
  offerCarersEstimate();
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

// `result` (the figures) and `words` (every sentence, as lines) are the estimate's reply.
export function showResult(result, words) {
  renderLines(words.lines);
  box.querySelector(".openras-breakdown").replaceChildren(...breakdownRows(result));
  box.querySelector('[data-total="before"]').textContent = String(result.points.total_before_unpaid_support);
  box.querySelector('[data-total="after"]').textContent = String(result.points.total);
  box.querySelector(".openras-your-answers tbody").replaceChildren(...answerRows());
  box.querySelector(".openras-made-on").textContent = longDate(new Date());
  notesForPrint();
  planLink(result);

  root.querySelector(".openras-waiting").hidden = true;
  root.querySelector(".openras-failed").hidden = true;
  box.hidden = false;
  performance.mark("openras:result-shown");
  if (currentStep() === "result") root.querySelector("#result h1").focus();
}

// The plan page gets the band in the fragment, which never goes to the server.
function planLink(result) {
  const link = box.querySelector(".openras-plan-link");
  if (!link) return;
  const band = new URLSearchParams({
    low: result.band.low,
    high: result.band.high ?? "",
    period: result.period,
    scheme: result.scheme.id,
    council: result.scheme.council,
  });
  link.hash = band.toString();
  if (guided) link.search = "?mode=guided";
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
  for (const selector of [".openras-breakdown", ".openras-voice--summary", ".openras-voice--detail", ".openras-your-answers tbody"]) {
    box.querySelector(selector).replaceChildren();
  }
  for (const element of box.querySelectorAll("[data-total], .openras-made-on")) {
    element.textContent = "";
  }
  box.querySelector(".openras-result-notes__list").replaceChildren();
  box.querySelector(".openras-result-notes").hidden = true;
  offerCarersEstimate();
}

export function watchPrint() {
  root.querySelector(".openras-print").addEventListener("click", () => window.print());
}
