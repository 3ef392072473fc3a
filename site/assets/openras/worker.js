// The only JavaScript that talks to Pyodide. It starts up in named steps
// (runtime, package, scheme), posting {type: "progress", step, label} as each begins,
// then {type: "ready"}. Requests are {id, type: "estimate" | "check", answers} (the
// answers file's text) or {id, type: "calibrate", cases, options} (a CSV's text), and
// replies {id, type: "result" | "checked" | "calibrated" | "error", ...}
// carry the same id. Every file comes from this
// site: nothing is fetched from anywhere else.

import { loadPyodide } from "../../runtime/pyodide.mjs";

const runtimeURL = new URL("../../runtime/", import.meta.url);
const STEPS = {
  runtime: "Starting the calculator",
  package: "Installing the OpenRAS calculator",
  scheme: "Loading the council's scheme",
};

let ready = null; // a Promise of the Python `web` module once every step is done
let failed = false;

function fail(message) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", message });
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
      fail("This browser could not run the calculator's WebAssembly.");
      throw error;
    });
  };
}

function progress(step) {
  self.postMessage({ type: "progress", step, label: STEPS[step] });
}

async function fetchText(name) {
  const response = await fetch(new URL(name, runtimeURL));
  if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
  return response.text();
}

async function start() {
  progress("runtime");
  const boot = JSON.parse(await fetchText("boot.json"));
  const pyodide = await loadPyodide({
    indexURL: runtimeURL.href,
    lockFileURL: new URL("pyodide-lock.json", runtimeURL).href,
    stdout: () => {},
    stderr: () => {},
  });
  progress("package");
  await pyodide.loadPackage("micropip", { messageCallback: () => {} });
  const micropip = pyodide.pyimport("micropip");
  // deps=False: the wheel needs nothing else, and a dependency lookup would go to a
  // public index, which this site never contacts.
  await micropip.install(new URL(boot.wheel, runtimeURL).href, { deps: false });
  progress("scheme");
  const web = pyodide.pyimport("ras_core.web");
  const loaded = JSON.parse(web.load_scheme_text(await fetchText(boot.scheme), boot.scheme));
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  self.postMessage({ type: "ready", scheme: loaded.scheme, python: pyodide.version });
  return web;
}

// What the person is told when Python raises: never the traceback itself (it goes to
// the console, for whoever is fixing the site).
const UNEXPECTED = "Something went wrong inside the calculator.";

function plain(error) {
  if (error && error.constructor && error.constructor.name === "PythonError") {
    console.error(error.message);
    return UNEXPECTED;
  }
  return String(error && error.message ? error.message : error);
}

ready = start();
ready.catch((error) => fail(plain(error)));

self.onmessage = async (event) => {
  const { id, type, answers } = event.data || {};
  if (type !== "estimate" && type !== "check" && type !== "calibrate") return;
  try {
    const web = await ready;
    if (type === "calibrate") {
      const reply = JSON.parse(web.calibrate_json(event.data.cases, JSON.stringify(event.data.options || {})));
      self.postMessage({ id, type: "calibrated", ...reply });
      return;
    }
    if (type === "check") {
      const reply = JSON.parse(web.check_answers_json(answers));
      self.postMessage({ id, type: "checked", ok: reply.ok, problems: reply.problems || [], answers: reply.answers });
      return;
    }
    const reply = JSON.parse(web.estimate_json(answers));
    if (reply.ok) {
      self.postMessage({ id, type: "result", result: reply.result, words: reply.words });
    } else {
      self.postMessage({ id, type: "error", problems: reply.problems });
    }
  } catch (error) {
    // The worker carries on: one request that fails does not stop the next.
    if (!failed) console.error(error);
    self.postMessage({ id, type: "error", problems: [failed ? "The calculator could not start." : `${UNEXPECTED} Nothing you entered is lost: you can try again.`] });
  }
};
