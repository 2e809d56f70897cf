import { gs1CheckDigit } from "../gs1/check-digit";
import type { EpcKey } from "./epc-schemes";

export type Gs1Element = { ai: string; value: string };

type KeyParts = { companyPrefix: string; reference: string; serial: string };

const withCheckDigit = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;

/**
 * The GS1 element string an EPC stands for (TDS 2.x §7): the key rebuilt with its check digit, and its serial or
 * extension under the AI that goes with it. For SGTIN and SSCC the first digit of the EPC's reference field is
 * the indicator or extension digit, which comes first in the key. GID has no GS1 equivalent.
 */
export function toGs1Elements(key: EpcKey, { companyPrefix, reference, serial }: KeyParts): Gs1Element[] {
  const leadingDigitFirst = () => withCheckDigit(`${reference[0]}${companyPrefix}${reference.slice(1)}`);
  const keyWithCheckDigit = () => withCheckDigit(`${companyPrefix}${reference}`);
  switch (key) {
    case "sgtin":
      return [
        { ai: "01", value: leadingDigitFirst() },
        { ai: "21", value: serial },
      ];
    case "sscc":
      return [{ ai: "00", value: leadingDigitFirst() }];
    case "sgln":
      // TDS §7.4: extension "0" means the GLN alone, without AI 254.
      return [{ ai: "414", value: keyWithCheckDigit() }, ...(serial === "0" ? [] : [{ ai: "254", value: serial }])];
    case "grai":
      // AI 8003 starts with a zero digit before the 13-digit GRAI key.
      return [{ ai: "8003", value: `0${keyWithCheckDigit()}${serial}` }];
    case "giai":
      return [{ ai: "8004", value: `${companyPrefix}${reference}` }];
    case "gsrn":
      return [{ ai: "8018", value: keyWithCheckDigit() }];
    case "gsrnp":
      return [{ ai: "8017", value: keyWithCheckDigit() }];
    case "gdti":
      return [{ ai: "253", value: `${keyWithCheckDigit()}${serial}` }];
    case "sgcn":
      return [{ ai: "255", value: `${keyWithCheckDigit()}${serial}` }];
    case "cpi":
      return [
        { ai: "8010", value: `${companyPrefix}${reference}` },
        { ai: "8011", value: serial },
      ];
    case "gid":
      return [];
  }
}
