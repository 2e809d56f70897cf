"use client";

import { useEffect, useRef } from "react";
import { newIdempotencyKey } from "@/lib/http/api-client";
import { FORM_TOKEN_FIELD } from "@/lib/http/form-state";

/**
 * The form's token: the idempotency key of its next submission (lib/http/form-write.ts). A double tap sends the
 * same token and acts once; every answer (`answer` changes) makes a new one, so the next submission is a new write.
 * Set after hydration, straight on the element: the server cannot make the browser's random key.
 */
export function FormToken({ answer }: { answer: unknown }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) input.current.value = newIdempotencyKey();
  }, [answer]);
  return <input ref={input} type="hidden" name={FORM_TOKEN_FIELD} defaultValue="" />;
}
