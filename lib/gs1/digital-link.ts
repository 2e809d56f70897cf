// GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax 1.x): reading one into AIs, and writing the
// canonical URI for AI data. Compressed URIs are not supported.
import type { FieldIssue } from "../domain-error";
import { gs1AiTable } from "./ai-table.generated";
import { Gs1Invalid, toParsedGs1, type Gs1CheckOptions, type ParsedGs1, type RawGs1Element } from "./parse-element-string";

const invalid = (message: string, field = "data") => new Gs1Invalid([{ field, message }]);

/** The dictionary's "dlpkey" attribute: undefined when the AI is no primary key, else its qualifier sequences. */
export function keyQualifierSequences(ai: string): string[][] | undefined {
  const attribute = gs1AiTable[ai]?.attributes.find((a) => a === "dlpkey" || a.startsWith("dlpkey="));
  if (attribute === undefined) return undefined;
  return attribute === "dlpkey"
    ? [[]]
    : attribute
        .slice("dlpkey=".length)
        .split("|")
        .map((s) => s.split(","));
}

/** RFC 3986 section 2.3: unreserved characters stay as they are, every other one becomes %XX. */
export function escapeDigitalLinkValue(value: string, component: "path" | "query"): string {
  return [...new TextEncoder().encode(value)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (/[A-Za-z0-9\-._~]/.test(char)) return char;
      // HTML form encoding, which query strings follow: a space is "+".
      if (char === " " && component === "query") return "+";
      return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/** Decodes %XX (each one byte, as the character of that code); malformed escapes stay as written. */
export function unescapeDigitalLinkValue(text: string, component: "path" | "query"): string {
  const spaced = component === "query" ? text.replaceAll("+", " ") : text;
  return spaced.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters RFC 3986 allows anywhere in a URI; anything else ("<", "^", "{"...) makes the URI invalid. */
const uriCharacters = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
/** A registered name or an IPv4 address, or an IPv6 literal in brackets, with an optional port. */
const hostPattern = /^([A-Za-z0-9\-.]+|\[[0-9A-Fa-f:.]+\])(:\d*)?$/;

/**
 * Reads a GS1 Digital Link URI ("https://id.gs1.org/01/09506000134352/10/ABC?17=250630") into the same shape as
 * parseGs1: the primary key, its key qualifiers in path order, then the query's data attributes. Any path before
 * the primary key is the resolver's own; query parameters whose names are not all digits are ignored.
 */
export function parseDigitalLink(uri: string, options: Gs1CheckOptions = {}): ParsedGs1 {
  const match = /^(http|HTTP|https|HTTPS):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/.exec(uri);
  if (!match) throw invalid("is not an http or https URI");
  const [, , host, path, query = ""] = match;
  if (!uriCharacters.test(uri)) throw invalid("contains characters that are not allowed in a URI");
  if (!hostPattern.test(host)) throw invalid(`"${host}" is not a valid host name`);
  const pathElements = readPath(path);
  const queryElements = readQuery(query, pathElements);
  return toParsedGs1([...pathElements, ...queryElements], options);
}

function readPath(path: string): RawGs1Element[] {
  if (path.endsWith("/")) throw invalid("path must not end with /");
  const segments = path.split("/").slice(1);
  // The AIs are at the end of the path, in pairs; walk back to the primary key.
  let keyIndex = -1;
  for (let i = segments.length - 2; i >= 0 && /^\d{2,4}$/.test(segments[i]) && segments[i] in gs1AiTable; i -= 2) {
    if (keyQualifierSequences(segments[i])) {
      keyIndex = i;
      break;
    }
  }
  if (keyIndex < 0) {
    const last = segments.at(-1) ?? "";
    // Compressed URIs (GS1 Digital Link 1.x section 6) carry the AIs as one base64url segment.
    if (/^(?=.*[A-Za-z_-])[A-Za-z0-9_-]{10,}$/.test(last)) {
      throw invalid("looks like a compressed GS1 Digital Link URI, which is not supported: send the uncompressed URI");
    }
    throw invalid("has no GS1 primary key such as /01/{GTIN} in its path");
  }
  const pairs: RawGs1Element[] = [];
  for (let i = keyIndex; i < segments.length; i += 2) {
    const value = unescapeDigitalLinkValue(segments[i + 1], "path");
    if (value === "") throw invalid("has no value", `(${segments[i]})`);
    pairs.push({ ai: segments[i], value });
  }
  const [key, ...qualifiers] = pairs;
  // GS1 Digital Link 1.x: a GTIN-8, -12 or -13 in the path stands for the GTIN-14 with leading zeros.
  if (key.ai === "01" && /^(\d{8}|\d{12}|\d{13})$/.test(key.value)) key.value = key.value.padStart(14, "0");
  checkQualifierOrder(
    key.ai,
    qualifiers.map((q) => q.ai),
  );
  return pairs;
}

/** Qualifiers must follow one of the key's sequences in its order, e.g. 22, 10, 21 for a GTIN. */
function checkQualifierOrder(key: string, qualifiers: string[]): void {
  if (qualifiers.length === 0) return;
  const fits = (sequence: string[]) => {
    const positions = qualifiers.map((q) => sequence.indexOf(q));
    return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
  };
  if (keyQualifierSequences(key)?.some(fits)) return;
  const allowed = keyQualifierSequences(key)
    ?.map((s) => s.map((q) => `/${q}`).join(""))
    .filter((s) => s !== "");
  const hint = allowed && allowed.length > 0 ? `; allowed in this order: ${allowed.join(" or ")}` : "; it takes none";
  throw invalid(`key qualifiers ${qualifiers.map((q) => `(${q})`).join(", ")} do not fit primary key (${key})${hint}`);
}

function readQuery(query: string, pathElements: readonly RawGs1Element[]): RawGs1Element[] {
  const [key, ...qualifiers] = pathElements;
  // Qualifiers the path could still have taken belong in the path, not in the query.
  const pathOnly = new Set((keyQualifierSequences(key.ai) ?? []).filter((sequence) => qualifiers.every((q) => sequence.includes(q.ai))).flat());
  const seen = new Set(pathElements.map((e) => e.ai));
  const elements: RawGs1Element[] = [];
  const issues: FieldIssue[] = [];
  for (const parameter of query.split("&")) {
    const [name, ...rest] = parameter.split("=");
    if (!/^\d+$/.test(name)) continue; // other parameters (linkType, context...) are for the resolver
    const field = `(${name})`;
    const value = unescapeDigitalLinkValue(rest.join("="), "query");
    if (!(name in gs1AiTable)) issues.push({ field, message: "is not a GS1 Application Identifier" });
    else if (!gs1AiTable[name].isDigitalLinkAttribute) issues.push({ field, message: "is not allowed as a GS1 Digital Link data attribute" });
    else if (pathOnly.has(name)) issues.push({ field, message: `is a key qualifier of (${key.ai}): put it in the path` });
    else if (seen.has(name)) issues.push({ field, message: "appears more than once" });
    else if (value === "") issues.push({ field, message: "has no value" });
    else elements.push({ ai: name, value });
    seen.add(name);
  }
  if (issues.length > 0) throw new Gs1Invalid(issues);
  return elements;
}

/**
 * Writes the canonical GS1 Digital Link URI for AI data: the first AI that is a primary key, its qualifiers in the
 * path in the dictionary's order, every other AI as a query parameter. Throws Gs1Invalid when the data has no
 * primary key, when its qualifiers belong to different sequences, or when an AI may not be a data attribute.
 */
export function toDigitalLink(elements: readonly RawGs1Element[], base = "https://id.gs1.org"): string {
  const unique = elements.filter((e, i) => elements.findIndex((f) => f.ai === e.ai && f.value === e.value) === i);
  const key = unique.find((e) => keyQualifierSequences(e.ai));
  if (!key) throw invalid("has no GS1 Digital Link primary key such as (01), (00) or (414)");
  const sequences = keyQualifierSequences(key.ai) ?? [];
  const qualifierAis = new Set(sequences.flat());
  const present = unique.filter((e) => e !== key && qualifierAis.has(e.ai));
  const sequence = sequences.find((s) => present.every((e) => s.includes(e.ai)));
  if (!sequence) throw invalid(`${present.map((e) => `(${e.ai})`).join(" and ")} cannot qualify (${key.ai}) together`);
  const qualifiers = sequence.flatMap((ai) => present.filter((e) => e.ai === ai));
  const attributes = unique.filter((e) => e !== key && !present.includes(e));
  const notAllowed = attributes.filter((e) => !gs1AiTable[e.ai].isDigitalLinkAttribute);
  if (notAllowed.length > 0) {
    throw new Gs1Invalid(notAllowed.map((e) => ({ field: `(${e.ai})`, message: "cannot be carried in a GS1 Digital Link URI" })));
  }
  // Order carries no meaning in the query; predefined-length AIs first, as the GS1 Syntax Engine writes them.
  const ordered = [
    ...attributes.filter((e) => !gs1AiTable[e.ai].needsFnc1Separator),
    ...attributes.filter((e) => gs1AiTable[e.ai].needsFnc1Separator),
  ];
  const path = [key, ...qualifiers].map((e) => `/${e.ai}/${escapeDigitalLinkValue(e.value, "path")}`).join("");
  const query = ordered.map((e) => `${e.ai}=${escapeDigitalLinkValue(e.value, "query")}`).join("&");
  return `${base.replace(/\/+$/, "")}${path}${query ? `?${query}` : ""}`;
}
