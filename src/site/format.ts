/** Small French formatting helpers shared by the site's pages and the explorer's browser script. */

/** `1 exigence`, `2 exigences`, `0 exigence` (French: 0 and 1 take the singular). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

export const NIVEAU_LABELS: Record<string, string> = { obligatoire: 'Obligatoire', recommandé: 'Recommandé' };

/** The sentence the explorer announces after each change of filters. */
export function countSentence(shown: number, total: number): string {
  if (shown === 0) return `Aucune exigence ne correspond à ces filtres (0 sur ${total}).`;
  return `${plural(shown, 'exigence affichée', 'exigences affichées')} sur ${total}.`;
}
