// OpenRAS service worker: after the first visit the site works with no network,
// estimate included. It caches the site's own files only (pages, styles, scripts, the
// Python runtime); never answers, which stay in the page.
//
// Two tiers, so nobody downloads more than they use: the pages and their assets are
// cached when the worker installs; the Python runtime (about 13 MB) is cached only when
// the assessment page says its calculator is ready, from the browser's HTTP cache, so
// it is not downloaded twice. The rest of the standard library (python_stdlib_rest.zip,
// see rest.js) is cached only if it is ever downloaded.

const VERSION = "__OPENRAS_VERSION__"; // build.py writes the build's hash here
const CACHE = `openras-${VERSION}`;
const REST_ZIP = "python_stdlib_rest.zip";
const scope = new URL("./", self.location.href);

async function lists() {
  const response = await fetch(new URL("offline.json", scope), { cache: "no-cache" });
  return response.json();
}

async function store(urls, options) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (path) => {
      const url = new URL(path, scope);
      const response = await fetch(url, options);
      if (response.ok) await cache.put(url, response);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    lists()
      .then((files) => store(files.shell))
      .then(() => self.skipWaiting()),
  );
});

function isOldCopy(name) {
  return name.startsWith("openras-") && !name.startsWith("openras-memory-") && name !== CACHE;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      // Only this worker's own older copies: the memory snapshot's cache (snapshot.js,
      // "openras-memory-…") is the worker's to keep or throw away, and it may have been
      // kept before this service worker was activated.
      .then((names) => Promise.all(names.filter(isOldCopy).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "cache-runtime") {
    event.waitUntil(
      lists()
        .then((files) => store(files.runtime, { cache: "force-cache" }))
        // The answer goes on the page's own port, if it sent one: a client.postMessage
        // to a page the person has left would evict it from the back/forward cache.
        .then(() => {
          const answer = event.ports[0] || event.source;
          if (answer) answer.postMessage({ type: "runtime-cached" });
        }),
    );
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      try {
        const response = await fetch(request);
        // The rest of the standard library is downloaded only if a module in it is
        // imported (rest.js); once it has been, it is kept for use offline.
        if (response.ok && url.pathname.endsWith(`/runtime/${REST_ZIP}`)) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        // Offline, and not cached: a page falls back to the home page.
        if (request.mode === "navigate") {
          const home = await cache.match(new URL("./", scope));
          if (home) return home;
        }
        throw error;
      }
    })(),
  );
});
