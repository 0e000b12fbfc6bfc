/** The doctrine library: everything the CLI and the site share. Astro-free. */
export { loadContent, pagePath, exigenceHash, type ContentBuild, type EditionBuild, type ChapterBuild } from './content.ts';
export { Reporter, formatDiagnosticLine, diagnosticsToJson, type Diagnostic, type Place } from './diagnostics.ts';
export { RULES, getRule, type Rule, type RuleId } from './rules.ts';
export { ID_PATTERN, isRequirementId, isEditionName, parseRequirementId, compareIds, citation } from './ids.ts';
export { getValidator, readSchemas, SCHEMAS_DIR, SCHEMA_NAMES, type SchemaName } from './schemas.ts';
export { SITE_URL, API_PATH, SCHEMA_VERSION, schemaId, rulePath } from './site.ts';
export { renderBody, inlineDirectiveElement, directiveSourceText, type LinkResolver } from './render.ts';
export type * from './types.ts';
export { dataFiles, writeTreeAtomic, toJson, toCsv, CSV_COLUMNS, CSV_LIST_SEPARATOR, LICENCE } from "./export.ts";
export { exigenceBlock } from "./blocks.ts";
export { diffEditions, mirrorChangelog, editionPairs, CHANGE_KINDS } from './changelog.ts';
export { wordDelta, reverseDelta, similarity, type Segment } from './word-diff.ts';
export { formatChangelogText, formatChangelogMarkdown, type ChangelogLabels } from './changelog-format.ts';
export { readDatasetFile, parseDatasetJson, type DatasetFileResult } from './dataset-file.ts';
