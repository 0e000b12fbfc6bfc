/** The built site (dist/) against the library's datasets: one truth for texts, the same data files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataFiles, loadContent } from '../src/lib/index.ts';
import { ROOT } from './helpers.ts';
import { assertBuilt, DIST } from './site-helpers.ts';

assertBuilt();
const content = await loadContent(join(ROOT, 'content'));

test('the shipped content is valid', () => {
  assert.deepEqual(content.reporter.diagnostics, []);
  assert.ok(content.editions.length >= 3);
});

test('every requirement of every edition is on its page with exactly the dataset’s text', () => {
  let checked = 0;
  for (const edition of content.editions) {
    const dataset = edition.dataset;
    assert.ok(dataset);
    for (const exigence of dataset.exigences) {
      const statement = `<div class="exigence-enonce">${exigence.statement.html}</div>`;
      const page = readFileSync(join(DIST, edition.name, exigence.chapitre, 'index.html'), 'utf8');
      assert.ok(page.includes(statement), `${exigence.citation}: statement differs on the chapter page`);
      assert.ok(page.includes(` id="${exigence.id}"`), `${exigence.citation}: no anchor`);
      const permanent = readFileSync(join(DIST, edition.name, 'exigences', exigence.id, 'index.html'), 'utf8');
      assert.ok(permanent.includes(statement), `${exigence.citation}: statement differs on its permanent page`);
      assert.ok(
        permanent.includes(`<link rel="alternate" type="application/json" href="/api/v1/${edition.name}/exigences/${exigence.id}.json"`),
        `${exigence.citation}: no JSON alternate link`,
      );
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} requirements checked`);
});

test('the site publishes the same data files as `doctrine export`', async () => {
  const files = await dataFiles(content);
  const api = join(DIST, 'api', 'v1');
  const published = readdirSync(api, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(api.length + 1)).sort();
  assert.deepEqual(published, [...files.keys()]);
  for (const [path, data] of files) assert.ok(readFileSync(join(api, path)).equals(Buffer.from(data)), path);
});

test('every page says once that requirement texts are reformulations', () => {
  const pages = readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === 'index.html');
  assert.ok(pages.length > 50);
  for (const page of pages) {
    const html = readFileSync(join(page.parentPath, page.name), 'utf8');
    assert.equal(html.split('class="bandeau-avertissement"').length - 1, 1, join(page.parentPath, page.name));
  }
});

test('every page carries a Content-Security-Policy that allows only the site itself', () => {
  const pages = readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  for (const page of pages) {
    const html = readFileSync(join(page.parentPath, page.name), 'utf8');
    assert.match(html, /^<!DOCTYPE html><html[^>]*><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'[^"]*; object-src 'none'/, page.name);
  }
});

test('pages of superseded editions point to the edition in force', () => {
  const html = readFileSync(join(DIST, '2023', 'index.html'), 'utf8');
  assert.match(html, /class="bandeau-edition"[^>]*>Édition 2023 : remplacée\. L’édition en vigueur est <a href="\/2025\/">/);
  assert.doesNotMatch(readFileSync(join(DIST, '2025', 'index.html'), 'utf8'), /bandeau-edition/);
});
