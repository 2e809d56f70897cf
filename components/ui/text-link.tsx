import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link inside a sentence: underlined, so it stands out from the words around it without relying on colour
 * (WCAG 1.4.1). Its target is the text's own height: WCAG 2.5.5 exempts links within a sentence from 44 px.
 * A link standing on its own (a back link, a table cell, a list entry) is a tap target: give it min-h-11.
 */
export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={`text-brand-700 underline underline-offset-2 hover:text-brand-900 ${className}`} />;
}
