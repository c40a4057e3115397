// The service worker: keeps the app's own files so it loads and works with no network.
// scripts/post-build.mjs fills in the version and the list of files at every build.
// It never touches local storage, so a new version can never drop a workshop.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = `pla-workshop-${VERSION}`;

self.addEventListener("install", (event) => {
  // A new version installs beside the old one and takes over at once; the open page keeps
  // the code it already loaded, so the new version takes effect on the next load.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      // The newest older version is kept: a page opened before this update still runs it, and
      // may yet load one of its modules on demand, which this version no longer has.
      .then((names) => names.filter((n) => n.startsWith("pla-workshop-") && n !== CACHE).slice(0, -1))
      .then((old) => Promise.all(old.map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const key = request.mode === "navigate" ? "/" : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || caches.match(key))
      .then((hit) => hit || fetch(request)),
  );
});
