import type { MetadataRoute } from "next";

// Served at /manifest.webmanifest; Next adds the <link rel="manifest"> to every page.
// Colours follow app/globals.css: theme is --color-brand-700 (also the viewport themeColor in app/layout.tsx),
// background is the body's bg-slate-50, so the splash screen matches the first paint.
// The icons are drawn by scripts/make-icons.ts; public/sw.js caches the same files for offline launches.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/scan",
    name: "Stockroom",
    short_name: "Stockroom",
    description: "Scan to look up, receive, move, pick and count stock, also where the Wi-Fi drops out.",
    start_url: "/scan",
    scope: "/",
    display: "standalone",
    theme_color: "#174ba6",
    background_color: "#f8fafc",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
