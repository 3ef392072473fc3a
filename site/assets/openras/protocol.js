// The calculator's messages, declared once: the worker (worker.js) and the one
// page-side client (client.js) both import this module. The replies themselves are
// made by Python (py/ras_core/web.py) and pass through the worker unchanged.
//
// Worker → page, while it starts (in this order, one `progress` for each step):
//   {type: "progress", step, label}   a step has begun (step is a key of STEPS)
//   {type: "ready", scheme, python, started}   every step is done; requests are
//                                     answered now ("snapshot" or "fresh": how it started)
//   {type: "failed", message}         the calculator cannot start (a plain sentence)
// and once, after a first visit's start: {type: "snapshot", kept} whether a memory
// snapshot was kept for the next visit (snapshot.js).
// Page → worker: a Request, with an id the page chooses.
// Worker → page: {id, type: "reply", reply}, one for every request, with its id.

// Names a string the page says in its language (strings.js); the worker has no page.
const N_ = (msgid) => msgid;

/** The start-up steps, in order, with what the page says while each runs (t(label)). */
export const STEPS = Object.freeze({
  runtime: N_("Starting the calculator"),
  package: N_("Installing the OpenRAS calculator"),
  scheme: N_("Loading the council's scheme"),
});

/** What the worker posts. */
export const EVENT = Object.freeze({ progress: "progress", ready: "ready", failed: "failed", snapshot: "snapshot", reply: "reply" });

/** What a page can ask. */
export const REQUEST = Object.freeze({ estimate: "estimate", check: "check", calibrate: "calibrate", plan: "plan", contribution: "contribution", contributionQuestions: "contribution-questions" });

/**
 * @typedef {{id: number, type: "estimate", answers: string, lang?: string}} EstimateRequest
 *   the estimate for an answers file's text (web.estimate_json)
 * @typedef {{id: number, type: "check", answers: string, lang?: string}} CheckRequest
 *   check an answers file's text without estimating (web.check_answers_json)
 * @typedef {{id: number, type: "calibrate", cases: string, options: Object<string, string|null>, lang?: string}} CalibrateRequest
 *   calibrate from a CSV's text, with options; the report and problems in lang (web.calibrate_json)
 * @typedef {{id: number, type: "plan", plan: string, employment: string, costs: string, lang?: string}} PlanRequest
 *   cost a plan file's text with the employment figures and the council's costs (web.plan_json),
 *   its words and the plan file's problems in `lang` (the page's language; English when left out)
 * @typedef {{id: number, type: "contribution", answers: string, nation: string, council: string, date: string, lang?: string}} ContributionRequest
 *   what the person might pay beside the estimate (web.contribution_json): the answers
 *   file's text with its "contribution" key, the two charging rules files' text, the day
 * @typedef {{id: number, type: "contribution-questions", nation: string, council: string, lang?: string}} ContributionQuestionsRequest
 *   the questions of "Estimate what you might pay" (web.contribution_questions_json)
 * @typedef {EstimateRequest | CheckRequest | CalibrateRequest | PlanRequest | ContributionRequest | ContributionQuestionsRequest} Request
 */

/**
 * Python's reply, as web.py made it. Every reply has `ok`; when `ok` is false it has
 * `problems` (plain sentences, never a traceback). When `ok` is true an estimate has
 * `result` and `words`, a check has `answers` (the answers file, as checked), and a
 * calibration has `summary`, `report`, `report_page`, `scheme_toml` and `new_version`.
 * @typedef {{ok: boolean, problems?: string[], [key: string]: any}} Reply
 */

/**
 * @typedef {{type: "progress", step: keyof STEPS, label: string}} ProgressEvent
 * @typedef {{type: "ready", scheme: {id: string, version: string}, python: string, started: "snapshot" | "fresh"}} ReadyEvent
 * @typedef {{type: "failed", message: string}} FailedEvent
 * @typedef {{id: number, type: "reply", reply: Reply}} ReplyEvent
 * @typedef {{type: "snapshot", kept: boolean}} SnapshotEvent
 * @typedef {ProgressEvent | ReadyEvent | FailedEvent | SnapshotEvent | ReplyEvent} WorkerMessage
 */

/** What a person is told when Python raises: never the traceback itself. */
export const UNEXPECTED = N_("Something went wrong inside the calculator.");
