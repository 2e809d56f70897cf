import type { DemandClass } from "./types";

/** Syntetos, Boylan & Croston (2005) cut-offs. */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export type Classification = { class: DemandClass; adi: number; cv2: number };

/**
 * ADI: periods per demand occurrence; CV²: squared coefficient of variation of the non-zero demand sizes.
 * A history with no demand at all counts as lumpy (infinitely intermittent); one demand has no size variation.
 */
export function classifyDemand(y: readonly number[]): Classification {
  const sizes = y.filter((v) => v > 0);
  const adi = sizes.length ? y.length / sizes.length : Infinity;
  let cv2 = 0;
  if (sizes.length > 1) {
    const mu = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const variance = sizes.reduce((a, b) => a + (b - mu) ** 2, 0) / (sizes.length - 1);
    cv2 = variance / (mu * mu);
  }
  const isIntermittent = adi >= ADI_CUTOFF;
  const isErratic = cv2 >= CV2_CUTOFF;
  const demandClass: DemandClass = isIntermittent ? (isErratic ? "lumpy" : "intermittent") : isErratic ? "erratic" : "smooth";
  return { class: !sizes.length ? "lumpy" : demandClass, adi, cv2 };
}
