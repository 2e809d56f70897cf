import { z } from "zod";

/** A location or site code as a request names it: trimmed and upper-cased, as codes are stored. */
export const codeField = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((s) => s.toUpperCase());
