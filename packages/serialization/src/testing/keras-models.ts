// Models shared by the Keras file tests (src/keras, src/files.ts); not exported from the package.
import { setBackend, type Tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import {
  Add,
  BatchNormalization,
  Concatenate,
  Conv2D,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  GRU,
  LSTM,
  MaxPooling2D,
  clearSession,
} from '@strata/layers';
import { input, type SymbolicTensor } from '@strata/graph';
import { Functional, Model, Sequential } from '@strata/models';

export async function useCpu(): Promise<void> {
  await setBackend(cpu());
}

/** Conv2D, pooling, BatchNormalization, Flatten, Dropout, Dense, and a nested Sequential. */
export function sequentialModel(): Sequential {
  clearSession();
  return new Sequential(
    [
      input({ shape: [6, 6, 2] }),
      new Conv2D({ filters: 3, kernelSize: 3, activation: 'relu' }),
      new MaxPooling2D({ poolSize: 2 }),
      new BatchNormalization(),
      new Flatten(),
      new Dropout({ rate: 0.5 }),
      new Sequential([new Dense({ units: 4, activation: 'tanh' })], { name: 'inner' }),
      new Dense({ units: 2 }),
    ],
    { name: 'seq_model' },
  );
}

/** Two inputs, Embedding, LSTM, GRU, Concatenate, Add, BatchNormalization and Dense in a DAG. */
export function functionalModel(): Functional {
  clearSession();
  const tokens = input({ shape: [5], dtype: 'int32', name: 'tokens' });
  const seq = input({ shape: [5, 4], name: 'seq' });
  const l = new LSTM({ units: 3 }).apply(new Embedding({ inputDim: 20, outputDim: 4 }).apply(tokens));
  const g = new GRU({ units: 3 }).apply(seq);
  const c = new Concatenate().apply([l, g]) as SymbolicTensor;
  const d = new Dense({ units: 6, name: 'hidden' }).apply(c);
  const s = new Add().apply([d, c]);
  const out = new Dense({ units: 2, name: 'out' }).apply(new BatchNormalization().apply(s));
  return new Functional({ inputs: [tokens, seq], outputs: out, name: 'func_model' });
}

/**
 * The NestedDenseModel of keras-team/keras's saving_lib test (the pre_pr22362 fixture): `num`
 * Dense(4, no bias) blocks kept in a list of lists, then Dense(2). Keras registers it as
 * `legacy_nested_container>NestedDenseModel`.
 */
export class NestedDenseModel extends Model {
  static override className = 'NestedDenseModel';
  readonly num: number;
  blocks: Dense[][];
  out: Dense;
  constructor(args: { num?: number; name?: string; trainable?: boolean } = {}) {
    super({ name: args.name, trainable: args.trainable });
    this.num = args.num ?? 3;
    this.blocks = Array.from({ length: this.num }, (_, i) => [new Dense({ units: 4, useBias: false, name: `d_${i}` })]);
    this.out = new Dense({ units: 2, name: 'dense' });
  }
  override call(x: Tensor | Tensor[]): Tensor {
    let h = x as Tensor;
    for (const [block] of this.blocks) h = block.apply(h);
    return this.out.apply(h);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), num: this.num };
  }
}
