/**
 * Requirement identifiers: `<RÉF>-<DOMAINE>-<NN>`, uppercase ASCII.
 *
 * - RÉF: the référentiel prefix, 2–4 letters (DOC, INT, SEC, NR);
 * - DOMAINE: a domain code, 2–4 letters (IDA, HEB, DEC…);
 * - NN: a number on 2 or 3 digits (01–999).
 *
 * IDs are stable: never reused, never renumbered (see docs/decisions/0002-requirement-ids.md).
 */
export const ID_PATTERN = '^[A-Z]{2,4}-[A-Z]{2,4}-[0-9]{2,3}$';
const ID_RE = new RegExp(ID_PATTERN);

/** Lowercase identifiers of vocabulary entries, chapter files and glossary terms. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG_RE = new RegExp(SLUG_PATTERN);

/** Edition names are years. */
export const EDITION_PATTERN = '^[0-9]{4}$';
const EDITION_RE = new RegExp(EDITION_PATTERN);

export interface ParsedId {
  prefixe: string;
  domaine: string;
  numero: number;
}

export function isRequirementId(value: string): boolean {
  return ID_RE.test(value);
}

export function parseRequirementId(value: string): ParsedId | undefined {
  if (!ID_RE.test(value)) return undefined;
  const [prefixe = '', domaine = '', numero = ''] = value.split('-');
  return { prefixe, domaine, numero: Number(numero) };
}

export function isSlug(value: string): boolean {
  return SLUG_RE.test(value);
}

export function isEditionName(value: string): boolean {
  return EDITION_RE.test(value);
}

/** Citation form of a requirement: `<edition>/<ID>`, e.g. `2025/INT-IDA-01`. */
export function citation(edition: string, id: string): string {
  return `${edition}/${id}`;
}

/** Orders IDs by prefix, domain, then number (so INT-IDA-2 sorts before INT-IDA-10). */
export function compareIds(a: string, b: string): number {
  const pa = parseRequirementId(a);
  const pb = parseRequirementId(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.prefixe !== pb.prefixe) return pa.prefixe < pb.prefixe ? -1 : 1;
  if (pa.domaine !== pb.domaine) return pa.domaine < pb.domaine ? -1 : 1;
  return pa.numero - pb.numero;
}

/** A string comparison that does not depend on the locale of the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
