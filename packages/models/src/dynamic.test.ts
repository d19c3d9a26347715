// The article's "dynamic networks": a subclassed model whose call() recurses over a tree-shaped
// input, so every call builds a different computation from the same weights. No graph describes it;
// it runs eagerly, trains through a gradient tape, and its summary says why it has no shapes.
import { setBackend, concat, dispose, memory, randomNormal, slice, tidy, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { GradientTape } from '@strata/autodiff';
import { expectNoLeak } from '@strata/tensor/testing';
import { Dense, type CallOptions } from '@strata/layers';
import { Model } from './index';
import { captured, expectClose } from './testing';

beforeAll(async () => {
  await setBackend(cpu());
});

/** A binary tree over the rows of a leaves tensor: a row index, or two subtrees. */
type Tree = number | readonly [Tree, Tree];

/** A recursive network (Socher et al.'s TreeRNN): one `combine` layer merges two children, at any depth. */
class TreeEncoder extends Model {
  combine = new Dense({ units: 4, activation: 'tanh', name: 'combine' });
  score = new Dense({ units: 1, name: 'score' });

  encode(leaves: Tensor, tree: Tree): Tensor {
    if (typeof tree === 'number') return slice(leaves, [tree, 0], [1, leaves.shape[1]]);
    return this.combine.apply(concat([this.encode(leaves, tree[0]), this.encode(leaves, tree[1])], -1));
  }

  override call(leaves: Tensor, options: CallOptions = {}): Tensor {
    const tree = options.tree as Tree | undefined;
    if (tree === undefined) throw new Error('TreeEncoder needs the tree to encode: model.apply(leaves, { tree })');
    return this.score.apply(this.encode(leaves, tree));
  }
}

describe('a subclassed model that recurses over a tree-shaped input', () => {
  it('computes a different graph on every call, from the same weights', async () => {
    const m = new TreeEncoder({ name: 'tree_encoder' });
    const leaves = randomNormal([5, 4], { seed: 3 });
    const shallow = m.apply(leaves, { tree: [0, 1] });
    const params = m.countParams();
    expect(params).toBe(8 * 4 + 4 + 4 + 1);
    await expectNoLeak(async () => {
      const tree: Tree = [
        [0, [1, 2]],
        [3, 4],
      ];
      const deep = m.apply(leaves, { tree });
      const row = (i: number) => slice(leaves, [i, 0], [1, 4]);
      const pair = (a: Tensor, b: Tensor) => m.combine.apply(concat([a, b], -1));
      const byHand = tidy(() => m.score.apply(pair(pair(row(0), pair(row(1), row(2))), pair(row(3), row(4)))));
      await expectClose(deep, byHand);
      expect(m.countParams()).toBe(params);
      dispose([deep, byHand]);
    });
    // call() needs the tree, which a symbolic trace does not have: the model runs eagerly, and says so.
    expect(m.graph).toBeNull();
    const print = captured();
    m.summary({ printFn: print.printFn });
    expect(print.lines.join('\n')).toContain(
      'could not be traced on symbolic inputs, so shapes and connections are unknown (TreeEncoder needs the tree to encode: model.apply(leaves, { tree }))',
    );
    dispose([leaves, shallow]);
    m.dispose();
  });

  it('trains through the recursion: gradients reach the shared combine layer from every level', () => {
    const m = new TreeEncoder();
    const leaves = randomNormal([4, 4], { seed: 7 });
    m.apply(leaves, { tree: [0, 1] }).dispose();
    const before = memory().numTensors;
    const tape = new GradientTape();
    const loss = tape.record(() =>
      tidy(() =>
        m.apply(leaves, {
          tree: [
            [0, 1],
            [2, 3],
          ],
        }),
      ),
    );
    const [kernel] = tape.gradient(loss, [m.combine.kernel]);
    expect(kernel!.shape).toEqual([8, 4]);
    expect(Array.from(kernel!.dataSync()).some((g) => g !== 0)).toBe(true);
    dispose([loss, kernel]);
    expect(memory().numTensors).toBe(before);
    leaves.dispose();
    m.dispose();
  });
});
