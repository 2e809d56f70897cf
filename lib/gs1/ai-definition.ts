// The shape of the GS1 AI table (ai-table.generated.ts), kept by hand so the generator and the parser share it.

/** One component of an AI's data field: type N (digits), X (CSET 82), Y (CSET 39) or Z (base64url). */
export type Gs1Component = {
  type: "N" | "X" | "Y" | "Z";
  min: number;
  max: number;
  /** Optional components may be left out once the data is exhausted. */
  optional: boolean;
  /** Names of GS1 Barcode Syntax Tests applied to this component ("csum", "yymmd0", ...). */
  linters: readonly string[];
};

export type Gs1AiDefinition = {
  ai: string;
  title: string;
  /** Every component has one fixed length and none is optional. */
  isFixedLength: boolean;
  /** False for the predefined-length AIs ("*" flag), which never need an FNC1/GS after them. */
  needsFnc1Separator: boolean;
  /** May appear as a GS1 Digital Link data attribute ("?" flag). */
  isDigitalLinkAttribute: boolean;
  /** The specification as written in the dictionary, e.g. "N13,csum,gcppos1 [X..17]". */
  spec: string;
  components: readonly Gs1Component[];
  /** Raw attributes ("req=01,02", "ex=8006", "dlpkey=22,10,21|235"), not yet interpreted. */
  attributes: readonly string[];
};
