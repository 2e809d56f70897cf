/**
 * Writes lib/gs1/ai-table.generated.ts from GS1's Barcode Syntax Dictionary, so the AI table is never typed by hand.
 *
 *   npx tsx scripts/generate-gs1-ai-table.ts [path/to/gs1-syntax-dictionary.txt]
 *
 * Default input: ../shared/data/gs1/gs1-syntax-dictionary.txt (relative to the repository root).
 * Line syntax (see the dictionary's header): `AIs [Flags] Specification [Attributes...] [# Title]`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Gs1AiDefinition, Gs1Component } from "../lib/gs1/ai-definition";

type Component = Gs1Component & { linters: string[] };
type Entry = Gs1AiDefinition & { components: Component[]; attributes: string[] };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const defaultInput = path.resolve(root, "../shared/data/gs1/gs1-syntax-dictionary.txt");
const output = path.join(root, "lib/gs1/ai-table.generated.ts");

/** "N14,csum,gcppos2", "[N3],iso3166", "X..20" → one component. */
function parseComponent(token: string, line: string): Component {
  const match = /^(\[)?([NXYZ])(\d+)?(?:\.\.(\d+))?(\])?((?:,[a-z0-9]+)*)$/.exec(token);
  if (!match || (match[1] ? !match[5] : match[5]) || (!match[3] && !match[4])) {
    throw new Error(`Cannot read component "${token}" in: ${line}`);
  }
  const [, open, type, fixed, variableMax, , linters] = match;
  const isVariable = variableMax !== undefined;
  return {
    type: type as Gs1Component["type"], // the pattern admits only N, X, Y and Z
    // "N..20" means 1 to 20; a leading number before ".." does not occur in the dictionary.
    min: isVariable ? 1 : Number(fixed),
    max: isVariable ? Number(variableMax) : Number(fixed),
    optional: Boolean(open),
    linters: linters ? linters.slice(1).split(",") : [],
  };
}

function expandAis(field: string, line: string): string[] {
  const range = /^(\d{2,4})(?:-(\d{2,4}))?$/.exec(field);
  if (!range) throw new Error(`Cannot read AI "${field}" in: ${line}`);
  const [, first, last = first] = range;
  if (first.length !== last.length) throw new Error(`Range ends differ in length in: ${line}`);
  const ais: string[] = [];
  for (let n = Number(first); n <= Number(last); n++) ais.push(String(n).padStart(first.length, "0"));
  return ais;
}

export function parseDictionary(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(rawLine)) continue;
    const hash = rawLine.indexOf("#");
    const title = hash >= 0 ? rawLine.slice(hash + 1).trim() : "";
    const tokens = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim().split(/\s+/);
    const ais = expandAis(tokens.shift() ?? "", rawLine);
    // Flags are drawn from punctuation only; a specification starts with a type letter or "[".
    const flags = tokens[0] && /^[*!?"$%&'()+,\-./:;<=>@\\^_`{|}~]+$/.test(tokens[0]) ? (tokens.shift() ?? "") : "";
    const componentTokens: string[] = [];
    while (tokens.length > 0 && /^\[?[NXYZ]/.test(tokens[0])) componentTokens.push(tokens.shift() ?? "");
    if (componentTokens.length === 0) throw new Error(`No specification in: ${rawLine}`);
    const components = componentTokens.map((t) => parseComponent(t, rawLine));
    for (const ai of ais) {
      entries.push({
        ai,
        title,
        isFixedLength: components.every((c) => !c.optional && c.min === c.max),
        needsFnc1Separator: !flags.includes("*"),
        isDigitalLinkAttribute: flags.includes("?"),
        spec: componentTokens.join(" "),
        components,
        attributes: [...tokens],
      });
    }
  }
  return entries;
}

function render(entries: Entry[]): string {
  const rows = entries.map((e) => `  ${JSON.stringify(e.ai)}: ${JSON.stringify(e)},`).join("\n");
  return `// Generated from GS1's Barcode Syntax Dictionary (gs1-syntax-dictionary.txt, Apache-2.0,
// Copyright (c) 2021-2026 GS1 AISBL, 2020-2021 BWIPP and Zint projects) by scripts/generate-gs1-ai-table.ts.
// Do not edit by hand. Regenerate with:
//   npx tsx scripts/generate-gs1-ai-table.ts [path/to/gs1-syntax-dictionary.txt]

import type { Gs1AiDefinition } from "./ai-definition";

export const gs1AiTable: Readonly<Record<string, Gs1AiDefinition>> = {
${rows}
};
`;
}

function main(): void {
  const input = process.argv[2] ? path.resolve(process.argv[2]) : defaultInput;
  const entries = parseDictionary(readFileSync(input, "utf8"));
  writeFileSync(output, render(entries));
  console.log(`Wrote ${entries.length} AIs to ${path.relative(root, output)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
