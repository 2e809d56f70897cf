"use client";

import { Button } from "./button";

/** Opens the browser's print dialog; hidden on the printout itself. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
