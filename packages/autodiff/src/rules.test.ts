import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type BackendFactory } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';
import { checkGradientCase, gradientTables } from './testing';
import { gradientKnownGap } from './testing/known-gaps';

/** The gradient table on one backend; known gaps are reported as skipped, with their reason. */
function describeGradients(factory: BackendFactory): void {
  describe(`gradient rules on ${factory.name}`, () => {
    beforeAll(async () => {
      await tfc.setBackend('cpu'); // the tf.grads oracle runs on TensorFlow.js's own cpu backend
      (tfc.backend() as unknown as { firstUse: boolean }).firstUse = false; // no "use tfjs-node" banner
      await setBackend(factory);
    });
    for (const [family, cases] of Object.entries(gradientTables)) {
      describe(family, () => {
        for (const c of cases) {
          const gap = gradientKnownGap(factory.name, c.name);
          if (gap) it.skip(`${c.name} (known gap: ${gap})`, () => undefined);
          else it(c.name, () => checkGradientCase(c));
        }
      });
    }
  });
}

describeGradients(cpu());
describeGradients(wasm());
