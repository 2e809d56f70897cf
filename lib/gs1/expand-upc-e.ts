/**
 * UPC-E is a zero-suppressed UPC-A; its GTIN is the UPC-A it expands to (GS1 General Specifications 5.2.2.4.2).
 * Takes the 8 digits a reader returns (number system 0 or 1, six data digits, check digit) and answers the 12-digit
 * UPC-A; the check digit carries over unchanged.
 */
export function expandUpcE(upcE: string): string {
  if (!/^[01]\d{7}$/.test(upcE)) throw new Error(`${upcE} is not a UPC-E code (8 digits starting 0 or 1)`);
  const [system, d, check] = [upcE[0], upcE.slice(1, 7), upcE[7]];
  const last = Number(d[5]);
  let body: string;
  if (last <= 2) body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === 3) body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === 4) body = `${d.slice(0, 4)}00000${d[4]}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return `${system}${body}${check}`;
}
