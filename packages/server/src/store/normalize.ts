/** Folds case and accents for FHIR string search ("Müller" matches "muller"). */
export function normalizeString(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
