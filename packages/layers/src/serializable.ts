/** Keras's serialized form of a configurable object: `{className: 'GlorotUniform', config: {...}}`. */
export interface SerializedObject {
  /** The Keras class name (`'GlorotUniform'`). */
  className: string;
  /** The constructor options, as `getConfig()` returns them. */
  config: Record<string, unknown>;
}

/** Anything with a Keras class name and a config that rebuilds it. */
export interface Configurable {
  /** The constructor options that rebuild the object. */
  getConfig(): Record<string, unknown>;
}

export function isSerializedObject(x: unknown): x is SerializedObject {
  return typeof x === 'object' && x !== null && typeof (x as SerializedObject).className === 'string' && 'config' in x;
}

/**
 * The Keras class name of an instance: the class's static `className`, which survives minification.
 *
 * @example
 * ```ts
 * classNameOf(new Dense({ units: 1 })); // 'Dense'
 * ```
 */
export function classNameOf(x: object): string {
  const ctor = x.constructor as { className?: string; name: string };
  return Object.hasOwn(ctor, 'className') && ctor.className ? ctor.className : ctor.name;
}

/**
 * `{className, config}` of an initializer, regularizer, constraint or layer, as Keras's `serialize`.
 *
 * @example
 * ```ts
 * serialize(new L2({ l2: 0.001 })); // { className: 'L2', config: { l2: 0.001 } }
 * ```
 */
export function serialize(x: Configurable & object): SerializedObject {
  return { className: classNameOf(x), config: x.getConfig() };
}

/** Normalises an identifier: 'glorot_uniform', 'glorotUniform' and 'GlorotUniform' are one name. */
export function identifierKey(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}
