import { LayerError } from './errors';
import { identifierKey, isSerializedObject, type SerializedObject } from './serializable';

type Cls<T> = { className: string; new (args?: never): T };

/**
 * A table of built-in classes of one kind (initializers, regularizers, constraints) under their
 * Keras class names, resolving an identifier — an instance, a name in any casing
 * ('glorot_uniform', 'glorotUniform', 'GlorotUniform'), or `{className, config}` — to an instance.
 *
 * @example
 * ```ts
 * const table = new ClassTable<Initializer>('initializer', Initializer);
 * table.register(Zeros, Ones);
 * table.get('ones'); // a new Ones
 * ```
 */
export class ClassTable<T extends object> {
  /** The registered classes, keyed by the normalised name (lower case, no underscores). */
  readonly classes = new Map<string, Cls<T>>();
  constructor(
    /** What the table holds (`'initializer'`), for error messages. */
    readonly kind: string,
    private readonly base: abstract new (...args: never[]) => T,
  ) {}

  /** Adds classes under their `className`. */
  register(...classes: Cls<T>[]): void {
    for (const cls of classes) this.classes.set(identifierKey(cls.className), cls);
  }

  /** Registers extra names (e.g. Keras's function-style 'l2' for the L2 class). */
  alias(name: string, cls: Cls<T>): void {
    this.classes.set(identifierKey(name), cls);
  }

  /** Resolves an instance (returned as is), a name in any casing, or `{className, config}` to an instance. */
  get(id: T | string | SerializedObject): T {
    if (id instanceof this.base) return id;
    const name = typeof id === 'string' ? id : isSerializedObject(id) ? id.className : undefined;
    const cls = name === undefined ? undefined : this.classes.get(identifierKey(name));
    if (!cls) {
      const known = [...new Set([...this.classes.values()].map((c) => c.className))].join(', ');
      throw new LayerError(
        `unknown ${this.kind} ${JSON.stringify(name ?? id)}; expected one of ${known}, an instance, or {className, config}`,
      );
    }
    return new cls((isSerializedObject(id) ? id.config : {}) as never);
  }
}
