import type { Backend } from '../../backend';
import { hasQuirk } from './quirks';

const backendWith = (quirks: Backend['quirks']): Backend =>
  ({ name: 'new', quirks, hasKernel: () => true, runKernel: () => [] }) as unknown as Backend;

describe('hasQuirk reads what the backend declares', () => {
  it('guards every kernel of a backend that declares no quirks (never measured)', () => {
    const b = backendWith(undefined);
    expect(hasQuirk(b, 'Maximum', 'specialValues')).toBe(true);
    expect(hasQuirk(b, 'Mod', 'intDivByZero')).toBe(true);
  });

  it('guards only the kernels listed under each quirk', () => {
    const b = backendWith({ specialValues: ['Maximum'], intDivByZero: ['Mod'] });
    expect(hasQuirk(b, 'Maximum', 'specialValues')).toBe(true);
    expect(hasQuirk(b, 'Minimum', 'specialValues')).toBe(false);
    expect(hasQuirk(b, 'Maximum', 'intDivByZero')).toBe(false);
    expect(hasQuirk(b, 'Pow', 'intViaFloat')).toBe(false);
  });

  it('guards nothing on a backend measured clean', () => {
    expect(hasQuirk(backendWith({}), 'Select', 'boolData')).toBe(false);
  });
});
