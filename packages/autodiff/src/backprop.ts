import { StrataError, tidy, zerosLike, type Tensor } from '@strata/tensor';
import { fmtShape } from '@strata/tensor/internal';
import { entryFor, type GradientRegistry } from './registry';
import { reduceToShape } from './reduce-to-shape';
import { GradientMap } from './gradient-map';

/** One recorded op, as a tape keeps it: ids to link nodes, and its own handles on the values. */
export interface TapeNode {
  readonly op: string;
  readonly inputIds: readonly number[];
  readonly outputIds: readonly number[];
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly attrs: unknown;
}

export interface BackpropRequest {
  nodes: readonly TapeNode[];
  registry: GradientRegistry;
  /** (target id, its gradient); a target may appear twice, its gradients are summed. */
  seeds: readonly (readonly [number, Tensor])[];
  sourceIds: readonly number[];
  /** Every tensor with an id above this one was made during this pass. */
  firstId: number;
}

export interface BackpropResult {
  /** Gradient per source id; absent where the source is unconnected. */
  gradients: Map<number, Tensor>;
  /** False for a gradient this pass did not make (a seed passed through): copy it before handing it out. */
  owned(t: Tensor): boolean;
}

/** Ids reachable from the sources through recorded ops: only these need gradients. */
function dependsOnSources(nodes: readonly TapeNode[], sourceIds: readonly number[]): Set<number> {
  const reached = new Set(sourceIds);
  for (const node of nodes) {
    if (node.inputIds.some((id) => reached.has(id))) for (const id of node.outputIds) reached.add(id);
  }
  return reached;
}

/**
 * The reverse pass. Nodes are visited in reverse recording order, which is a topological order:
 * an op is recorded after every op that made its inputs, so all consumers of a tensor are done
 * before its gradient is passed on.
 */
export function backprop({ nodes, registry, seeds, sourceIds, firstId }: BackpropRequest): BackpropResult {
  const relevant = dependsOnSources(nodes, sourceIds);
  const sources = new Set(sourceIds);
  const map = new GradientMap(firstId);
  try {
    map.accumulate(seeds.filter(([id]) => relevant.has(id)));
    // A seed made for an unconnected target never enters the map, which would free it.
    for (const [id, seed] of seeds) if (!relevant.has(id) && map.owns(seed)) seed.dispose();
    for (let n = nodes.length - 1; n >= 0; n--) {
      const node = nodes[n];
      if (!node.outputIds.some((id) => map.has(id))) continue;
      const needed = node.inputIds.map((id, i) => relevant.has(id) && node.inputs[i].dtype === 'float32');
      if (needed.some(Boolean)) {
        const grads = inputGradients(node, registry, map, needed);
        map.accumulate(grads.flatMap((g, i) => (g ? [[node.inputIds[i], g] as const] : [])));
      }
      for (const id of node.outputIds) if (!sources.has(id)) map.remove(id);
    }
    const gradients = new Map<number, Tensor>();
    for (const id of sourceIds) {
      const g = map.get(id);
      if (g !== undefined) gradients.set(id, g);
    }
    map.clear(new Set(gradients.values()));
    return { gradients, owned: (t) => map.owns(t) };
  } catch (e) {
    map.clear();
    throw e;
  }
}

function inputGradients(
  node: TapeNode,
  registry: GradientRegistry,
  map: GradientMap,
  needed: readonly boolean[],
): (Tensor | null)[] {
  const entry = entryFor(registry, node.op);
  if ('nonDifferentiable' in entry) return needed.map(() => null);
  return tidy(() => {
    const dys = node.outputs.map((out, k) => map.get(node.outputIds[k]) ?? zerosLike(out));
    const thunks = entry.rule(dys[0], { inputs: node.inputs, outputs: node.outputs, attrs: node.attrs, dys });
    if (thunks.length !== node.inputs.length) {
      throw new StrataError(
        `gradient rule for op '${node.op}' returned ${thunks.length} gradients for ${node.inputs.length} inputs; this is a bug in the rule, please report it`,
      );
    }
    return thunks.map((thunk, i) => {
      if (!needed[i] || thunk === null) return null;
      const g = reduceToShape(thunk(), node.inputs[i].shape, node.op, i);
      if (g.dtype !== 'float32') {
        throw new StrataError(
          `gradient rule for op '${node.op}' returned a ${g.dtype} gradient of shape ${fmtShape(g.shape)} for float32 input ${i}; this is a bug in the rule, please report it`,
        );
      }
      return g;
    });
  });
}
