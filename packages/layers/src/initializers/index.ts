import { ClassTable } from '../class-table';
import type { SerializedObject } from '../serializable';
import { Initializer } from './initializer';
import { Zeros, Ones, Constant } from './basic';

export { Initializer, Zeros, Ones, Constant };

/** An initializer, by instance, by name ('glorotUniform', 'glorot_uniform', 'GlorotUniform') or serialized. */
export type InitializerIdentifier = Initializer | string | SerializedObject;

/** Every built-in initializer, under its Keras class name. */
export const initializers = new ClassTable<Initializer>('initializer', Initializer);
initializers.register(Zeros, Ones, Constant);

export function getInitializer(id: InitializerIdentifier): Initializer {
  return initializers.get(id);
}
