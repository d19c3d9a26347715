import { setBackend } from '@strata/tensor';
import { ADAM_UPDATE_KERNEL } from '@strata/tensor/internal';
import { adamUpdateAgainstOps } from '@strata/tensor/testing';
import { wasm } from '../index';

test("the fused Adam step gives the separate ops' float32 values, bit for bit", async () => {
  const backend = await setBackend(wasm());
  expect(backend.hasKernel(ADAM_UPDATE_KERNEL)).toBe(true);
  const { fused, ops } = adamUpdateAgainstOps();
  fused.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(ops[i])));
});
