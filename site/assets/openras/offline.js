// Register the service worker (site/sw.js) so the site works offline after this visit.
// It is registered once the page has loaded, so it never competes with the page.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var script = document.currentScript.src;
  window.addEventListener("load", function () {
    var url = new URL("../../sw.js", script);
    navigator.serviceWorker.register(url, { scope: new URL("./", url).pathname }).catch(function () {});
  });
})();
