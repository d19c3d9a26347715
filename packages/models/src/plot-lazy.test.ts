// Its own file: Jest gives each test file a fresh module registry, so nothing has loaded the renderers yet.
import { setBackend } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { Dense } from '@strata/layers';
import { input } from '@strata/graph';
import { Functional, modelToDot, plotModel } from './index';

const mockLoaded: string[] = [];
jest.mock('@viz-js/viz', () => {
  mockLoaded.push('viz');
  return jest.requireActual('@viz-js/viz');
});
jest.mock('@resvg/resvg-js', () => {
  mockLoaded.push('resvg');
  return jest.requireActual('@resvg/resvg-js');
});

beforeAll(async () => {
  await setBackend(cpu());
});

test('Graphviz and resvg are loaded only when a plot is rendered', async () => {
  const x = input({ shape: [2] });
  const m = new Functional({ inputs: x, outputs: new Dense({ units: 1 }).apply(x) });
  modelToDot(m);
  await plotModel(m, { format: 'dot' });
  expect(mockLoaded).toEqual([]);
  await plotModel(m, { format: 'svg' });
  expect(mockLoaded).toEqual(['viz']);
  await plotModel(m, { format: 'png' });
  expect(mockLoaded).toEqual(['viz', 'resvg']);
  m.dispose();
});
