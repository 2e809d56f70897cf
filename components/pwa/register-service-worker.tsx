"use client";

import { useEffect } from "react";

const scriptUrl = "/sw.js";

/**
 * Registers public/sw.js, which keeps the /scan shell launchable offline. Production only: in development the
 * /_next/static URLs are not content-hashed, so the worker's cache-first rule would serve stale code; a worker
 * left over from a production run on the same origin is removed instead. Renders nothing.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (process.env.NODE_ENV !== "production") {
      void removeServiceWorker().catch((error: unknown) => console.warn("Could not remove the service worker", error));
      return;
    }
    // After load, so installing the worker (which fetches /scan and its chunks) does not compete with the page.
    const register = () => {
      void registerServiceWorker().catch((error: unknown) => console.warn("Offline mode is unavailable", error));
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
    return () => window.removeEventListener("load", register);
  }, []);
  return null;
}

async function registerServiceWorker() {
  await navigator.serviceWorker.register(scriptUrl, { scope: "/", updateViaCache: "none" });
  const registration = await navigator.serviceWorker.ready;
  // On a first visit this page's scripts and styles loaded before the worker existed, so it never saw them:
  // hand it their URLs so the cached shell can boot offline.
  registration.active?.postMessage({ type: "cache-static-urls", urls: loadedStaticUrls() });
}

function loadedStaticUrls(): string[] {
  const fromTimings = performance.getEntriesByType("resource").map((entry) => entry.name);
  const fromScripts = Array.from(document.scripts, (script) => script.src);
  const fromStyles = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (link) => link.href);
  const origin = `${window.location.origin}/_next/static/`;
  return Array.from(new Set([...fromTimings, ...fromScripts, ...fromStyles])).filter((url) => url.startsWith(origin));
}

async function removeServiceWorker() {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(
    registrations.filter((registration) => registration.active?.scriptURL.endsWith(scriptUrl)).map((registration) => registration.unregister()),
  );
}
