import { ValidationFailed } from "../domain-error";

export class InvalidSscc extends ValidationFailed {
  constructor(sscc: string) {
    super([{ field: "ref", message: `${sscc} is not an SSCC: 18 digits ending in a valid GS1 check digit` }]);
  }
}

export class SkuRequired extends ValidationFailed {
  constructor(kind: "lot" | "serial") {
    super([{ field: "sku", message: `A ${kind} number is unique only within its item: give the item's SKU as sku` }]);
  }
}

export class TooManyLabels extends ValidationFailed {
  constructor(count: number, max: number) {
    super([{ field: "refs", message: `${count} labels asked for; print at most ${max} at once` }]);
  }
}

export class FormatTakesOneLabel extends ValidationFailed {
  constructor(count: number) {
    super([{ field: "format", message: `A PNG holds one label and ${count} were asked for: choose pdf or zpl` }]);
  }
}

export class SizeNotForFormat extends ValidationFailed {
  constructor(size: string, format: string) {
    super([{ field: "size", message: `${size} is not a ${format} label size: choose 4x6 or 62mm` }]);
  }
}
