// The built-in layer classes by Keras class name, for configs rebuilt without @strata/serialization
// (which passes its own resolver, one that also knows registered and custom classes).
import * as layersApi from '@strata/layers';
import { Layer, LayerError, type SerializedObject } from '@strata/layers';
import { InputLayer } from '@strata/graph';
import type { LayerResolver } from './config';

type LayerClass = (new (args: never) => Layer) & { className: string; fromConfig?: (config: Record<string, unknown>, options?: { resolveLayer?: LayerResolver }) => Layer };

/** The model classes (Functional, Sequential) add themselves here: they import this module, not it them. */
export const modelClasses = new Map<string, LayerClass>();

let catalog: Map<string, LayerClass> | null = null;

function builtIns(): Map<string, LayerClass> {
  if (!catalog) {
    catalog = new Map();
    for (const v of Object.values(layersApi)) {
      if (typeof v === 'function' && v.prototype instanceof Layer && Object.prototype.hasOwnProperty.call(v, 'className')) {
        const cls = v as LayerClass;
        catalog.set(cls.className, cls);
      }
    }
    catalog.set('InputLayer', InputLayer as unknown as LayerClass);
  }
  return catalog;
}

/** Resolves built-in layers and models only; nested models are rebuilt with this same resolver. */
export const resolveBuiltInLayer: LayerResolver = (serialized: SerializedObject): Layer => {
  const cls = modelClasses.get(serialized.className) ?? builtIns().get(serialized.className);
  if (!cls) {
    throw new LayerError(
      `unknown layer class "${serialized.className}"; built-in classes are resolved here, custom ones through @strata/serialization (registerSerializable(${serialized.className}) or customObjects: {${serialized.className}})`,
    );
  }
  return cls.fromConfig ? cls.fromConfig(serialized.config, { resolveLayer: resolveBuiltInLayer }) : new cls(serialized.config as never);
};
