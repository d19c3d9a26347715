import { runInNewContext } from 'node:vm';
import { setBackend } from './backends';
import { tensor } from './convert';
import { testCpuBackend } from './testing/test-backend';
import { Tensor } from './tensor';
import { assertSameStructure, flatten, isNested, isRecord, map, mapMany, packSequenceAs } from './nest';

const numbers = (x: unknown): boolean => Array.isArray(x) && x.length > 0 && x.every((e) => typeof e === 'number');

describe('nest', () => {
  beforeAll(async () => {
    await setBackend(testCpuBackend());
  });

  it('tells records from other objects', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(JSON.parse('{"a":{"b":2}}'))).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(runInNewContext('({ a: 1 })'))).toBe(true);
    expect(isRecord(runInNewContext('[1]'))).toBe(false);
    for (const x of [null, undefined, 1, 'a', [1], new Map(), new Float32Array(2), new (class A {})(), new Date(0)])
      expect(isRecord(x)).toBe(false);
    const t = tensor([1, 2]);
    expect(isRecord(t)).toBe(false);
    expect(isNested(t)).toBe(false);
    t.dispose();
    expect(isNested([1])).toBe(true);
    expect(isNested([1], { isLeaf: numbers })).toBe(false);
  });

  it('flattens depth first, records in key order, and a leaf to itself', () => {
    expect(flatten({ b: [1, { c: 2, a: 3 }], a: 4 })).toEqual([1, 2, 3, 4]);
    expect(flatten(5)).toEqual([5]);
    expect(flatten([[], {}, [[]]])).toEqual([]);
    expect(flatten({ x: [1, 2], y: [[3, 4], 5] }, { isLeaf: numbers })).toEqual([[1, 2], [3, 4], 5]);
  });

  it('keeps tensors as leaves', () => {
    const a = tensor([1]);
    const b = tensor([2]);
    expect(flatten({ inputs: [a, { mask: b }] })).toEqual([a, b]);
    expect(flatten({ inputs: [a, { mask: b }] }).every((t) => t instanceof Tensor)).toBe(true);
    a.dispose();
    b.dispose();
  });

  it('maps leaves with their paths, keeping the structure', () => {
    const paths: string[] = [];
    const out = map({ b: [1, { c: 2 }], a: 3 }, (v: number, path) => {
      paths.push(path);
      return v * 10;
    });
    expect(out).toEqual({ b: [10, { c: 20 }], a: 30 });
    expect(Object.keys(out as object)).toEqual(['b', 'a']);
    expect(paths).toEqual(['b[0]', 'b[1].c', 'a']);
    expect(map(7, (v, path) => `${path}:${v}`)).toBe(':7');
    expect(map([7], (v, path) => `${path}:${v}`)).toEqual(['[0]:7']);
  });

  it('maps several structures at once (zip)', () => {
    const structures = [
      { a: [1, 2], b: 3 },
      { b: 30, a: [10, 20] },
    ];
    const sum = mapMany(structures, (leaves) => (leaves as number[]).reduce((p, v) => p + v, 0));
    expect(sum).toEqual({ a: [11, 22], b: 33 });
    expect(() => mapMany([{ a: [1, 2] }, { a: [1] }], () => 0)).toThrow(
      /structures\[0\] and structures\[1\] differ in structure at a: an array of 2 vs an array of 1/,
    );
    expect(() => mapMany([], () => 0)).toThrow(/at least one structure/);
  });

  it('packs leaves back into a structure, and refuses a wrong count', () => {
    const like = { x: [0, 0], y: { z: 0 } };
    expect(packSequenceAs(like, ['a', 'b', 'c'])).toEqual({ x: ['a', 'b'], y: { z: 'c' } });
    expect(packSequenceAs(like, flatten(like))).toEqual(like);
    expect(() => packSequenceAs(like, [1, 2])).toThrow(/has 3 leaves but 2 were given/);
  });

  it('checks that two structures agree, naming where they part', () => {
    expect(() => assertSameStructure({ a: [1, { b: 2 }] }, { a: [9, { b: 'x' }] })).not.toThrow();
    expect(() => assertSameStructure({ a: 1, b: 2 }, { b: 1, a: 2 })).not.toThrow();
    expect(() => assertSameStructure({ a: [1, { b: 2 }] }, { a: [1, { c: 2 }] })).toThrow(
      "nest: a and b differ in structure at a[1]: a record with keys 'b' vs a record with keys 'c'",
    );
    expect(() => assertSameStructure([1], 1)).toThrow(/: an array of 1 vs a leaf \(number\)/);
    expect(() => assertSameStructure([[1, 2]], [[1, 2]], { isLeaf: numbers })).not.toThrow();
    expect(() => assertSameStructure([[1, 2]], [[1, 2, 3]], { isLeaf: numbers })).not.toThrow();
  });
});
