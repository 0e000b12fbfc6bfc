/** The doctrine library: everything the CLI and the site share. Astro-free. */
export { loadContent, pagePath, exigenceHash, requirementHashes, editionRequirements, type ContentBuild, type EditionBuild, type ChapterBuild } from './content.ts';
export { Reporter, formatDiagnosticLine, diagnosticsToJson, type Diagnostic, type Place } from './diagnostics.ts';
export { RULES, getRule, type Rule, type RuleId } from './rules.ts';
export { ID_PATTERN, isRequirementId, parseRequirementId, compareIds, citation } from './ids.ts';
export { getValidator, readSchemas, SCHEMAS_DIR, SCHEMA_NAMES, type SchemaName } from './schemas.ts';
export { SITE_URL, API_PATH, SCHEMA_VERSION, schemaId, rulePath } from './site.ts';
export { renderBody, inlineDirectiveElement, directiveSourceText, type LinkResolver } from './render.ts';
export type * from './types.ts';
export { dataFiles, writeTreeAtomic, toJson, toNdjson, toCsv, CSV_COLUMNS, CSV_LIST_SEPARATOR, LICENCE, TYPES_PATH, type FileContent } from "./export.ts";
export { csvRecords, type CsvRecord, type CsvColumn } from './csv.ts';
export { toDataPackage, DATAPACKAGE_PROFILE } from './datapackage.ts';
export { toXlsx } from './xlsx.ts';
export { exigenceBlock } from "./blocks.ts";
export { dataDictionary, dataDictionaryMarkdown, type DictionaryTable, type DictionaryRow } from "./data-dictionary.ts";
export { LOCK_FILE, FROZEN_STATUTS, isFrozen, editionLock, lockText, diffLock, describeErratum, type LoadedLock, type LockDiff } from './lock.ts';
export { planNewEdition, planPublish, planErratum, applyPlan, today, LifecycleError, type Plan } from './lifecycle.ts';
export { explorerView, changement, soclesView, printView, type Changement, type ExplorerRow, type ExplorerView, type SocleView, type SoclesView, type SocleExigence, type PrintView, type PrintChapter } from "./views.ts";
