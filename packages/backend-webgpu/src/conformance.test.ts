import { describeConformance, conformanceTables } from '@strata/tensor/testing';
import { describeWithWebGPU } from './testing/available';
import { webgpu } from './index';

describeWithWebGPU('webgpu', () => describeConformance(webgpu(), conformanceTables));
