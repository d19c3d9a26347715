// The default resolvers of model configs rebuilt without @strata/serialization (which passes its
// own, one that also knows registered and custom classes): @strata/layers' table of built-in
// layers, the InputLayer, and the model classes a caller names. Nothing registers here on import.
import {
  LayerError,
  layerFromConfig,
  type LayerClass,
  type LayerResolver,
  type SerializedObject,
  type Layer,
} from '@strata/layers';
import { builtInLayerClass } from '@strata/layers/internal';
import { InputLayer } from '@strata/graph';

/**
 * A resolver of built-in layers and of the given model classes (read when a config is resolved:
 * the model modules that pass them are the ones importing this). Nested layers resolve through it too.
 */
export function builtInResolver(models: () => Record<string, unknown>): LayerResolver {
  const resolve: LayerResolver = (serialized: SerializedObject): Layer => {
    const own = { InputLayer, ...models() } as Record<string, LayerClass>;
    const name = serialized.className;
    const cls = (Object.hasOwn(own, name) ? own[name] : undefined) ?? builtInLayerClass(name);
    if (!cls) {
      const nested =
        name === 'Sequential'
          ? '; for a Sequential inside a Functional config, pass { resolveLayer: resolveBuiltInLayer } of @strata/models'
          : '';
      throw new LayerError(
        `unknown layer class "${name}"; built-in classes are resolved here, custom ones through @strata/serialization` +
          ` (registerSerializable(${name}) or customObjects: {${name}})${nested}`,
      );
    }
    return layerFromConfig(cls, serialized.config, resolve);
  };
  return resolve;
}
