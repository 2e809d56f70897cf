// Misspelled search queries made from real item names, for the search tests and bench/search.ts: the kinds of
// typo people make on a phone keyboard, chosen by a seeded generator so every run asks the same questions.

export type Misspelling = "droppedLetter" | "transposedPair" | "wrongLetter" | "everyWord";
export const MISSPELLINGS: readonly Misspelling[] = ["droppedLetter", "transposedPair", "wrongLetter", "everyWord"];

export type MisspelledQuery = { kind: Misspelling; q: string; sku: string; name: string };

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "sq",
  b: "vn",
  c: "xv",
  d: "sf",
  e: "wr",
  f: "dg",
  g: "fh",
  h: "gj",
  i: "uo",
  j: "hk",
  k: "jl",
  l: "k",
  m: "n",
  n: "bm",
  o: "ip",
  p: "o",
  q: "wa",
  r: "et",
  s: "ad",
  t: "ry",
  u: "yi",
  v: "cb",
  w: "qe",
  x: "zc",
  y: "tu",
  z: "x",
};

// Typos keep the first letter (people rarely get it wrong) and touch letters only, not the hyphen of "hi-vis".
const isLetter = (character: string | undefined) => character !== undefined && /\p{L}/u.test(character);
const letterPositions = (word: string) => [...word].map((_, at) => at).filter((at) => at >= 1 && isLetter(word[at]));
const pickOne = <T>(choices: T[], rnd: () => number) => choices[Math.floor(rnd() * choices.length)];

export function dropLetter(word: string, rnd: () => number): string {
  const at = pickOne(letterPositions(word), rnd);
  return word.slice(0, at) + word.slice(at + 1);
}

/** Swaps two neighbouring letters that differ ("hmamer" for "hammer"; swapping "mm" would be no typo at all). */
export function transposePair(word: string, rnd: () => number): string {
  const pairs = letterPositions(word).filter((at) => isLetter(word[at + 1]) && word[at] !== word[at + 1]);
  if (pairs.length === 0) return dropLetter(word, rnd);
  const at = pickOne(pairs, rnd);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** A neighbouring key on a QWERTY keyboard instead of the letter. */
export function wrongLetter(word: string, rnd: () => number): string {
  const at = pickOne(letterPositions(word), rnd);
  return word.slice(0, at) + pickOne([...(KEYBOARD_NEIGHBOURS[word[at]] ?? "e")], rnd) + word.slice(at + 1);
}

const TYPOS = [dropLetter, transposePair, wrongLetter];

/**
 * What a person types to find an item: the words of its name before the first comma, leaving out sizes, numbers
 * and words of one or two letters ("Cordless drill driver 12 V, body only" → cordless drill driver), at most four.
 */
export function searchPhrase(name: string): string[] {
  const words = name.split(",")[0].toLowerCase().split(/\s+/);
  return words.filter((w) => /^\p{L}[\p{L}-]*\p{L}$/u.test(w) && w.length >= 3).slice(0, 4);
}

/** Words of four letters or more take typos; three-letter words ("hex", "nut", "led") are typed right. */
const isTypoProne = (word: string) => word.length >= 4;

/**
 * The item's search phrase typed with one kind of typo: a letter dropped from its longest word (of six letters
 * or more), two neighbouring letters swapped or a neighbouring key hit in one word, or a typo of any of those
 * kinds in every word of four letters or more (when there are two or more). Undefined when the phrase cannot
 * take that kind.
 */
export function misspell(name: string, kind: Misspelling, rnd: () => number): string | undefined {
  const words = searchPhrase(name);
  const prone = words.map((w, i) => (isTypoProne(w) ? i : -1)).filter((i) => i >= 0);
  if (prone.length === 0) return undefined;
  const longest = prone.reduce((a, b) => (words[b].length > words[a].length ? b : a));
  const any = pickOne(prone, rnd);
  const changed = new Map<number, string>();
  if (kind === "droppedLetter" && words[longest].length >= 6) changed.set(longest, dropLetter(words[longest], rnd));
  if (kind === "transposedPair") changed.set(any, transposePair(words[any], rnd));
  if (kind === "wrongLetter") changed.set(any, wrongLetter(words[any], rnd));
  if (kind === "everyWord" && prone.length >= 2) for (const i of prone) changed.set(i, pickOne(TYPOS, rnd)(words[i], rnd));
  return changed.size === 0 ? undefined : words.map((w, i) => changed.get(i) ?? w).join(" ");
}

/**
 * Whether a hit is what the query was typed for: an item whose name holds every word of the phrase it was made
 * from. Items often share a phrase ("cordless drill driver" names five), and any of them answers it.
 */
export function isIntendedHit(query: { name: string }, hitName: string): boolean {
  const words = new Set(hitName.toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  return searchPhrase(query.name).every((w) => words.has(w));
}

/** One query of each kind per item, where its name allows. */
export function misspelledQueries(items: readonly { sku: string; name: string }[], seed: number): MisspelledQuery[] {
  const rnd = seededRandom(seed);
  return items.flatMap((item) =>
    MISSPELLINGS.map((kind) => ({ kind, q: misspell(item.name, kind, rnd), sku: item.sku, name: item.name })).filter(
      (query): query is MisspelledQuery => query.q !== undefined,
    ),
  );
}
