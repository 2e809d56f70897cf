/**
 * A small multilayer perceptron (ReLU hidden layers, linear outputs) trained by minibatch Adam on a Huber loss.
 * Written here rather than taken from npm: TensorFlow.js would serve, but its pure-JavaScript back end is a large
 * dependency for two small layers (its fast ones are native or GPU), and brain.js brings gpu.js with a WebGPU
 * binding. Two layers, Adam and a loss that skips unknown targets fit in this file. Deterministic for a given
 * seed, so the same history always gives the same forecast.
 */

type Layer = { inputs: number; outputs: number; weights: Float64Array; bias: Float64Array; relu: boolean };
export type Mlp = { layers: Layer[] };

export type TrainingOptions = {
  hidden: readonly number[];
  epochs: number;
  seed: number;
  learningRate?: number;
  batchSize?: number;
  /** Residuals beyond it are penalised linearly: a few outlying windows do not steer the fit. */
  huberDelta?: number;
};

/** Park–Miller-style linear congruential generator: reproducible, and good enough to shuffle and initialise. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
}

function createMlp(inputs: number, hidden: readonly number[], outputs: number, random: () => number): Mlp {
  const sizes = [inputs, ...hidden, outputs];
  const layers = sizes.slice(1).map((size, i): Layer => {
    const fanIn = sizes[i];
    const last = i === sizes.length - 2;
    // He initialisation for ReLU layers; small output weights so that training starts near "no change".
    const spread = Math.sqrt(2 / fanIn) * (last ? 0.1 : 1);
    return {
      inputs: fanIn,
      outputs: size,
      weights: Float64Array.from({ length: fanIn * size }, () => gaussian(random) * spread),
      bias: new Float64Array(size),
      relu: !last,
    };
  });
  return { layers };
}

/** Activations of every layer, the input first. */
function forwardAll(mlp: Mlp, input: Float64Array, activations: Float64Array[]): void {
  activations[0] = input;
  mlp.layers.forEach((layer, l) => {
    const from = activations[l];
    const to = activations[l + 1];
    for (let j = 0; j < layer.outputs; j++) {
      let sum = layer.bias[j];
      const row = j * layer.inputs;
      for (let i = 0; i < layer.inputs; i++) sum += layer.weights[row + i] * from[i];
      to[j] = layer.relu && sum < 0 ? 0 : sum;
    }
  });
}

function activationBuffers(mlp: Mlp): Float64Array[] {
  return [new Float64Array(mlp.layers[0].inputs), ...mlp.layers.map((layer) => new Float64Array(layer.outputs))];
}

export function predict(mlp: Mlp, input: Float64Array): Float64Array {
  const activations = activationBuffers(mlp);
  forwardAll(mlp, input, activations);
  return activations[activations.length - 1];
}

/**
 * Fits a network mapping each input to its target. A target entry that is NaN is unknown (a window running past
 * the end of its history) and contributes nothing.
 */
export function trainMlp(inputs: readonly Float64Array[], targets: readonly Float64Array[], options: TrainingOptions): Mlp {
  const { hidden, epochs, seed, learningRate = 0.001, batchSize = 64, huberDelta = 0.1 } = options;
  const random = seededRandom(seed);
  const mlp = createMlp(inputs[0].length, hidden, targets[0].length, random);
  const adam = createAdam(mlp);
  const gradients = mlp.layers.map((layer) => ({ weights: new Float64Array(layer.weights.length), bias: new Float64Array(layer.outputs) }));
  const activations = activationBuffers(mlp);
  const deltas = activations.map((a) => new Float64Array(a.length));
  const order = Array.from(inputs.keys());
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    const rate = learningRate * (1 - epoch / epochs);
    for (let start = 0; start < order.length; start += batchSize) {
      for (const g of gradients) {
        g.weights.fill(0);
        g.bias.fill(0);
      }
      const batch = order.slice(start, start + batchSize);
      for (const s of batch) accumulate(mlp, inputs[s], targets[s], huberDelta, activations, deltas, gradients);
      adam.step(gradients, batch.length, rate);
    }
  }
  return mlp;
}

function accumulate(
  mlp: Mlp,
  input: Float64Array,
  target: Float64Array,
  huberDelta: number,
  activations: Float64Array[],
  deltas: Float64Array[],
  gradients: { weights: Float64Array; bias: Float64Array }[],
): void {
  forwardAll(mlp, input, activations);
  const output = activations[activations.length - 1];
  const outputDelta = deltas[deltas.length - 1];
  for (let k = 0; k < output.length; k++) {
    const residual = Number.isNaN(target[k]) ? 0 : output[k] - target[k];
    outputDelta[k] = Math.abs(residual) <= huberDelta ? residual : huberDelta * Math.sign(residual);
  }
  for (let l = mlp.layers.length - 1; l >= 0; l--) {
    const layer = mlp.layers[l];
    const delta = deltas[l + 1];
    const from = activations[l];
    const { weights, bias } = gradients[l];
    // The first layer's delta would be the input's, which nothing uses: a third of the work saved.
    const back = l > 0 ? deltas[l] : null;
    back?.fill(0);
    for (let j = 0; j < layer.outputs; j++) {
      const d = delta[j];
      if (d === 0) continue;
      bias[j] += d;
      const row = j * layer.inputs;
      for (let i = 0; i < layer.inputs; i++) weights[row + i] += d * from[i];
      if (back) for (let i = 0; i < layer.inputs; i++) back[i] += d * layer.weights[row + i];
    }
    // Back through the ReLU: a unit that was off passed nothing forward, so takes no blame.
    if (back) for (let i = 0; i < back.length; i++) if (from[i] <= 0) back[i] = 0;
  }
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

function createAdam(mlp: Mlp) {
  const moments = mlp.layers.map((layer) => ({
    weights: [new Float64Array(layer.weights.length), new Float64Array(layer.weights.length)],
    bias: [new Float64Array(layer.outputs), new Float64Array(layer.outputs)],
  }));
  let steps = 0;
  const update = (values: Float64Array, gradient: Float64Array, [first, second]: Float64Array[], scale: number, rate: number) => {
    const firstCorrection = 1 - 0.9 ** steps;
    const secondCorrection = 1 - 0.999 ** steps;
    for (let i = 0; i < values.length; i++) {
      const g = gradient[i] * scale;
      first[i] = 0.9 * first[i] + 0.1 * g;
      second[i] = 0.999 * second[i] + 0.001 * g * g;
      values[i] -= (rate * (first[i] / firstCorrection)) / (Math.sqrt(second[i] / secondCorrection) + 1e-8);
    }
  };
  return {
    step(gradients: { weights: Float64Array; bias: Float64Array }[], batchLength: number, rate: number) {
      steps++;
      mlp.layers.forEach((layer, l) => {
        update(layer.weights, gradients[l].weights, moments[l].weights, 1 / batchLength, rate);
        update(layer.bias, gradients[l].bias, moments[l].bias, 1 / batchLength, rate);
      });
    },
  };
}
