"use client";

import dynamic from "next/dynamic";

/** The scan app lives on camera, IndexedDB and the device's own state: it renders in the browser only. */
export const ScanAppLoader = dynamic(() => import("./scan-app").then((m) => m.ScanApp), {
  ssr: false,
  loading: () => <p className="text-slate-600">Starting the scanner…</p>,
});
