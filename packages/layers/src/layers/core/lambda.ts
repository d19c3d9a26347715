import type { Shape, Tensor } from '@strata/tensor';
import { Layer, type LayerArgs, type ShapeOrShapes } from '../../layer';
import { LayerError } from '../../errors';

/** The code a Lambda layer runs: its inputs and the layer's `arguments` option. */
export type LambdaFunction = (inputs: Tensor | Tensor[], args: Record<string, unknown>) => Tensor | Tensor[];

// Configs name functions, never carry code: a saved model can only call what the program registered.
const registry = new Map<string, LambdaFunction>();

/**
 * Makes `fn` loadable by name in Lambda configs. Registering another function under a taken name is an error.
 *
 * @example
 * ```ts
 * registerLambda('square', (x) => mul(x as Tensor, x as Tensor));
 * const layer = new Lambda({ function: 'square' }); // its config names 'square', so a saved model loads again
 * ```
 */
export function registerLambda(name: string, fn: LambdaFunction): LambdaFunction {
  if (typeof name !== 'string' || name === '')
    throw new LayerError(`registerLambda: name must be a non-empty string, received ${JSON.stringify(name)}`);
  if (typeof fn !== 'function')
    throw new LayerError(`registerLambda: expected a function for "${name}", received ${typeof fn}`);
  const existing = registry.get(name);
  if (existing && existing !== fn)
    throw new LayerError(
      `registerLambda: the name "${name}" is already registered to another function; pick another name or unregisterLambda("${name}") first`,
    );
  registry.set(name, fn);
  return fn;
}

/**
 * Removes a registration (tests, hot reload).
 *
 * @example
 * ```ts
 * unregisterLambda('square'); // 'square' may be registered again
 * ```
 */
export function unregisterLambda(name: string): void {
  registry.delete(name);
}

function nameOf(fn: LambdaFunction): string | undefined {
  for (const [name, f] of registry) if (f === fn) return name;
  return undefined;
}

export interface LambdaArgs extends LayerArgs {
  /** A registered name, or a function (registered with registerLambda for the layer to be saved). */
  function: string | LambdaFunction;
  /** The output shape without the batch axis; without it, graphs trace `call` to find the shape. */
  outputShape?: readonly (number | null)[];
  /** JSON values passed to the function as its second argument (Keras's `arguments`). */
  arguments?: Record<string, unknown>;
}

/**
 * Wraps a function of tensors as a layer (no weights).
 *
 * Input: whatever the function takes. Output: what it returns (give `outputShape` where tracing cannot find it).
 *
 * @example
 * ```ts
 * registerLambda('double', (x) => mul(x as Tensor, 2));
 * const y = new Lambda({ function: 'double' }).apply(tensor([1, 2])); // [2, 4]
 * ```
 */
export class Lambda extends Layer {
  static override className = 'Lambda';
  /** The function the layer applies. */
  readonly fn: LambdaFunction;
  /** The declared output shape without the batch axis, or null (graphs trace `call`). */
  readonly outputShape: (number | null)[] | null;
  /** The extra JSON arguments passed to the function. */
  readonly arguments: Record<string, unknown>;

  constructor(args: LambdaArgs) {
    super(args);
    const f = args?.function;
    if (typeof f === 'string') {
      const found = registry.get(f);
      if (!found) {
        const known = [...registry.keys()];
        throw new LayerError(
          `Lambda: no function is registered under the name "${f}" (registered: ${known.length ? known.join(', ') : 'none'}); call registerLambda("${f}", fn) before building or loading the layer`,
        );
      }
      this.fn = found;
    } else if (typeof f === 'function') {
      this.fn = f;
    } else {
      throw new LayerError(
        `Lambda: the function option must be a function or the name of one registered with registerLambda, received ${JSON.stringify(f)}`,
      );
    }
    if ('mask' in (args as object))
      throw new LayerError(
        'Lambda: the mask option is not supported yet; compute the mask in a custom Layer subclass instead',
      );
    const shape = args.outputShape;
    if (
      shape !== undefined &&
      !(Array.isArray(shape) && shape.every((d) => d === null || (Number.isInteger(d) && d >= 0)))
    ) {
      throw new LayerError(
        `Lambda: outputShape must be the output shape without the batch axis (non-negative integers or null), received ${JSON.stringify(shape)}`,
      );
    }
    this.outputShape = shape ? [...shape] : null;
    const extra = args.arguments ?? {};
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra))
      throw new LayerError(`Lambda: arguments must be an object of JSON values, received ${JSON.stringify(extra)}`);
    this.arguments = { ...extra };
    if (this.outputShape) {
      const out = this.outputShape;
      this.computeOutputShape = (inputShape: ShapeOrShapes): Shape => [
        (Array.isArray(inputShape[0]) ? (inputShape[0] as Shape) : (inputShape as Shape))[0] ?? null,
        ...out,
      ];
    }
  }

  override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
    return this.fn(inputs, this.arguments);
  }

  override getConfig(): Record<string, unknown> {
    const name = nameOf(this.fn);
    if (!name) {
      throw new LayerError(
        `Lambda "${this.name}": its function is not registered, so the layer cannot be saved; call registerLambda('some_name', fn) and pass the function (or its name) again`,
      );
    }
    const config: Record<string, unknown> = { ...super.getConfig(), function: name, arguments: { ...this.arguments } };
    if (this.outputShape) config.outputShape = [...this.outputShape];
    return config;
  }
}
