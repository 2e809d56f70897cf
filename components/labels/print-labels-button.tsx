"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type PrintLabelsButtonProps = { kind: "item" | "bin"; refs: string[]; onPrinted?: () => void };

/** The file name the server chose (Content-Disposition), else a plain one. */
function fileNameOf(response: Response): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "labels.pdf";
}

/**
 * Posts a selection to POST /api/v1/labels and saves the A4 PDF it answers. A download rather than a new tab:
 * browsers block windows opened after an await, and a phone hands a downloaded PDF to its print dialog anyway.
 */
export function PrintLabelsButton({ kind, refs, onPrinted }: PrintLabelsButtonProps) {
  const [isPrinting, setIsPrinting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function print() {
    setIsPrinting(true);
    setError(null);
    try {
      const response = await fetch("/api/v1/labels", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind, refs, format: "pdf", size: "a4" }),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        throw new Error(problem?.detail ?? `The labels could not be made (${response.status})`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), { href: url, download: fileNameOf(response) });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      onPrinted?.();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The labels could not be made");
    } finally {
      setIsPrinting(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" onClick={print} disabled={isPrinting || refs.length === 0} data-testid="print-labels">
        {isPrinting ? "Making labels…" : `Print labels (${refs.length})`}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
