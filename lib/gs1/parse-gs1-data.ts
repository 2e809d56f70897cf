import { keyQualifierSequences, parseDigitalLink, toDigitalLink } from "./digital-link";
import { Gs1Invalid, parseGs1, type ParsedGs1 } from "./parse-element-string";

export type Gs1Reading = ParsedGs1 & {
  /** Canonical GS1 Digital Link URI of the data, when it has a primary key and every AI fits in a URI. */
  digitalLink?: string;
};

/**
 * Reads any GS1 data a client may send: a bracketed element string, raw scanner text (parseGs1) or a GS1 Digital
 * Link URI (http or https). Throws Gs1Invalid naming each failing AI.
 */
export function parseGs1Data(data: string): Gs1Reading {
  const parsed = /^https?:\/\//i.test(data.trim()) ? parseDigitalLink(data.trim()) : parseGs1(data);
  if (!parsed.elements.some((e) => keyQualifierSequences(e.ai))) return parsed;
  try {
    return { ...parsed, digitalLink: toDigitalLink(parsed.elements) };
  } catch (error) {
    // Valid data can still hold AIs that a URI cannot carry, e.g. (8200) beside a GTIN: then there is no link.
    if (error instanceof Gs1Invalid) return parsed;
    throw error;
  }
}
