import { ClassTable } from '../class-table';
import type { SerializedObject } from '../serializable';
import { Initializer } from './initializer';
import { Zeros, Ones, Constant } from './basic';
import { RandomNormal, RandomUniform, TruncatedNormal } from './random';
import {
  VarianceScaling,
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  computeFans,
} from './variance-scaling';
import { IdentityInitializer, Orthogonal } from './matrix';

export { Initializer, Zeros, Ones, Constant, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling };
export {
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  IdentityInitializer,
  Orthogonal,
  computeFans,
};

/** An initializer, by instance, by name ('glorotUniform', 'glorot_uniform', 'GlorotUniform') or serialized. */
export type InitializerIdentifier = Initializer | string | SerializedObject;

/** Every built-in initializer, under its Keras class name. */
export const initializers = new ClassTable<Initializer>('initializer', Initializer);
initializers.register(Zeros, Ones, Constant, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling);
initializers.register(
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  IdentityInitializer,
  Orthogonal,
);
// Keras's short names ('uniform' is Embedding's default) and the class name Keras 3 saves Identity under.
initializers.alias('uniform', RandomUniform);
initializers.alias('normal', RandomNormal);
initializers.alias('one', Ones);
initializers.alias('zero', Zeros);
initializers.alias('IdentityInitializer', IdentityInitializer);

/**
 * Resolves an {@link InitializerIdentifier} to an instance (`new GlorotUniform()` for `'glorot_uniform'`).
 *
 * @example
 * ```ts
 * getInitializer('glorot_uniform'); // a GlorotUniform
 * getInitializer({ className: 'RandomNormal', config: { stddev: 0.1 } });
 * ```
 */
export function getInitializer(id: InitializerIdentifier): Initializer {
  return initializers.get(id);
}
