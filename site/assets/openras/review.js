// Preparing for a review: print, download the form as a file, and upload it to carry
// on. Everything stays on this device; an uploaded file is checked before anything on
// the page changes, and a bad file is named with what is wrong.

import { t } from "./strings.js";
import { clearFileProblems, downloadText, readText, showFileProblems } from "./ui.js";

const root = document.getElementById("openras-review");
const form = root.querySelector(".openras-review-form");
const KIND = "openras-review";
const MAX_BYTES = Number(root.dataset.maxBytes); // from the build (site/site_content.py)
const MAX_TEXT = 5000;
const areas = root.dataset.areas.split(" ");
const priorities = root.dataset.priorities.split(" ");
const closing = root.dataset.closing.split(" ");

function value(name) {
  const field = form.elements.namedItem(name);
  return field ? field.value : "";
}

function collect() {
  const checked = (area) => form.querySelector(`input[name="${area}.priority"]:checked`);
  return {
    kind: KIND,
    version: root.dataset.version,
    areas: Object.fromEntries(
      areas.map((id) => [
        id,
        { working: value(`${id}.working`), not_working: value(`${id}.not_working`), priority: checked(id) ? checked(id).value : null },
      ]),
    ),
    anything_else: value("anything_else"),
    closing: Object.fromEntries(closing.map((id) => [id, value(`closing.${id}`)])),
  };
}

// Every problem with a review file, as sentences for the person.
function problems(data) {
  if (!data || typeof data !== "object" || Array.isArray(data) || data.kind !== KIND) {
    return [t("The file is not a review file from this site.")];
  }
  const found = [];
  if (data.version !== root.dataset.version) {
    found.push(
      t("The file was saved with version {saved} of the review form; this is version {version}.", {
        saved: data.version,
        version: root.dataset.version,
      }),
    );
  }
  const text = (v) => v === undefined || v === null || (typeof v === "string" && v.length <= MAX_TEXT);
  const group = (v) => v === undefined || v === null || (typeof v === "object" && !Array.isArray(v));
  if (!group(data.areas)) found.push(t("The file's \"areas\" are not a list of areas by name."));
  if (!group(data.closing)) found.push(t("The file's \"closing\" answers are not a list of questions by name."));
  if (!group(data.areas) || !group(data.closing)) return found;
  for (const [id, area] of Object.entries(data.areas || {})) {
    if (!areas.includes(id)) {
      found.push(t("The file has an area this form does not have (\"{id}\").", { id }));
      continue;
    }
    if (!area || typeof area !== "object" || !text(area.working) || !text(area.not_working)) {
      found.push(t("The answers for area \"{id}\" are not text, or are too long.", { id }));
    }
    if (area && area.priority !== null && area.priority !== undefined && !priorities.includes(area.priority)) {
      found.push(t("The priority for area \"{id}\" must be one of: {choices}.", { id, choices: priorities.join(", ") }));
    }
  }
  if (!text(data.anything_else)) found.push(t("\"Anything else\" is not text, or is too long."));
  for (const [id, answer] of Object.entries(data.closing || {})) {
    if (!closing.includes(id)) found.push(t("The file has a question this form does not have (\"{id}\").", { id }));
    else if (!text(answer)) found.push(t("The answer to question \"{id}\" is not text, or is too long.", { id }));
  }
  return found;
}

function fill(data) {
  form.reset();
  for (const [id, area] of Object.entries(data.areas || {})) {
    form.elements.namedItem(`${id}.working`).value = area.working || "";
    form.elements.namedItem(`${id}.not_working`).value = area.not_working || "";
    const radio = area.priority && form.querySelector(`input[name="${id}.priority"][value="${area.priority}"]`);
    if (radio) radio.checked = true;
  }
  form.elements.namedItem("anything_else").value = data.anything_else || "";
  for (const [id, answer] of Object.entries(data.closing || {})) {
    form.elements.namedItem(`closing.${id}`).value = answer || "";
  }
}

const upload = root.querySelector(".openras-upload");

upload.querySelector("input[type=file]").addEventListener("change", async (event) => {
  const input = event.target;
  const file = input.files[0];
  if (!file) return;
  clearFileProblems(upload);
  let found;
  let data;
  if (file.size > MAX_BYTES) {
    found = [t("The file is too large to be a review file from this site.")];
  } else {
    try {
      data = JSON.parse(await readText(file));
      found = problems(data);
    } catch (error) {
      found = [t("The file is not a review file from this site: it is not JSON.")];
    }
  }
  input.value = "";
  if (found.length) return showFileProblems(upload, found);
  fill(data);
  const status = root.querySelector(".openras-review-status");
  status.textContent = t("Your review from {name} is loaded.", { name: file.name });
  root.querySelector("h1").scrollIntoView();
});

root.querySelector(".openras-review-print").addEventListener("click", () => window.print());

root.querySelector(".openras-review-download").addEventListener("click", () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const name = `review-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
  downloadText(name, JSON.stringify(collect(), null, 2) + "\n", "application/json");
});
