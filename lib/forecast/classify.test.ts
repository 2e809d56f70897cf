import { describe, expect, it } from "vitest";
import { classifyDemand } from "./classify";

describe("classifyDemand", () => {
  it("sorts by ADI 1.32 and CV² 0.49", () => {
    expect(classifyDemand([1, 1, 1, 1]).class).toBe("smooth");
    expect(classifyDemand([1, 0, 1, 0]).class).toBe("intermittent");
    // sizes 1 and 10: mean 5.5, sample variance 27, CV² 0.893
    expect(classifyDemand([1, 10, 1, 10])).toMatchObject({ class: "erratic", adi: 1 });
    expect(classifyDemand([1, 10, 1, 10]).cv2).toBeCloseTo(27 / 30.25, 12);
    expect(classifyDemand([1, 0, 10, 0, 1, 0, 10, 0]).class).toBe("lumpy");
  });

  it("counts an ADI of exactly 1.32 as intermittent and just under as smooth", () => {
    const exactly = [...new Array<number>(25).fill(2), ...new Array<number>(8).fill(0)]; // 33 / 25 = 1.32
    expect(classifyDemand(exactly).class).toBe("intermittent");
    const under = [...new Array<number>(26).fill(2), ...new Array<number>(8).fill(0)]; // 34 / 26 ≈ 1.308
    expect(classifyDemand(under).class).toBe("smooth");
  });

  it("puts the CV² cut-off at 0.49", () => {
    // sizes 1 ± d have mean 1 and sample variance 2d²: d = 0.5 gives 0.5, d = 0.49 gives 0.4802
    expect(classifyDemand([1.5, 0.5])).toMatchObject({ class: "erratic", cv2: 0.5 });
    expect(classifyDemand([1.49, 0.51]).class).toBe("smooth");
    expect(classifyDemand([1.49, 0.51]).cv2).toBeCloseTo(0.4802, 10);
  });

  it("calls a history without any demand lumpy", () => {
    expect(classifyDemand([0, 0, 0]).class).toBe("lumpy");
  });
});
