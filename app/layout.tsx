import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";

export const metadata: Metadata = {
  title: { default: "Stockroom", template: "%s · Stockroom" },
  description: "Inventory for warehouses: receive, move, count and pick, with a ledger that is never wrong.",
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174ba6" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so its scripts carry that request's CSP nonce (proxy.ts); a page
  // prerendered at build time would have scripts without one, and the browser would refuse them.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        {children}
        <RegisterServiceWorker />
      </body>
    </html>
  );
}
