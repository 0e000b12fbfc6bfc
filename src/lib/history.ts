/**
 * The history of every requirement ID across editions, from the changelogs of consecutive editions: where it
 * was introduced (and from what), how it changed in each edition, and where and why it was retired (and into
 * what). Feeds the « latest state and history » pages (`/exigences/<ID>/`) and their tombstones.
 */
import { diffEditions } from './changelog.ts';
import type { Change, EditionDataset, Exigence, Retrait } from './types.ts';

export type StepState = 'introduced' | 'kept' | 'retired';

export interface HistoryStep {
  edition: string;
  state: StepState;
  /** The changes of the transition into this edition that concern the ID (none for an unchanged edition). */
  changes: Change[];
  /** The requirement as it stands in this edition (absent when retired). */
  exigence?: Exigence;
}

export interface RequirementHistory {
  id: string;
  /** The requirement in the latest edition that holds it. */
  latest: Exigence;
  /** Set when the ID is no longer in the latest edition: its retirement, as published by the latest edition. */
  retrait?: Retrait;
  steps: HistoryStep[];
}

function concerns(change: Change, id: string): boolean {
  if (change.id === id) return true;
  const linked = change as { predecesseurs?: { id: string }[]; successeurs?: { id: string }[] };
  return (linked.predecesseurs ?? []).some((p) => p.id === id) || (linked.successeurs ?? []).some((s) => s.id === id);
}

/** Histories of every ID of the given editions (in year order), by ID. */
export function requirementHistories(datasets: readonly EditionDataset[]): Map<string, RequirementHistory> {
  const changelogs = datasets.map((d, i) => (i === 0 ? undefined : diffEditions(datasets[i - 1] as EditionDataset, d)));
  const byEdition = datasets.map((d) => new Map(d.exigences.map((e) => [e.id, e])));
  const ids = new Set(datasets.flatMap((d) => d.exigences.map((e) => e.id)));
  const last = datasets[datasets.length - 1];
  const histories = new Map<string, RequirementHistory>();
  for (const id of ids) {
    const steps: HistoryStep[] = [];
    let latest: Exigence | undefined;
    datasets.forEach((dataset, i) => {
      const here = byEdition[i]?.get(id);
      const before = i > 0 ? byEdition[i - 1]?.get(id) : undefined;
      const changes = (changelogs[i]?.changes ?? []).filter((c) => concerns(c, id));
      if (here) {
        latest = here;
        steps.push({ edition: dataset.edition.edition, state: before ? 'kept' : 'introduced', changes, exigence: here });
      } else if (before) {
        steps.push({ edition: dataset.edition.edition, state: 'retired', changes });
      }
    });
    if (!latest) continue;
    const history: RequirementHistory = { id, latest, steps };
    const retrait = last && !byEdition[byEdition.length - 1]?.has(id) ? last.retraits.find((r) => r.id === id) : undefined;
    if (retrait) history.retrait = retrait;
    histories.set(id, history);
  }
  return histories;
}
