// Splits identifiers into lowercase words the vocabulary can match: camelCase, PascalCase,
// acronyms (IPAddress), snake_case, kebab-case, digits, leading underscores and run-together compounds.
import { COMPOUNDS, SYNONYMS } from './vocabulary';

const BOUNDARY = /([a-z])([A-Z])|([A-Z]+)([A-Z][a-z])|([a-zA-Z])(\d)|(\d)([a-zA-Z])/g;

/** `firstName` → ['first', 'name']; `IPAddress` → ['ip', 'address']; `address_1` → ['address', '1']. */
export function splitWords(identifier: string): string[] {
  const spaced = identifier
    .replace(BOUNDARY, (_m, a, b, c, d, e, f, g, h) => {
      if (a !== undefined) return `${a} ${b}`;
      if (c !== undefined) return `${c} ${d}`;
      if (e !== undefined) return `${e} ${f}`;
      return `${g} ${h}`;
    })
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase();
  if (spaced === '') return [];
  const words: string[] = [];
  for (const raw of spaced.split(' ')) {
    const word = SYNONYMS[raw] ?? raw;
    const parts = COMPOUNDS[word];
    if (parts) words.push(...parts);
    else words.push(word);
  }
  return words;
}

/** A crude English singular, enough for container heads (customers → customer, addresses → address). */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}
