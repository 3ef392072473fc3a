// Register the service worker (site/sw.js) so the site works offline after this visit.
// It is registered once the page has loaded, so it never competes with the page; on a
// page whose calculator is starting (the <html> element's data-openras-calculator says
// "starting", set by start-early.js or client.js), only once the calculator has started
// or failed: the service worker's first install, which downloads the site's pages, took
// 0.3 to 0.5 s from the calculator's start on a two-core machine. It waits at most a
// minute, so a calculator that never settles still leaves an offline copy.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript.src;
  var WAIT_MS = 60000;
  var registered = false;

  function register() {
    if (registered) return;
    registered = true;
    var url = new URL("../../sw.js", script);
    navigator.serviceWorker.register(url, { scope: new URL("./", url).pathname }).catch(function () {});
  }

  window.addEventListener("load", function () {
    if (document.documentElement.getAttribute("data-openras-calculator") !== "starting") return register();
    window.addEventListener("openras:calculator", register, { once: true });
    setTimeout(register, WAIT_MS);
  });
})();
