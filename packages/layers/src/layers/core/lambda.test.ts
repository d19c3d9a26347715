import { add, mul, tensor, dispose, memory, type Tensor } from '@strata/tensor';
import { Lambda, registerLambda, unregisterLambda } from './lambda';
import { runLayerTest } from '../../testing';
import { describeEachBackend, useCpuBackend, expectAllClose } from '../../testing/core-layer-oracle';

useCpuBackend();

const double = registerLambda('test_double', (x) => mul(x as Tensor, 2));
const scaleBy = registerLambda('test_scale_by', (x, { factor }) => mul(x as Tensor, factor as number));
registerLambda('test_add_pair', (xs) => add((xs as Tensor[])[0], (xs as Tensor[])[1]));

describeEachBackend('Lambda', () => {
  test('passes runLayerTest, by name or by function', async () => {
    await runLayerTest(Lambda, {
      options: { function: 'test_double' },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
      expectedTrainableWeights: 0,
    });
    await runLayerTest(Lambda, {
      options: { function: double, outputShape: [3] },
      inputShape: [2, 3],
      expectedOutputShape: [2, 3],
    });
    await runLayerTest(Lambda, {
      options: { function: 'test_add_pair' },
      inputShape: [
        [2, 3],
        [2, 3],
      ],
      expectedOutputShape: [2, 3],
    });
  });

  test('computes the function, with its arguments', async () => {
    const y = new Lambda({ function: 'test_scale_by', arguments: { factor: 3 } }).apply(tensor([1, -2]));
    await expectAllClose(y, { shape: [2], values: [3, -6] });
    y.dispose();
  });
});

test('Lambda configs hold the function name and arguments, never code', () => {
  const layer = new Lambda({ function: scaleBy, arguments: { factor: 2 }, outputShape: [null, 4] });
  const config = layer.getConfig();
  expect(config).toMatchObject({ function: 'test_scale_by', arguments: { factor: 2 }, outputShape: [null, 4] });
  const rebuilt = Lambda.fromConfig(JSON.parse(JSON.stringify(config)));
  expect(rebuilt.fn).toBe(scaleBy);
  expect(layer.computeOutputShape!([7, 3, 4])).toEqual([7, null, 4]);
  expect(new Lambda({ function: double }).computeOutputShape).toBeUndefined();
});

test('Lambda refuses unknown names, unregistered functions on save, and bad options', () => {
  expect(() => new Lambda({ function: 'x => x' })).toThrow(
    /Lambda: no function is registered under the name "x => x" \(registered: .*test_double.*\); call registerLambda\("x => x", fn\)/,
  );
  const anonymous = new Lambda({ function: (x) => x, name: 'anon' });
  expect(() => anonymous.getConfig()).toThrow(
    'Lambda "anon": its function is not registered, so the layer cannot be saved',
  );
  expect(() => new Lambda({ function: 42 as never })).toThrow(
    /the function option must be a function or the name of one registered/,
  );
  expect(() => new Lambda({ function: double, outputShape: [-1] })).toThrow(
    /outputShape must be the output shape without the batch axis/,
  );
  expect(() => new Lambda({ function: double, mask: () => null } as never)).toThrow(
    'Lambda: the mask option is not supported yet',
  );
  expect(() => registerLambda('test_double', (x) => x)).toThrow(/already registered to another function/);
  expect(registerLambda('test_double', double)).toBe(double);
  registerLambda('test_temporary', double);
  unregisterLambda('test_temporary');
  expect(() => new Lambda({ function: 'test_temporary' })).toThrow(/no function is registered/);
});

test('Lambda frees what its function makes along the way', () => {
  const before = memory().numTensors;
  const layer = new Lambda({ function: (x) => mul(add(x as Tensor, 1), 2) });
  const x = tensor([1, 2]);
  const y = layer.apply(x);
  dispose([x, y]);
  expect(memory().numTensors).toBe(before);
});
