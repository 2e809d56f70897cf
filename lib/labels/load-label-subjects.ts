import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { hasValidGs1CheckDigit } from "../gs1/check-digit";
import { InvalidSscc, SkuRequired, TooManyLabels } from "./errors";
import type { LabelSubject } from "./label-subject";
import type { LabelRequest } from "./schemas";

/** A4 sheets of 24: about forty pages, as much as anyone prints (and waits for) in one go. */
export const MAX_LABELS = 1000;

const withGtin = {
  sku: true,
  skuKey: true,
  name: true,
  barcodes: { where: { kind: "gtin" }, select: { code: true }, orderBy: { code: "asc" }, take: 1 },
} as const;

/** Items by SKU in any case (as lib/catalog/get-item.ts finds them), each once, in the order first asked. */
async function findItems(db: Db, skus: string[]) {
  const asked = new Map(skus.map((sku) => [sku.trim().toLowerCase(), sku.trim()] as const).reverse());
  const items = await db.item.findMany({ where: { skuKey: { in: [...asked.keys()] } }, select: withGtin });
  const byKey = new Map(items.map((item) => [item.skuKey, { ...item, gtin: item.barcodes[0]?.code ?? null }]));
  return [...new Set(skus.map((sku) => sku.trim().toLowerCase()))].map((key) => {
    const item = byKey.get(key);
    if (!item) throw new NotFound("Item", asked.get(key) ?? key);
    return item;
  });
}

/**
 * Bin labels, at sites the actor may view. `subtree` gives every bin under each location in path order (a
 * prefix query on the materialised path), or the location itself when nothing beneath it is a bin yet.
 */
async function loadBins(db: Db, actor: Actor, codes: string[], subtree: boolean): Promise<LabelSubject[]> {
  const wanted = [...new Set(codes.map((code) => code.trim().toUpperCase()))];
  const roots = await db.location.findMany({
    where: { code: { in: wanted } },
    select: { code: true, name: true, path: true, siteId: true, type: true },
  });
  const byCode = new Map(roots.map((root) => [root.code, root]));
  const bins: LabelSubject[] = [];
  for (const code of wanted) {
    const root = byCode.get(code);
    if (!root) throw new NotFound("Location", code);
    authorize(actor, "stock.view", { siteId: root.siteId });
    const under = subtree
      ? await db.location.findMany({
          where: {
            siteId: root.siteId,
            type: "bin",
            isVirtual: false,
            active: true,
            OR: [{ code: root.code }, { path: { startsWith: `${root.path}/` } }],
          },
          select: { code: true, name: true },
          orderBy: [{ path: "asc" }, { code: "asc" }],
          take: MAX_LABELS + 1,
        })
      : [];
    const chosen = under.length > 0 ? under : [root];
    bins.push(...chosen.map((bin) => ({ kind: "bin" as const, code: bin.code, name: bin.name })));
  }
  return bins;
}

async function loadLot(db: Db, number: string, sku: string): Promise<LabelSubject> {
  const [item] = await findItems(db, [sku]);
  const lot = await db.lot.findFirst({ where: { item: { skuKey: item.skuKey }, number }, select: { number: true, expiresOn: true } });
  if (!lot) throw new NotFound("Lot", `${number} of ${item.sku}`);
  return { kind: "lot", sku: item.sku, name: item.name, gtin: item.gtin, lot: lot.number, expiresOn: lot.expiresOn };
}

async function loadSerial(db: Db, serial: string, sku: string): Promise<LabelSubject> {
  const [item] = await findItems(db, [sku]);
  const unit = await db.serial.findFirst({ where: { item: { skuKey: item.skuKey }, serial }, select: { serial: true } });
  if (!unit) throw new NotFound("Serial", `${serial} of ${item.sku}`);
  return { kind: "serial", sku: item.sku, name: item.name, gtin: item.gtin, serial: unit.serial };
}

function toSscc(ref: string): LabelSubject {
  const sscc = ref.replace(/^\(00\)/, "").replace(/\s+/g, "");
  if (!/^\d{18}$/.test(sscc) || !hasValidGs1CheckDigit(sscc)) throw new InvalidSscc(ref);
  return { kind: "sscc", sscc };
}

/**
 * What to print for a label request, in the order asked. Needs stock.view (for bins, at the bin's site); an
 * unknown SKU, location, lot or serial is NotFound. Lot and serial numbers are exact; SKUs and location codes
 * are compared as the catalogue and the location tree store them (SKUs without regard to case, codes upper-case).
 */
export async function loadLabelSubjects(db: Db, actor: Actor, request: LabelRequest): Promise<LabelSubject[]> {
  authorize(actor, "stock.view");
  const refs = request.refs.map((ref) => ref.trim());
  let subjects: LabelSubject[];
  switch (request.kind) {
    case "item":
      subjects = (await findItems(db, refs)).map((item) => ({ kind: "item", sku: item.sku, name: item.name, gtin: item.gtin }));
      break;
    case "bin":
      subjects = await loadBins(db, actor, refs, request.subtree ?? false);
      break;
    case "lot":
    case "serial": {
      const sku = request.sku;
      if (!sku) throw new SkuRequired(request.kind);
      const load = request.kind === "lot" ? loadLot : loadSerial;
      subjects = await Promise.all(refs.map((ref) => load(db, ref, sku)));
      break;
    }
    case "sscc":
      subjects = refs.map(toSscc);
      break;
  }
  if (subjects.length > MAX_LABELS) throw new TooManyLabels(subjects.length, MAX_LABELS);
  return subjects;
}
