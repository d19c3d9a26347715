import { describeConformance, conformanceTables } from '@strata/tensor/testing';
import { wasm } from './index';

describeConformance(wasm(), conformanceTables);
