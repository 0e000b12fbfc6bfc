/** Friendly names for the types generated from the schemas (`types.generated.ts`). */
import type { Catalogue, Changelog, EditionDataset, EditionMeta, EditionSource, Exigence, Vocabulaires } from './types.generated.ts';

export type { Catalogue, Changelog, Delta, DiagnosticsReport, EditionDataset, EditionLock, EditionMeta, EditionSource, Exigence, Vocabulaires } from './types.generated.ts';
export type Chapitre = EditionDataset['chapitres'][number];
export type Retrait = EditionDataset['retraits'][number];
export type Terme = EditionDataset['glossaire'][number];
export type Statement = Exigence['statement'];
export type RetraitSource = EditionSource['retraits'][number];
export type CatalogueEdition = Catalogue['editions'][number];
export type CatalogueFile = CatalogueEdition['files'][number];
export type VocabularyEntry = Vocabulaires['cibles'][number];
export type Statut = EditionMeta['statut'];
export type Erratum = NonNullable<EditionMeta['errata']>[number];
export type Change = Changelog['changes'][number];
export type ChangeKind = Change['kind'];
export type Suggestion = Changelog['suggestions'][number];
