// The only JavaScript that talks to Pyodide. It starts up in named steps (runtime,
// package, scheme), from the memory snapshot a first visit kept (snapshot.js) or the
// ordinary way, then answers requests through a table of Python functions. The
// messages are declared in protocol.js; Python's reply passes through unchanged. Every
// file comes from this site: nothing is fetched from anywhere else.

import { EVENT, REQUEST, STEPS, UNEXPECTED } from "./protocol.js";
import { installRest } from "./rest.js";
import { findSnapshot, forgetSnapshots, keepSnapshot, makeSnapshot, startFromSnapshot } from "./snapshot.js";

const runtimeURL = new URL("../../runtime/", import.meta.url);
// The scheme the page estimates with, when it is not the site's first: the page names it
// in the worker's name ("scheme:<id>", client.js) and boot.json's `schemes` gives its file.
const schemeId = self.name.startsWith("scheme:") ? self.name.slice("scheme:".length) : null;

function schemeFile(files) {
  if (!schemeId) return files.scheme;
  if (files.schemes && Object.hasOwn(files.schemes, schemeId)) return files.schemes[schemeId];
  throw new Error(`This page's scheme (${schemeId}) is not on this site.`);
}
// Names a string the page says in its language (strings.js): a worker has no page.
const N_ = (msgid) => msgid;

// Imported at once but not waited for, so the first files are asked for in parallel.
const pyodideModule = import("../../runtime/pyodide.mjs");
pyodideModule.catch(() => fail("pyodide.mjs could not be loaded."));

// Each request type, and the Python function (in ras_core.web) that answers it, given
// the request. Each returns JSON text.
const HANDLERS = {
  [REQUEST.estimate]: (web, request) => web.estimate_json(request.answers, request.lang || "en"),
  [REQUEST.check]: (web, request) => web.check_answers_json(request.answers, request.lang || "en"),
  [REQUEST.calibrate]: (web, request) =>
    web.calibrate_json(request.cases, JSON.stringify(request.options || {}), request.lang || "en"),
  [REQUEST.plan]: (web, request) => web.plan_json(request.plan, request.employment, request.costs, request.lang || "en"),
  [REQUEST.contribution]: (web, request) =>
    web.contribution_json(request.answers, request.nation, request.council, request.date || "", request.lang || "en"),
  [REQUEST.contributionQuestions]: (web, request) =>
    web.contribution_questions_json(request.nation, request.council, request.lang || "en"),
};

let ready = null; // a Promise of the Python `web` module once every step is done
let failed = false;
let tryingSnapshot = false; // a failure then means only an ordinary start instead

function fail(message) {
  if (failed || tryingSnapshot) return;
  failed = true;
  self.postMessage({ type: EVENT.failed, message });
}

// Pyodide does not always reject when a file cannot be fetched or the WebAssembly
// cannot be compiled (a blocked file, a Content-Security-Policy without
// 'wasm-unsafe-eval'): it logs a warning and waits for ever. Watch both, so the page
// can say at once that the calculator cannot start, instead of waiting for a time-out.
const realFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  try {
    const response = await realFetch(input, init);
    if (!response.ok) fail(`${url.split("/").pop()} could not be loaded (${response.status}).`);
    return response;
  } catch (error) {
    fail(`${url.split("/").pop()} could not be loaded.`);
    throw error;
  }
};
for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
  const real = WebAssembly[name];
  if (typeof real !== "function") continue;
  WebAssembly[name] = function (...args) {
    return real.apply(WebAssembly, args).catch((error) => {
      fail(N_("This browser could not run the calculator's WebAssembly."));
      throw error;
    });
  };
}

function progress(step) {
  self.postMessage({ type: EVENT.progress, step, label: STEPS[step] });
}

async function fetchFile(name) {
  const response = await fetch(new URL(name, runtimeURL));
  if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
  return response;
}

// What a start from the kept memory snapshot, or an ordinary start, gives: Pyodide
// with ras_core installed and imported, and no scheme yet.
const OPTIONS = {
  indexURL: runtimeURL.href,
  lockFileURL: new URL("pyodide-lock.json", runtimeURL).href,
  stdout: () => {},
  stderr: () => {},
};

async function startFresh(files, wheel) {
  const { loadPyodide } = await pyodideModule;
  const pyodide = await loadPyodide({ ...OPTIONS, packages: ["micropip"], _makeSnapshot: Boolean(files.snapshot) });
  installRest(pyodide, runtimeURL, files.stdlib_rest);
  progress("package");
  const micropip = pyodide.pyimport("micropip");
  // micropip installs the wheel from the bytes already here (an emfs: path, in
  // Pyodide's own file system). deps=False: the wheel needs nothing else, and a
  // dependency lookup would go to a public index, which this site never contacts.
  const path = `/tmp/${files.wheel.split("/").pop()}`;
  pyodide.FS.writeFile(path, new Uint8Array(await wheel));
  await micropip.install(`emfs:${path}`, { deps: false });
  micropip.destroy();
  pyodide.FS.unlink(path);
  pyodide.pyimport("ras_core.web").destroy();
  return pyodide;
}

async function start() {
  progress("runtime");
  // Everything downloads at once: the runtime, micropip (a package of the runtime's
  // lock file, fetched while the WebAssembly compiles), and the wheel and the scheme
  // named by boot.json. Only Python's own work waits for the step before it.
  const boot = fetchFile("boot.json").then((response) => response.json());
  const wheel = boot.then((files) => fetchFile(files.wheel)).then((response) => response.arrayBuffer());
  const scheme = boot.then((files) => fetchFile(schemeFile(files))).then((response) => response.text());
  for (const waiting of [wheel, scheme]) waiting.catch(() => {}); // reported when awaited
  const files = await boot;
  let pyodide = null;
  let started = "fresh";
  const kept = await findSnapshot(files.snapshot, runtimeURL);
  if (kept) {
    tryingSnapshot = true;
    try {
      const { loadPyodide } = await pyodideModule;
      pyodide = await startFromSnapshot(loadPyodide, OPTIONS, kept, wheel, files.package_version);
      installRest(pyodide, runtimeURL, files.stdlib_rest);
      started = "snapshot";
      progress("package");
    } catch (error) {
      console.warn("The kept snapshot could not be used; starting the ordinary way.", error);
      pyodide = null;
      await forgetSnapshots();
    } finally {
      tryingSnapshot = false;
    }
  }
  let snapshot = null;
  if (!pyodide) pyodide = await startFresh(files, wheel);
  progress("scheme");
  const web = pyodide.pyimport("ras_core.web");
  const loaded = JSON.parse(web.load_scheme_text(await scheme, schemeFile(files)));
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  self.postMessage({ type: EVENT.ready, scheme: loaded.scheme, python: pyodide.version, started });
  // The copy for the next visit is made now: the scheme is loaded (so the modules it
  // needs are imported and warm) and no request has been answered: requests wait for
  // `ready`, which is settled only when this function returns. The page is told first,
  // so that the person is not kept waiting for a copy made for their next visit.
  if (started === "fresh" && files.snapshot) {
    try {
      snapshot = makeSnapshot(pyodide);
    } catch (error) {
      console.warn("No snapshot for the next visit.", error);
    }
  }
  if (snapshot) {
    keepSnapshot(files.snapshot, runtimeURL, snapshot).then((kept) => self.postMessage({ type: EVENT.snapshot, kept }));
  }
  return web;
}

// When Python raises, the person is told UNEXPECTED, never the traceback itself (it
// goes to the console, for whoever is fixing the site).
function plain(error) {
  if (error && error.constructor && error.constructor.name === "PythonError") {
    console.error(error.message);
    return UNEXPECTED;
  }
  return String(error && error.message ? error.message : error);
}

ready = start();
ready.catch((error) => fail(plain(error)));

function reply(id, data) {
  self.postMessage({ id, type: EVENT.reply, reply: data });
}

self.onmessage = async (event) => {
  const request = event.data || {};
  const handler = Object.hasOwn(HANDLERS, request.type) ? HANDLERS[request.type] : null;
  if (!handler) return;
  try {
    const web = await ready;
    reply(request.id, JSON.parse(handler(web, request)));
  } catch (error) {
    // The worker carries on: one request that fails does not stop the next.
    if (!failed) console.error(error);
    const problem = failed ? N_("The calculator could not start.") : N_("Something went wrong inside the calculator. Nothing you entered is lost: you can try again.");
    reply(request.id, { ok: false, problems: [problem] });
  }
};
