import type { Metadata, Viewport } from "next";
import "./globals.css";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";

export const metadata: Metadata = {
  title: { default: "Stockroom", template: "%s · Stockroom" },
  description: "Inventory for warehouses: receive, move, count and pick, with a ledger that is never wrong.",
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174ba6" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}<RegisterServiceWorker /></body>
    </html>
  );
}
