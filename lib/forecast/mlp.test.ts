import { describe, expect, it } from "vitest";
import { predict, seededRandom, trainMlp } from "./mlp";

function samples(count: number, seed: number) {
  const random = seededRandom(seed);
  const inputs = Array.from({ length: count }, () => Float64Array.from({ length: 3 }, () => random() * 2 - 1));
  const targets = inputs.map(([a, b, c]) => Float64Array.of(a + 0.5 * b, Math.max(0, c) - a));
  return { inputs, targets };
}

function meanAbsoluteError(predictions: Float64Array[], targets: Float64Array[]): number {
  let sum = 0;
  predictions.forEach((p, s) => p.forEach((v, k) => (sum += Math.abs(v - targets[s][k]))));
  return sum / (predictions.length * predictions[0].length);
}

describe("trainMlp", () => {
  const training = samples(2_000, 1);
  const unseen = samples(300, 2);
  const options = { hidden: [16, 16], epochs: 40, seed: 7, learningRate: 0.01 };

  it("learns a mapping, kinks included, well enough to predict inputs it never saw", () => {
    const untrained = trainMlp(training.inputs, training.targets, { ...options, epochs: 0 });
    const trained = trainMlp(training.inputs, training.targets, options);
    const before = meanAbsoluteError(
      unseen.inputs.map((x) => predict(untrained, x)),
      unseen.targets,
    );
    const after = meanAbsoluteError(
      unseen.inputs.map((x) => predict(trained, x)),
      unseen.targets,
    );
    expect(before).toBeGreaterThan(0.3);
    expect(after).toBeLessThan(0.05);
  });

  it("gives the same network for the same seed, another for another", () => {
    const x = unseen.inputs[0];
    const first = predict(trainMlp(training.inputs, training.targets, { ...options, epochs: 2 }), x);
    const again = predict(trainMlp(training.inputs, training.targets, { ...options, epochs: 2 }), x);
    const other = predict(trainMlp(training.inputs, training.targets, { ...options, epochs: 2, seed: 8 }), x);
    expect([...again]).toEqual([...first]);
    expect([...other]).not.toEqual([...first]);
  });

  it("learns nothing from unknown (NaN) targets and stays finite", () => {
    const halfKnown = training.targets.map(([a]) => Float64Array.of(a, NaN));
    const trained = trainMlp(training.inputs, halfKnown, options);
    const predictions = unseen.inputs.map((x) => predict(trained, x));
    expect(predictions.every((p) => p.every(Number.isFinite))).toBe(true);
    expect(
      meanAbsoluteError(
        predictions.map((p) => p.subarray(0, 1)),
        unseen.targets.map((t) => t.subarray(0, 1)),
      ),
    ).toBeLessThan(0.05);
  });
});
