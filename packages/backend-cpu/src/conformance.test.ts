import { describeConformance, conformanceTables } from '@strata/tensor/testing';
import { cpu } from './index';

describeConformance(cpu(), conformanceTables);
