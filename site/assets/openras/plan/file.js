// A plan as a file: download it, upload one to carry on (checked here for size, JSON,
// depth and shape, then by the core), and "Save on this device" (never on until the
// person asks; never offered in a guided session on a shared computer).

import { t } from "../strings.js";

const MAX_DEPTH = 10;
const SAVE_KEY = "openras:plan";

function tooDeep(value, depth = 0) {
  if (depth > MAX_DEPTH) return true;
  if (value && typeof value === "object") return Object.values(value).some((v) => tooDeep(v, depth + 1));
  return false;
}

/** The plan in a file's text, or the problems that stop it being read. */
export function readPlanText(text, maxBytes) {
  if (new TextEncoder().encode(text).length > maxBytes) {
    return { ok: false, problems: [t("The file is too large to be a plan from this site.")] };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [t("The file is not a plan from this site: it is not JSON.")] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || tooDeep(data) || !Array.isArray(data.lines)) {
    return { ok: false, problems: [t("The file is not a plan from this site.")] };
  }
  return { ok: true, plan: data };
}

export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function savedPlan() {
  let entry = null;
  try {
    entry = JSON.parse(localStorage.getItem(SAVE_KEY));
  } catch (error) {
    entry = null;
  }
  if (!entry || typeof entry.plan !== "string") return null;
  const when = typeof entry.saved_at === "string" ? new Date(entry.saved_at) : null;
  return { savedAt: when && !Number.isNaN(when.getTime()) ? when : null, text: entry.plan };
}

export function savePlan(text) {
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify({ saved_at: new Date().toISOString(), plan: text }));
    return true;
  } catch (error) {
    return false;
  }
}

/** Forget the saved plan (a guided session calls this too: nothing stays on a shared computer). */
export function forgetPlan() {
  try {
    localStorage.removeItem(SAVE_KEY);
  } catch (error) {
    /* nothing was saved */
  }
}
