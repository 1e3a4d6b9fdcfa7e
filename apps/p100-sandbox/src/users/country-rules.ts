/**
 * Countries whose residents needed proof of address in the oldest docs (reference.md › POA);
 * Create User answers `poaRequiredForExtended: true` for them.
 */
export const POA_COUNTRIES: ReadonlySet<string> = new Set(['AM', 'AR', 'AZ', 'GE', 'IL', 'MD', 'UA']);

/** Residence countries for which P100 issues a personal IBAN (reference.md, oldest docs). */
export const IBAN_COUNTRIES: ReadonlySet<string> = new Set(
  ('AM AT AZ BE BG CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IL IN IS IT LI LT LU LV MD MT NL NO PL PT RO SE SI SK UA').split(' '),
);
