// The names TF.js gives a model's weights: `<layer>/<weight>` for each layer of the model, the
// names its layers were built under (an RNN's cell builds inside its layer's scope, so an LSTM's kernel
// is `lstm/kernel`; a Bidirectional builds each direction in a scope of its own name). Layers TF.js
// does not have (several sublayers with a `kernel` each, as MultiHeadAttention) get the sublayer's
// name in the path too, so that every name stays unique.
import type { Variable } from '@strata/tensor';
import { type Layer, Bidirectional } from '@strata/layers';
import { BaseDepthwiseConv } from '@strata/layers/internal';
import { Functional } from '@strata/models';

/** The chain of sublayers from `layer` (excluded) down to the one that created `w` (included). */
function ownerChain(layer: Layer, w: Variable): Layer[] | null {
  if (layer.weightName(w) !== w.name) return [];
  for (const sub of layer.layers) {
    const chain = ownerChain(sub, w);
    if (chain) return [sub, ...chain];
  }
  return null;
}

/** The short name a weight was created with (Keras 2 / TF.js spelling). */
function shortName(owner: Layer, w: Variable): string {
  const own = owner.weightName(w);
  // Keras 3 calls a depthwise convolution's kernel `kernel`; Keras 2 and TF.js `depthwise_kernel`.
  if (own === 'kernel' && owner instanceof BaseDepthwiseConv) return 'depthwise_kernel';
  return own !== w.name ? own : w.name.slice(w.name.lastIndexOf('/') + 1);
}

/** Each weight of `model`, in `model.weights` order, with the name TF.js gives it. */
export function tfjsWeightNames(model: Layer): Map<Variable, string> {
  const simple = new Map<Variable, string>();
  const full = new Map<Variable, string>();
  const visit = (layer: Layer): void => {
    if (layer instanceof Functional) {
      for (const l of layer.layers) visit(l);
      return;
    }
    for (const w of layer.weights) {
      if (simple.has(w)) continue;
      const chain = ownerChain(layer, w) ?? [];
      const owner = chain[chain.length - 1] ?? layer;
      const short = shortName(owner, w);
      const direction =
        layer instanceof Bidirectional
          ? chain.find((l) => l === layer.forwardLayer || l === layer.backwardLayer)
          : undefined;
      simple.set(w, direction ? `${layer.name}/${direction.name}/${short}` : `${layer.name}/${short}`);
      full.set(w, [layer.name, ...chain.map((l) => l.name), short].join('/'));
    }
  };
  visit(model);
  const counts = new Map<string, number>();
  for (const n of simple.values()) counts.set(n, (counts.get(n) ?? 0) + 1);
  return new Map(
    model.weights.map((w) => {
      const name = simple.get(w) ?? w.name;
      return [w, (counts.get(name) ?? 0) > 1 ? (full.get(w) ?? name) : name];
    }),
  );
}
