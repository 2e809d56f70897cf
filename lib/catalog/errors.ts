import { Conflict, ValidationFailed } from "../domain-error";

export class SkuTaken extends Conflict {
  readonly code = "sku_taken";
  constructor(sku: string) {
    super(`An item with the SKU ${sku} already exists (SKUs are compared without regard to case)`, { sku });
  }
}

export class BarcodeTaken extends Conflict {
  readonly code = "barcode_taken";
  constructor(barcode: string, heldBy?: string) {
    super(heldBy ? `The barcode ${barcode} already belongs to item ${heldBy}` : `The barcode ${barcode} already belongs to another item`, {
      barcode,
      ...(heldBy ? { heldBy } : {}),
    });
  }
}

export class UnknownSupplier extends ValidationFailed {
  constructor(unknown: { index: number; code: string }[]) {
    super(unknown.map(({ index, code }) => ({ field: `suppliers.${index}.supplier`, message: `Unknown supplier code: ${code}` })));
  }
}

export class SkuCannotChange extends ValidationFailed {
  constructor() {
    super([{ field: "sku", message: "A SKU cannot change: create a new item and archive this one" }]);
  }
}

export class ItemHasHistory extends Conflict {
  readonly code = "item_has_history";
  constructor(sku: string) {
    super(`${sku} has stock movements: its unit and tracking mode can no longer change. Create a new item instead`, { sku });
  }
}
