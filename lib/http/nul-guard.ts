/**
 * PostgreSQL cannot store the NUL character in text or JSON; a string carrying one would fail deep inside a
 * write as a server error. The edge refuses it first, naming the field.
 */
import { ValidationFailed, type FieldIssue } from "../domain-error";

function nulIssues(value: unknown, path: string[], issues: FieldIssue[]) {
  if (typeof value === "string") {
    if (value.includes("\u0000")) issues.push({ field: path.join(".") || "(body)", message: "Remove the NUL character (\\u0000) from this text" });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulIssues(item, [...path, String(index)], issues));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) issues.push({ field: path.join(".") || "(body)", message: "A member's name holds a NUL character" });
      else nulIssues(item, [...path, key], issues);
    }
  }
}

/** Throws ValidationFailed naming every field (params, query, body, form) whose text holds a NUL character. */
export function refuseNulCharacters(parts: Record<string, unknown>) {
  const issues: FieldIssue[] = [];
  for (const value of Object.values(parts)) nulIssues(value, [], issues);
  if (issues.length > 0) throw new ValidationFailed(issues);
}
