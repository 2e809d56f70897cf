// Tailwind 4 is configured in CSS (app/globals.css, `@theme`); this file only tells editors and tooling where
// class names live. Loaded by the stylesheet's `@config` line.
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
} satisfies Config;
