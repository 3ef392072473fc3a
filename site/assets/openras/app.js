// The assessment page: one step at a time, GOV.UK-style errors, check your answers,
// and the result. The sum is done by the Python core in a Web Worker (worker.js),
// started through the one client (client.js) as soon as this page loads, so the page
// never freezes. The answers live only in this page's form fields: nothing is stored
// or sent unless the person asks to save them on this device.
//
// This is the entry module; the page's parts are in assessment/. Imports (an arrow
// means "imports"; there are no cycles):
//
//   app.js                  → page, answers, calculator, errors, result, steps, save, guided
//   assessment/guided.js    → ../ui, page, answers, calculator, errors, result, steps, voice
//   assessment/save.js      → ../ui, page, answers, calculator, errors, steps
//   assessment/steps.js     → page, answers, calculator, errors, contribution
//   assessment/contribution.js → ../protocol, page, answers, calculator
//   assessment/calculator.js → ../client, ../protocol, page, result
//   assessment/result.js    → page, answers
//   assessment/errors.js    → page
//   assessment/answers.js   → page, voice
//   assessment/voice.js     → page
//   assessment/page.js      (nothing)
//   client.js               → protocol      (worker.js → protocol too)

import { watchWillingness } from "./assessment/answers.js";
import { start as startCalculator } from "./assessment/calculator.js";
import { watchPay } from "./assessment/contribution.js";
import { watchErrorLinks } from "./assessment/errors.js";
import { startGuided } from "./assessment/guided.js";
import { guided } from "./assessment/page.js";
import { watchPrint } from "./assessment/result.js";
import { watchSaving } from "./assessment/save.js";
import { route, watchSteps } from "./assessment/steps.js";
import { watchVoice } from "./assessment/voice.js";

startCalculator();
watchErrorLinks();
watchSteps();
watchWillingness();
watchVoice();
watchPrint();
watchSaving();
watchPay();
if (guided) startGuided();
window.addEventListener("hashchange", () => route());
route({ initial: true });
