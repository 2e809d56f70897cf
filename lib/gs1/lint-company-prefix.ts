/**
 * Default of the Syntax Engine when no list of allocated GS1 Company Prefixes is at hand: the data must at least
 * start with the shortest possible prefix, four digits.
 */
export function lintCompanyPrefix(data: string): string | undefined {
  if (data.length < 4) return `${JSON.stringify(data)} is too short to start with a GS1 Company Prefix`;
  return /^\d{4}/.test(data) ? undefined : `${JSON.stringify(data)} does not start with a GS1 Company Prefix (digits)`;
}
