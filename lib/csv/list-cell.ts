/** A cell holding several codes (barcodes, serials): separated by spaces or pipes when read, by pipes when written. */
export function splitListCell(cell: string): string[] {
  return cell.split(/[\s|]+/).filter(Boolean);
}

export function joinListCell(codes: readonly string[]): string {
  return codes.join("|");
}
