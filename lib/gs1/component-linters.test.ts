import { describe, expect, it } from "vitest";
import { componentLinters } from "./component-linters";
import { Gs1Invalid, parseGs1 } from "./parse-element-string";

/** [linter, inputs that pass, inputs that fail] */
const cases: [string, string[], string[]][] = [
  ["csumalpha", ["1987654Ad4X4bL5ttr2310c2K", "22"], ["1987654Ad4X4bL5ttr2310c2X", "2", " 2"]],
  ["cset39", ["AB-12/#"], ["ab"]],
  ["cset64", ["ab-_", "12=", "1=="], ["123=", "===", "a b"]],
  ["gcppos1", ["0123", "0123ABC"], ["012", "012A"]],
  ["gcppos2", ["90123"], ["9012", "9A123"]],
  ["hh", ["00", "23"], ["24", "1"]],
  ["mi", ["59"], ["60"]],
  ["ss", ["00"], ["61"]],
  ["zero", ["0", "00"], ["", "01"]],
  ["nonzero", ["01"], ["00", "", "A1"]],
  ["nozeroprefix", ["10", ""], ["0", "01"]],
  ["hasnondigit", ["12A"], ["123"]],
  ["hyphen", ["-"], ["", "X"]],
  ["yesno", ["0", "1"], ["2"]],
  ["winding", ["9"], ["2"]],
  ["iso5218", ["2", "9"], ["3"]],
  ["mediatype", ["01", "10", "80"], ["00", "11", "79"]],
  ["importeridx", ["-", "z"], ["AA", "!"]],
  ["iso3166", ["276", "840"], ["000", "999"]],
  ["iso3166999", ["999", "276"], ["998"]],
  ["iso3166alpha2", ["DE", "GB"], ["UK", "de"]],
  ["iso4217", ["978", "840", "924"], ["191", "000"]],
  ["latitude", ["1800000000"], ["1800000001", "180000000"]],
  ["longitude", ["3600000000"], ["3600000001"]],
  ["pcenc", ["ABC%20", "%ff"], ["%g0", "AB%2"]],
  ["pieceoftotal", ["0103", "11"], ["0301", "0003", "111"]],
  ["posinseqslash", ["2/3", "10/10"], ["3/2", "01/2", "1/"]],
  ["iban", ["DE91100000000123456789", "GB98MIDL07009312345678"], ["DE91100000000123456780", "XX361234567890"]],
];

describe("componentLinters", () => {
  it.each(cases)("%s accepts good input and rejects bad input", (name, good, bad) => {
    for (const input of good) expect(componentLinters[name](input), `${name} ${input}`).toBeUndefined();
    for (const input of bad) expect(componentLinters[name](input), `${name} ${input}`).toBeTypeOf("string");
  });

  it("runs the linters while parsing, naming the AI", () => {
    const read = () => parseGs1("(01)09506000134352(422)000");
    expect(read).toThrow(Gs1Invalid);
    expect(read).toThrow(/\(422\): "000" is not an ISO 3166 numeric country code/);
    expect(parseGs1("(01)09506000134352(422)276").elements[1].value).toBe("276");
  });
});
