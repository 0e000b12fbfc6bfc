/** The library's public API changes only on purpose. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from '../src/lib/index.ts';
import { compareIds, isRequirementId, parseRequirementId } from '../src/lib/index.ts';

test('exported names', () => {
  assert.deepEqual(Object.keys(lib).sort(), [
    'API_PATH', 'CHANGE_KINDS', 'CSV_COLUMNS', 'CSV_LIST_SEPARATOR', 'DATAPACKAGE_PROFILE', 'FROZEN_STATUTS',
    'ID_PATTERN', 'LICENCE', 'LOCK_FILE', 'LifecycleError', 'RULES', 'Reporter', 'SCHEMAS_DIR', 'SCHEMA_NAMES',
    'SCHEMA_VERSION', 'SITE_URL', 'TYPES_PATH', 'applyPlan', 'changement', 'citation', 'compareIds', 'contentKey', 'csvRecords',
    'dataDictionary', 'dataDictionaryMarkdown', 'dataFiles', 'defaultCacheDir', 'describeErratum', 'diagnosticsToJson', 'diffEditions',
    'diffLock', 'directiveSourceText', 'editionLock', 'editionPairs', 'editionRequirements', 'exigenceBlock',
    'exigenceHash', 'explorerView', 'formatChangelogMarkdown', 'formatChangelogText', 'formatDiagnosticLine',
    'getRule', 'getValidator', 'holdsExport', 'inlineDirectiveElement', 'isEditionName', 'isFrozen', 'isRequirementId',
    'loadContent', 'lockText', 'mirrorChangelog', 'pagePath', 'parseDatasetJson', 'parseRequirementId',
    'planErratum', 'planNewEdition', 'planPublish', 'printView', 'readDatasetFile', 'readExportRecord', 'readSchemas', 'renderBody',
    'requirementHashes', 'requirementHistories', 'reverseDelta', 'rulePath', 'schemaId', 'similarity', 'soclesView', 'toCsv',
    'toDataPackage', 'toJson', 'toNdjson', 'toXlsx', 'today', 'wordDelta', 'writeExportRecord', 'writeTreeAtomic',
  ]);
});

test('requirement ID grammar', () => {
  for (const id of ['INT-IDA-01', 'SEC-HEB-03', 'NR-DEC-02', 'DOC-SOC-100']) assert.ok(isRequirementId(id), id);
  for (const id of ['int-ida-01', 'INT-IDA-1', 'INT-IDA-0001', 'I-IDA-01', 'INTER-IDA-01', 'INT_IDA_01', 'INT-IDA-01 ', 'ÉCO-IDA-01']) {
    assert.ok(!isRequirementId(id), id);
  }
  assert.deepEqual(parseRequirementId('NR-DEC-02'), { prefixe: 'NR', domaine: 'DEC', numero: 2 });
  assert.deepEqual(['INT-IDA-10', 'INT-IDA-02', 'DOC-ZZZ-99', 'INT-AAA-100'].sort(compareIds), ['DOC-ZZZ-99', 'INT-AAA-100', 'INT-IDA-02', 'INT-IDA-10']);
});

test('every rule has an id, a severity, a title and help', () => {
  const ids = new Set<string>();
  for (const rule of lib.RULES) {
    assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(!ids.has(rule.id), `duplicate rule ${rule.id}`);
    ids.add(rule.id);
    assert.ok(rule.title.length > 0 && rule.help.length > 0);
  }
});
