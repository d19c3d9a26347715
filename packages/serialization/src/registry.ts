// Every serializable class by its Keras class name, built-ins and the user's (Keras 3's
// `register_keras_serializable`, keyed `package>Name`). Loaders resolve class names here; nothing is
// ever evaluated from a file, so a class a config names must be one the program knows.
import { Layer, Initializer, Regularizer, Constraint } from '@strata/layers';
import { LearningRateSchedule, Loss, Metric, Optimizer } from '@strata/training';
import { SerializationError } from './errors';
import { builtInClasses, builtInActivations } from './registry-builtins';

/** What a class name stands for; decides which table a name is looked up in. */
export type ObjectKind =
  | 'layer'
  | 'initializer'
  | 'regularizer'
  | 'constraint'
  | 'activation'
  | 'optimizer'
  | 'schedule'
  | 'loss'
  | 'metric';

/** A class (or, for activations and per-sample losses, a function) a config may name. */
// eslint-disable-next-line @typescript-eslint/ban-types
export type Serializable = Function;

/** Classes and functions a loader may use besides the registered ones: `{MyLayer, my_activation}`. */
export type CustomObjects = Readonly<Record<string, Serializable>>;

/** Options of {@link registerSerializable}: the registered name's package and name. */
export interface RegisterOptions {
  /** Keras's package: the key is `package>name`. Default 'Custom', as Keras. */
  package?: string;
  /** Default: the class's static `className`, else its JavaScript name. */
  name?: string;
}

interface Registration {
  key: string;
  name: string;
  target: Serializable;
  kind: ObjectKind;
}

const registered = new Map<string, Registration>();
const byTarget = new Map<Serializable, Registration>();

const BASES: [ObjectKind, Serializable][] = [
  ['layer', Layer],
  ['initializer', Initializer],
  ['regularizer', Regularizer],
  ['constraint', Constraint],
  ['optimizer', Optimizer],
  ['schedule', LearningRateSchedule],
  ['loss', Loss],
  ['metric', Metric],
];

/** The kind of a class, from what it extends; plain functions are activations (or per-sample losses). */
export function kindOf(target: Serializable): ObjectKind | null {
  for (const [kind, base] of BASES) if (target === base || target.prototype instanceof base) return kind;
  return target.prototype === undefined || !/^class[\s{]/.test(Function.prototype.toString.call(target))
    ? 'activation'
    : null;
}

/** The name a class is saved under: its own static `className`, else its JavaScript name. */
export function ownClassName(target: Serializable): string {
  const own = Object.hasOwn(target, 'className') ? (target as { className?: unknown }).className : undefined;
  return typeof own === 'string' && own !== '' ? own : target.name;
}

/**
 * Makes a class (a layer, initializer, regularizer, constraint, optimizer, schedule, loss, metric)
 * or a function (an activation) loadable by name: a config naming `MyLayer` or `Custom>MyLayer`
 * rebuilds it with `MyLayer.fromConfig(config)` when the class defines one, else `new MyLayer(config)`.
 * A registered function gets `activationName` `package>name`, the name layers save it under.
 * Returns the target, so it can wrap a class expression.
 * @example
 * ```ts
 * class Scale extends Layer {
 *   static override className = 'Scale';
 *   override call(x: Tensor) { return mul(x, 2); }
 * }
 * registerSerializable(Scale, { package: 'my_pkg' }); // saved as 'my_pkg>Scale', loadModel finds it
 * ```
 */
export function registerSerializable<T extends Serializable>(target: T, options: RegisterOptions = {}): T {
  if (typeof target !== 'function')
    throw new SerializationError(
      `registerSerializable: expected a class or a function, received ${target === null ? 'null' : typeof target}`,
    );
  const kind = kindOf(target);
  if (!kind) {
    throw new SerializationError(
      `registerSerializable: ${target.name || 'the class'} extends none of Layer, Initializer, Regularizer, Constraint, Optimizer, LearningRateSchedule, Loss or Metric; only those (and activation functions) can be registered`,
    );
  }
  const pkg = options.package ?? 'Custom';
  const name = options.name ?? ownClassName(target);
  if (!name)
    throw new SerializationError(
      'registerSerializable: the function has no name; pass one: registerSerializable(fn, {name: "my_activation"})',
    );
  if (pkg.includes('>') || name.includes('>'))
    throw new SerializationError(
      `registerSerializable: package and name must not contain ">", received package "${pkg}", name "${name}"`,
    );
  const key = `${pkg}>${name}`;
  const existing = registered.get(key);
  if (existing && existing.target !== target) {
    throw new SerializationError(
      `registerSerializable: "${key}" is already registered to another ${existing.kind}; pick another name or package, or unregisterSerializable("${key}") first`,
    );
  }
  const registration = { key, name, target, kind };
  registered.set(key, registration);
  byTarget.set(target, registration);
  if (kind === 'activation') Object.defineProperty(target, 'activationName', { value: key, configurable: true });
  return target;
}

/**
 * Removes a registration (tests, hot reload).
 * @example
 * ```ts
 * unregisterSerializable('my_pkg>Scale');
 * ```
 */
export function unregisterSerializable(key: string): void {
  const r = registered.get(key);
  if (!r) return;
  registered.delete(key);
  byTarget.delete(r.target);
}

/** The key a target was registered under (`Custom>MyLayer`), or undefined. */
export function registeredKey(target: Serializable): string | undefined {
  return byTarget.get(target)?.key;
}

/** A class or function the program registered or passed, for a name (`MyLayer` or `pkg>MyLayer`). */
export function findCustom(
  name: string,
  customObjects: CustomObjects = {},
): { target: Serializable; key?: string } | undefined {
  const short = name.includes('>') ? name.slice(name.indexOf('>') + 1) : name;
  const custom = customObjects[name] ?? customObjects[short];
  if (custom) return { target: custom, key: registeredKey(custom) };
  const exact = registered.get(name);
  if (exact) return exact;
  const same = [...registered.values()].filter((r) => r.name === short);
  return same.length === 1 ? same[0] : undefined;
}

/** Whether a name belongs to the program (registered or in customObjects) rather than a built-in. */
export function isCustomName(name: string, customObjects?: CustomObjects): boolean {
  return findCustom(name, customObjects) !== undefined;
}

/**
 * The class for a name of a given kind: the program's own (customObjects, then registered) first,
 * then the built-ins. An unknown name is an error that says how to make it known.
 * @example
 * ```ts
 * resolveClass('layer', 'Dense'); // the Dense class
 * ```
 */
export function resolveClass(kind: ObjectKind, name: string, customObjects?: CustomObjects): Serializable {
  const custom = findCustom(name, customObjects);
  if (custom) return custom.target;
  const builtIn = kind === 'activation' ? builtInActivations().get(name) : builtInClasses(kind).get(name);
  if (builtIn) return builtIn;
  const short = name.includes('>') ? name.slice(name.indexOf('>') + 1) : name;
  throw new SerializationError(
    `Unknown ${kind} class "${name}". If it is your own ${kind === 'activation' ? 'function' : 'class'}, make it known before loading: ` +
      `registerSerializable(${short}) (optionally with {package: 'MyPackage'}), or pass {customObjects: {${short}}} to the loader.`,
  );
}

/**
 * The names of every registration, for messages and tests.
 * @example
 * ```ts
 * registeredNames(); // ['my_pkg>Scale', ...]
 * ```
 */
export function registeredNames(): string[] {
  return [...registered.keys()];
}
