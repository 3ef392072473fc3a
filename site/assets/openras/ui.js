import { tn } from "./strings.js";

// Shared by the page scripts: the GOV.UK error summary for a file field, and saving
// text as a file on the person's device.

// `box` holds an .openras-error-summary, the field's .openras-form-group with its
// .openras-error-message, and the file input. Each problem links to the input.
// At most this many problems are listed; a hostile file could otherwise have thousands.
const MAX_PROBLEMS = 20;

export function showFileProblems(box, problems) {
  const summary = box.querySelector(".openras-error-summary");
  const input = box.querySelector("input[type=file]");
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length - shown.length;
  if (more > 0) shown.push(tn("And {n} more problem.", "And {n} more problems.", more));
  summary.querySelector("ul").replaceChildren(
    ...shown.map((problem) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#${input.id}`;
      link.textContent = problem;
      item.append(link);
      return item;
    }),
  );
  summary.hidden = false;
  input.closest(".openras-form-group").classList.add("openras-form-group--error");
  box.querySelector(".openras-error-message").hidden = false;
  input.setAttribute("aria-describedby", `${input.id}-hint ${input.id}-error`);
  summary.focus();
}

export function clearFileProblems(box) {
  const input = box.querySelector("input[type=file]");
  box.querySelector(".openras-error-summary").hidden = true;
  input.closest(".openras-form-group").classList.remove("openras-form-group--error");
  box.querySelector(".openras-error-message").hidden = true;
  input.setAttribute("aria-describedby", `${input.id}-hint`);
}

export function downloadText(name, text, type) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// A file's text as UTF-8, as the `ras` command reads it (a UTF-8 byte-order mark is
// dropped; bytes that are not UTF-8 become U+FFFD). File.text() would also take a
// UTF-16 byte-order mark as a sign of UTF-16, which the command does not.
export async function readText(file) {
  return new TextDecoder("utf-8").decode(await file.arrayBuffer());
}
