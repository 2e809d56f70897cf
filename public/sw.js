// Stockroom service worker: keeps the /scan shell launchable in Wi-Fi holes.
// Plain script, no build step; registered by components/pwa/register-service-worker.tsx in production only.
// The scan data itself (site snapshot in IndexedDB, the queue of writes) is the scan screens' job, not this file's:
// /api/* is never touched here.
//
// CACHE_VERSION: bump it (stockroom-v2, v3…) when this file's caching rules change, or to drop every cached
// document and chunk at once (e.g. after a deploy that changed the shell in a way an old cached copy must not
// survive). A new version installs beside the old one, takes over at once (skipWaiting + clients.claim) and
// deletes the old caches on activate. Deploys that do not bump it are fine: documents are network first, and
// static chunks are content-hashed, so old ones are never asked for again (they stay in the cache, a few MB a
// deploy, until the next bump clears them).
const CACHE_VERSION = "stockroom-v1";
const CACHE_PREFIX = "stockroom-";
const SHELL_CACHE = `${CACHE_VERSION}-shell`; // documents and RSC payloads of /scan, the manifest, the icons
const STATIC_CACHE = `${CACHE_VERSION}-static`; // /_next/static/*, immutable
const SHELL_URL = "/scan";
const NETWORK_TIMEOUT_MS = 3000;
// After a failure, /scan navigations in the next few seconds go straight to the cache (the network still refreshes
// it in the background), so a redirect to /scan or a quick second reload does not wait out another timeout.
// A worker restart forgets it, which costs one more timeout at most.
const RECENT_FAILURE_MS = 10000;
let lastNetworkFailure = 0;
const PRECACHED_FILES = [
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
  "/icons/apple-touch-icon.png",
];

/**
 * Which strategy answers a request; null lets the browser handle it untouched.
 * Pure (a URL, a method, a mode and an RSC flag in, a name out), so components/pwa/service-worker.test.ts can
 * run it outside a browser.
 */
function chooseStrategy(url, method, mode, isRsc) {
  if (method !== "GET") return null;
  if (url.origin !== self.location.origin) return null;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return null; // the app queues API work itself
  if (url.pathname === "/sw.js") return null;
  if (mode === "navigate") return "document";
  if (url.pathname.startsWith("/_next/static/")) return "static";
  if (isScanPath(url.pathname) && (isRsc || url.searchParams.has("_rsc"))) return "rsc";
  if (PRECACHED_FILES.includes(url.pathname)) return "precached";
  return null;
}

function isScanPath(pathname) {
  return pathname === SHELL_URL || pathname.startsWith(`${SHELL_URL}/`);
}

/**
 * Only a plain 200 from our own origin goes into the cache. A signed-out visit to /scan is a redirect to
 * /sign-in (an opaque redirect for navigations, or a followed one elsewhere): caching that would replace the
 * shell with the sign-in page.
 */
function isCacheable(response) {
  return response.status === 200 && response.type === "basic" && !response.redirected;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(PRECACHED_FILES);
      // Best effort: signed out, /scan redirects and there is nothing to keep yet. The first signed-in visit to
      // /scan fills it (see answerDocument), so a failure here must not fail the install.
      await refreshShellDocument(new Request(SHELL_URL, { redirect: "manual" })).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const current = [SHELL_CACHE, STATIC_CACHE];
      // Only our own prefix: other code on this origin may keep caches of its own.
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && !current.includes(name)).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const strategy = chooseStrategy(url, request.method, request.mode, request.headers.get("RSC") === "1");
  if (strategy === "document") event.respondWith(answerDocument(event, url));
  else if (strategy === "static") event.respondWith(answerStatic(request));
  else if (strategy === "rsc") event.respondWith(answerRsc(event));
  else if (strategy === "precached") event.respondWith(answerPrecached(event));
});

// The page tells us which chunks it loaded before this worker controlled it (a first visit), so the shell's
// scripts and styles are cached even though their requests never passed through here.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache-static-urls" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((href) => {
    try {
      return chooseStrategy(new URL(href), "GET", "no-cors", false) === "static";
    } catch {
      return false;
    }
  });
  event.waitUntil(cacheStaticUrls(urls));
});

/**
 * Network first. For /scan, with a timeout: a Wi-Fi hole usually hangs rather than fails, and a clerk should
 * not stare at a blank screen for a minute; after the timeout the cached copy answers while the network request
 * may still finish and refresh the cache for next time. Other pages have no copy worth showing instead of a slow
 * answer (a report may take seconds to render), so they wait for the network and fall back only when it fails.
 */
async function answerDocument(event, url) {
  const isShellPage = isScanPath(url.pathname);
  const network = fetch(event.request).then((response) => {
    lastNetworkFailure = 0;
    if (isShellPage) event.waitUntil(rememberShellAnswer(url.href, response.clone()));
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  try {
    const timeout = Date.now() - lastNetworkFailure < RECENT_FAILURE_MS ? 0 : NETWORK_TIMEOUT_MS;
    const response = isShellPage ? await withTimeout(network, timeout) : await network;
    if (response.status < 500) return response;
    return (await cachedDocument(url)) ?? response; // a proxy's 502/504 in a dead zone is an outage too
  } catch {
    lastNetworkFailure = Date.now();
    const cached = await cachedDocument(url);
    if (cached) return cached;
    const shell = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE, ignoreVary: true });
    // Redirect rather than answer /scan's HTML under another URL, so the address bar, the router and the page
    // agree (and a reload lands on /scan again).
    if (shell) return Response.redirect(new URL(SHELL_URL, self.location.origin).href, 302);
    return network; // nothing cached: the browser shows its own offline page
  }
}

function cachedDocument(url) {
  return caches.match(url.href, { cacheName: SHELL_CACHE, ignoreVary: true });
}

/**
 * A 200 replaces the cached copy. A redirect means the session is gone (the signed-in layout sends signed-out
 * people to /sign-in): the cached pages carry the previous user's name, so they are dropped rather than shown to
 * whoever holds the phone next offline.
 */
async function rememberShellAnswer(key, response) {
  if (isCacheable(response)) await keepShellDocument(key, response);
  else if (response.type === "opaqueredirect" || response.redirected) await forgetShellPages();
}

async function forgetShellPages() {
  const cache = await caches.open(SHELL_CACHE);
  const keys = await cache.keys();
  await Promise.all(keys.filter((request) => isScanPath(new URL(request.url).pathname)).map((request) => cache.delete(request)));
}

async function refreshShellDocument(request) {
  const response = await fetch(request);
  await rememberShellAnswer(SHELL_URL, response);
}

/** Stores a /scan document and fetches the chunks it names, so the cached copy can boot with no network. */
async function keepShellDocument(key, response) {
  const html = await response.clone().text();
  const cache = await caches.open(SHELL_CACHE);
  await cache.put(key, response);
  // Script and style tags name /_next/static/…; the Turbopack runtime lists more as "static/chunks/…".
  const urls = Array.from(html.matchAll(/(\/_next\/|["'])(static\/[^"'\s\\<>&]+)/g), (match) => `/_next/${match[2]}`);
  await cacheStaticUrls(urls);
}

async function cacheStaticUrls(urls) {
  const cache = await caches.open(STATIC_CACHE);
  const unique = Array.from(new Set(urls.map((href) => new URL(href, self.location.origin).href)));
  await Promise.all(
    unique.map(async (href) => {
      if (await cache.match(href)) return;
      try {
        const response = await fetch(href);
        if (isCacheable(response)) await cache.put(href, response);
      } catch {
        // Offline or gone: the page will ask again when it needs it.
      }
    }),
  );
}

/** Cache first: a /_next/static URL carries its content hash, so a cached copy is never stale. */
async function answerStatic(request) {
  const cached = await caches.match(request, { cacheName: STATIC_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (isCacheable(response)) {
    const copy = response.clone();
    await caches.open(STATIC_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

/**
 * RSC payloads of /scan (client-side navigation and prefetch): network first, cached copy when offline. The
 * _rsc query parameter already tells prefetches from full payloads, so the cache key is the URL. With no copy
 * the request fails, the router falls back to a full navigation and answerDocument serves the shell.
 */
async function answerRsc(event) {
  const request = event.request;
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (isCacheable(response)) {
      const copy = response.clone();
      event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: SHELL_CACHE, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** The manifest and icons: the cached copy at once, refreshed in the background so a new icon still arrives. */
async function answerPrecached(event) {
  const request = event.request;
  const refresh = fetch(request).then(async (response) => {
    if (isCacheable(response)) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(request.url, response.clone());
    }
    return response;
  });
  event.waitUntil(refresh.catch(() => undefined));
  const cached = await caches.match(request.url, { cacheName: SHELL_CACHE, ignoreVary: true });
  return cached ?? refresh;
}

function withTimeout(promise, milliseconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
