/** An order line as allocation sees it: its item and how many units it needs. */
export type DemandLine = { itemId: string; quantity: number };
export type Site = { id: string; code: string };
export type Take = { itemId: string; siteId: string; quantity: number };
export type AllocationPlan = { shipSiteId: string | null; takes: Take[] };

/**
 * Where an order's units come from, read off what each site can promise:
 * 1. the first site (by code) that can ship every line in full;
 * 2. else, with `allowSplit`, each line from the sites holding most of it, as far as they go;
 * 3. else the one site that covers most units; what it lacks is backordered there.
 * The ship site is the chosen site (for a split order, the one sending most units). Units no site has stay
 * unplanned: the caller backorders them.
 */
export function planAllocation(
  lines: readonly DemandLine[],
  sites: readonly Site[],
  available: (siteId: string, itemId: string) => number,
  allowSplit: boolean,
): AllocationPlan {
  const ordered = [...sites].sort((a, b) => a.code.localeCompare(b.code));
  const full = ordered.find((site) => lines.every((line) => available(site.id, line.itemId) >= line.quantity));
  if (full) return { shipSiteId: full.id, takes: lines.map((line) => ({ itemId: line.itemId, siteId: full.id, quantity: line.quantity })) };
  if (allowSplit) return planSplit(lines, ordered, available);
  const covered = (site: Site) => lines.reduce((sum, line) => sum + Math.min(available(site.id, line.itemId), line.quantity), 0);
  const best = ordered.reduce<Site | null>((chosen, site) => (chosen === null || covered(site) > covered(chosen) ? site : chosen), null);
  if (!best) return { shipSiteId: null, takes: [] };
  const takes = lines
    .map((line) => ({ itemId: line.itemId, siteId: best.id, quantity: Math.min(available(best.id, line.itemId), line.quantity) }))
    .filter((take) => take.quantity > 0);
  return { shipSiteId: best.id, takes };
}

function planSplit(lines: readonly DemandLine[], sites: readonly Site[], available: (siteId: string, itemId: string) => number): AllocationPlan {
  const takes: Take[] = [];
  for (const line of lines) {
    let remaining = line.quantity;
    const richestFirst = [...sites].sort((a, b) => available(b.id, line.itemId) - available(a.id, line.itemId));
    for (const site of richestFirst) {
      if (remaining === 0) break;
      const take = Math.min(available(site.id, line.itemId), remaining);
      if (take > 0) takes.push({ itemId: line.itemId, siteId: site.id, quantity: take });
      remaining -= take;
    }
  }
  const unitsBySite = new Map<string, number>();
  for (const take of takes) unitsBySite.set(take.siteId, (unitsBySite.get(take.siteId) ?? 0) + take.quantity);
  const shipSiteId = [...unitsBySite.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? sites[0]?.id ?? null;
  return { shipSiteId, takes };
}
