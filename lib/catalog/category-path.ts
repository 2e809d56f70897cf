/** Category paths are written "Tools > Power tools > Drills": each segment is a category under the one before. */
const SEPARATOR = " > ";
export const MAX_CATEGORY_DEPTH = 8;
export const MAX_CATEGORY_NAME = 80;

export function categorySegments(path: string): string[] {
  return path.split(">").map((segment) => segment.trim());
}

export function isValidCategoryPath(path: string): boolean {
  const segments = categorySegments(path);
  return segments.length <= MAX_CATEGORY_DEPTH && segments.every((s) => s.length > 0 && s.length <= MAX_CATEGORY_NAME);
}

/** "Tools>Power tools >  Drills" → "Tools > Power tools > Drills": one spelling per category, so one row. */
export function normaliseCategoryPath(path: string): string {
  return categorySegments(path).join(SEPARATOR);
}

/** Every ancestor path and the path itself, root first: what must exist for the category to exist. */
export function categoryPathPrefixes(path: string): { name: string; path: string }[] {
  const segments = categorySegments(path);
  return segments.map((name, depth) => ({ name, path: segments.slice(0, depth + 1).join(SEPARATOR) }));
}

/** Prisma filter for a category and everything under it. */
export function categorySubtree(path: string) {
  return { OR: [{ path }, { path: { startsWith: path + SEPARATOR } }] };
}
