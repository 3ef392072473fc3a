// Runs in the assessment page's head as a classic script, after the page's
// <meta name="openras-scheme">: it creates the calculator's worker before the page's
// body is read, so Python starts while the page is still being parsed and drawn (an
// async module script ran only after that, 300 ms later on a two-core machine). It
// blocks the parser only for this small file, which loads beside the page's styles,
// which block drawing anyway. The page's own modules take the worker over, with every
// message it has sent so far (client.js). Where the calculator cannot run, it does
// nothing: client.js says why.
(() => {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    const url = new URL("./worker.js", document.currentScript.src);
    const scheme = document.querySelector('meta[name="openras-scheme"]');
    const name = scheme && scheme.content ? `scheme:${scheme.content}` : "";
    const early = { worker: new Worker(url, { type: "module", name }), messages: [], error: false };
    early.worker.onmessage = (event) => early.messages.push(event.data || {});
    early.worker.onerror = (event) => {
      event.preventDefault();
      early.error = true;
    };
    window.openrasEarly = early;
    // offline.js waits for the calculator before it installs the service worker.
    document.documentElement.setAttribute("data-openras-calculator", "starting");
  } catch {
    // The page's modules start the worker themselves, or say why they cannot.
  }
})();
