// The explicit table lists every layer class the package exports (abstract bases aside), once.
import * as api from './index';
import { Layer } from './layer';
import { builtInLayerClass, builtInLayerClasses } from './layer-catalog';

test('every exported layer class is in the table, under its Keras class name, and nothing else is', () => {
  const exported = new Set(
    Object.values(api).filter(
      (v): v is typeof Layer & { className: string } =>
        typeof v === 'function' &&
        v.prototype instanceof Layer &&
        Object.hasOwn(v, 'className') &&
        !/^Base[A-Z]/.test((v as { className: string }).className),
    ),
  );
  const listed = builtInLayerClasses();
  expect(new Set(listed)).toEqual(exported);
  expect(new Set(listed.map((c) => c.className)).size).toBe(listed.length);
  expect(builtInLayerClass('LSTM')).toBe(api.LSTM);
  expect(builtInLayerClass('max_pooling2d')).toBe(api.MaxPooling2D);
  expect(builtInLayerClass('BaseConv')).toBeUndefined();
});
