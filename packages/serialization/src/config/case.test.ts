import { camelCase, snakeCase, toCamelKeys, toSnakeKeys } from './case';

describe('key case conversion', () => {
  it("converts keys as tfjs-layers does, with Keras's beta_1 / beta_2", () => {
    const pairs: [string, string][] = [
      ['batchInputShape', 'batch_input_shape'],
      ['useBias', 'use_bias'],
      ['kernelInitializer', 'kernel_initializer'],
      ['kerasHistory', 'keras_history'],
      ['className', 'class_name'],
      ['beta1', 'beta_1'],
      ['beta2', 'beta_2'],
      ['l1', 'l1'],
      ['units', 'units'],
    ];
    for (const [camel, snake] of pairs) {
      expect(snakeCase(camel)).toBe(snake);
      expect(camelCase(snake)).toBe(camel);
    }
    expect(camelCase('__keras_tensor__')).toBe('__keras_tensor__');
  });

  it('changes keys only, never values, and leaves user dictionaries and named inputs alone', () => {
    const strata = {
      className: 'Lambda',
      config: { dataFormat: 'channels_last', name: 'my_layer', arguments: { myScale: 2 } },
      inputLayers: { imageIn: ['image_in', 0, 0] },
    };
    const snake = toSnakeKeys(strata);
    expect(snake).toEqual({
      class_name: 'Lambda',
      config: { data_format: 'channels_last', name: 'my_layer', arguments: { myScale: 2 } },
      input_layers: { imageIn: ['image_in', 0, 0] },
    });
    expect(toCamelKeys(snake)).toEqual(strata);
  });
});
