type Decimalish = { toString(): string } | number | null;

export type StorageNeeds = { tempMinC: Decimalish; tempMaxC: Decimalish; humidityMaxPct: number | null; hazardClass: string | null };
export type StorageOffer = { tempMinC: Decimalish; tempMaxC: Decimalish; humidityMaxPct: number | null; hazardClasses: string[] };

const num = (value: Decimalish) => (value === null ? null : Number(value.toString()));

/**
 * Why a location cannot hold an item, in the words a clerk understands; empty when it can. A location must
 * guarantee the item's whole temperature range (an uncontrolled location guarantees none), be at least as dry,
 * and be approved for its hazard class.
 */
export function storageViolations(item: StorageNeeds, location: StorageOffer): string[] {
  const reasons: string[] = [];
  const [needMin, needMax, haveMin, haveMax] = [num(item.tempMinC), num(item.tempMaxC), num(location.tempMinC), num(location.tempMaxC)];
  if (needMin !== null && (haveMin === null || haveMin < needMin)) reasons.push(`needs at least ${needMin} °C`);
  if (needMax !== null && (haveMax === null || haveMax > needMax)) reasons.push(`needs at most ${needMax} °C`);
  if (item.humidityMaxPct !== null && (location.humidityMaxPct === null || location.humidityMaxPct > item.humidityMaxPct)) {
    reasons.push(`needs humidity at most ${item.humidityMaxPct} %`);
  }
  if (item.hazardClass && !location.hazardClasses.includes(item.hazardClass))
    reasons.push(`hazard class ${item.hazardClass} needs an approved location`);
  return reasons;
}
