/** Ids are UUIDs: anything else names no row, and must not reach a ::uuid cast (PostgreSQL would refuse it). */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
