import { checkDigits, generateIban, isValidIban } from './iban';

describe('sandbox IBANs', () => {
  it('computes the check digits of the IBAN in the P100 docs', () => {
    expect(checkDigits('LT', '3130019950000568')).toBe('68');
    expect(isValidIban('LT683130019950000568')).toBe(true);
    expect(isValidIban('LT693130019950000568')).toBe(false);
  });

  it('generates 20-character Lithuanian IBANs that pass the mod-97 check', () => {
    for (let i = 0; i < 50; i += 1) {
      const iban = generateIban();
      expect(iban).toMatch(/^LT\d{18}$/);
      expect(isValidIban(iban)).toBe(true);
    }
  });
});
