import { invalidEpc } from "./errors";

/** Reads an EPC binary encoding field by field, most significant bit first. */
export class BitReader {
  private readonly bits: string;
  private position = 0;

  constructor(
    hex: string,
    private readonly scheme: string,
  ) {
    this.bits = [...hex].map((digit) => Number.parseInt(digit, 16).toString(2).padStart(4, "0")).join("");
  }

  /** How many bits have been read so far. */
  get consumed(): number {
    return this.position;
  }

  get available(): number {
    return this.bits.length;
  }

  /** The next `width` bits as an unsigned integer. */
  read(width: number): bigint {
    if (this.position + width > this.bits.length) {
      throw invalidEpc(`is too short for ${this.scheme.toUpperCase()}: it ends after ${this.bits.length} bits`);
    }
    const slice = this.bits.slice(this.position, this.position + width);
    this.position += width;
    return width === 0 ? 0n : BigInt(`0b${slice}`);
  }
}
