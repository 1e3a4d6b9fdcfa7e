/**
 * The first-party check of an incoming SEPA deposit (IBAN Status webhook page): the sender's name
 * must be the account holder's. Compared as sets of words, ignoring case, accents and
 * punctuation, so "KOWALSKI JAN" and "Jan Kowalski" match while "Anna Nowak" does not (inferred
 * tolerance; P100's fuzzy rules are not documented).
 */
export function namesMatch(senderName: string, holderName: string): boolean {
  const a = words(senderName);
  const b = words(holderName);
  return a.size > 0 && a.size === b.size && [...a].every((w) => b.has(w));
}

function words(name: string): Set<string> {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
  return new Set(plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}
