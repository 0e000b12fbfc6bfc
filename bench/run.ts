/**
 * `npm run bench`: how the tools scale far beyond today's content, in numbers, written to BENCHMARKS.md.
 *
 * For generated content sets (bench/generate.ts) of one edition of each size, five editions of 2,000 and two
 * editions of 5,000 requirements, it measures, each in a fresh Node process, the median of several runs:
 * - the export (`doctrine export`), cold (no cache) and again on unchanged content (cache warm), against a raw
 *   single-threaded remark parse of the same files;
 * - the full site build (`astro build` of this project on the set, DOCTRINE_CONTENT_DIR) against a bare Starlight
 *   build of the same Markdown files (bench/bare/);
 * - `diffEditions` between two large editions, with word deltas;
 * - peak memory (max RSS) of each process; bytes of a requirement page and of the explorer with their CSS and JS.
 *
 * Options: --sizes 500,2000,10000  --multi 5x2000  --pair 5000  --runs 3  --build-sizes 500,2000,10000,5x2000
 *          --budget 30 (minutes; a measure whose estimate would overrun it is skipped, and said so)  --no-write
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateContent, type GenerateSummary } from './generate.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', 'work');
const NODE = process.execPath;
const CACHE_DIR = join(WORK, 'cache');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,2000,10000' },
    multi: { type: 'string', default: '5x2000' },
    pair: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    'build-sizes': { type: 'string', default: '500,2000,10000,5x2000' },
    budget: { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const BUDGET_MS = Number(values.budget) * 60_000;
const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
const started = Date.now();
const loadStart = loadavg().map((x) => x.toFixed(1)).join(' / ');
const elapsed = () => Date.now() - started;

interface SetSpec {
  name: string;
  label: string;
  exigences: number;
  editions: number;
}

const sets: SetSpec[] = [
  ...list(values.sizes).map((n) => ({ name: `x${n}`, label: `1 édition × ${Number(n).toLocaleString('fr-FR')}`, exigences: Number(n), editions: 1 })),
  ...list(values.multi).map((m) => {
    const [e = '5', n = '2000'] = m.split('x');
    return { name: `m${m}`, label: `${e} éditions × ${Number(n).toLocaleString('fr-FR')}`, exigences: Number(n), editions: Number(e) };
  }),
];
const pairSize = values.pair ? Number(values.pair) : 0;
const buildSets = new Set(list(values['build-sizes']).map((s) => (s.includes('x') ? `m${s}` : `x${s}`)));

/** Notes on what was skipped or shortened, and why: written to BENCHMARKS.md with the numbers. */
const notes: string[] = [];

function log(message: string): void {
  process.stderr.write(`[bench ${(elapsed() / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface TaskResult {
  ms: number;
  rssMb: number;
  [key: string]: unknown;
}

/** Runs a task script in a fresh Node process; its last stdout line is its JSON result. */
function task(script: string, args: string[], env: Record<string, string> = {}): TaskResult {
  const result = spawnSync(NODE, [join(ROOT, 'bench', 'tasks', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DOCTRINE_CACHE_DIR: CACHE_DIR, ...env },
    maxBuffer: 1 << 28,
  });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !last.startsWith('{')) {
    throw new Error(`${script} ${args.join(' ')} a échoué (code ${result.status}) :\n${result.stderr.slice(-4000)}`);
  }
  return JSON.parse(last) as TaskResult;
}

interface Measure {
  ms: number;
  rssMb: number;
  runs: number;
  extra: Record<string, unknown>;
}

/**
 * Median of `RUNS` runs, or fewer when the next run would overrun the budget (noted); `before` runs untimed
 * before each run (e.g. clearing a cache).
 */
function measure(what: string, run: () => TaskResult, before: () => void = () => {}): Measure {
  const results: TaskResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const last = results[results.length - 1];
    if (last && elapsed() + last.ms > BUDGET_MS) {
      notes.push(`${what} : ${results.length} mesure(s) au lieu de ${RUNS}, le budget de ${values.budget} min étant atteint.`);
      break;
    }
    before();
    results.push(run());
  }
  const { ms: _ms, rssMb: _rss, ...extra } = results[results.length - 1] as TaskResult;
  log(`${what} : ${results.map((r) => Math.round(r.ms)).join(', ')} ms`);
  return { ms: median(results.map((r) => r.ms)), rssMb: Math.max(...results.map((r) => r.rssMb)), runs: results.length, extra };
}

/** Generates a set, unless it is already there from an earlier run with the same spec. */
function prepare(spec: SetSpec): { dir: string; summary: GenerateSummary } {
  const dir = join(WORK, 'sets', spec.name, 'content');
  const stamp = join(WORK, 'sets', spec.name, 'spec.json');
  const wanted = JSON.stringify({ ...spec, generator: readFileSync(join(ROOT, 'bench', 'generate.ts'), 'utf8').length });
  if (existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).wanted === wanted) {
    return { dir, summary: JSON.parse(readFileSync(stamp, 'utf8')).summary as GenerateSummary };
  }
  const summary = generateContent(dir, { exigences: spec.exigences, editions: spec.editions, seed: 7 });
  writeFileSync(stamp, JSON.stringify({ wanted, summary }));
  return { dir, summary };
}

/** A bare Starlight project with the set's Markdown files in src/content/docs/, inside this project so that it uses its node_modules. */
function bareProject(spec: SetSpec, content: string): string {
  const root = join(WORK, 'bare', spec.name);
  rmSync(root, { recursive: true, force: true });
  cpSync(join(ROOT, 'bench', 'bare'), root, { recursive: true });
  // Astro bundles the integrations it finds among the project's dependencies (Starlight's routes included).
  const dependencies = { astro: '*', '@astrojs/starlight': '*' };
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: `bare-${spec.name}`, private: true, type: 'module', dependencies }) + '\n');
  // No node_modules of its own: Node's resolution walks up to this project's (the same packages, no link).
  for (const entry of readdirSync(content, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(root, 'src', 'content', 'docs', relative(content, from));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
  }
  return root;
}

/** Bytes of a built page with the stylesheets and scripts it loads (same origin), raw and gzip. */
function pageWeight(dist: string, page: string): { html: number; total: number; gzip: number; assets: number } {
  const file = join(dist, page, 'index.html');
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const assets = new Set<string>();
  for (const m of text.matchAll(/<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="(\/[^"]+)"/g)) assets.add(m[1] ?? '');
  // Scripts import other chunks: follow static imports one level at a time.
  const queue = [...assets].filter((a) => a.endsWith('.js'));
  while (queue.length > 0) {
    const asset = queue.pop() ?? '';
    const path = join(dist, asset);
    if (!existsSync(path)) continue;
    for (const m of readFileSync(path, 'utf8').matchAll(/(?:import|from)\s*["']\.?\.?\/?([^"']+\.js)["']/g)) {
      const dep = join(dirname(asset), m[1] ?? '');
      if (!assets.has(dep)) {
        assets.add(dep);
        queue.push(dep);
      }
    }
  }
  let total = html.length;
  let gzip = gzipSync(html).length;
  for (const asset of assets) {
    const path = join(dist, asset);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    total += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { html: html.length, total, gzip, assets: assets.size };
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface ExportRow {
  spec: SetSpec;
  summary: GenerateSummary;
  parse: Measure;
  cold: Measure;
  cached: Measure;
  warm: Measure;
}
interface BuildRow {
  spec: SetSpec;
  full?: Measure;
  bare?: Measure;
  skipped?: string;
  weights?: { page: string; label: string; html: number; total: number; gzip: number; assets: number }[];
}
interface DiffRow {
  label: string;
  exigences: number[];
  changes: number;
  ms: number;
  runs: number;
}

const exportRows: ExportRow[] = [];
const buildRows: BuildRow[] = [];
const diffRows: DiffRow[] = [];

log(`ensembles : ${sets.map((s) => s.name).join(', ')}${pairSize ? `, paire de ${pairSize}` : ''} ; ${RUNS} mesures par point ; budget ${values.budget} min`);

// 1. Export against the raw parse, cold and warm. Cheap: every set.
for (const spec of sets) {
  const { dir, summary } = prepare(spec);
  const out = join(WORK, 'out', spec.name);
  log(`${spec.name} : ${summary.files} fichiers, ${(summary.bytes / 1e6).toFixed(1)} Mo`);
  const parse = measure(`${spec.name} analyse brute`, () => task('parse.ts', [dir]));
  const cold = measure(`${spec.name} export à froid`, () => task('export.ts', [dir, out]), () => {
    rmSync(CACHE_DIR, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
  const cached = measure(`${spec.name} export, chapitres en cache`, () => task('export.ts', [dir, out]), () => rmSync(out, { recursive: true, force: true }));
  const warm = measure(`${spec.name} réexport inchangé`, () => task('export.ts', [dir, out]));
  exportRows.push({ spec, summary, parse, cold, cached, warm });
}

// 2. Diff of two large editions.
if (pairSize > 0) {
  const spec: SetSpec = { name: `p${pairSize}`, label: `2 éditions × ${pairSize.toLocaleString('fr-FR')}`, exigences: pairSize, editions: 2 };
  const { dir, summary } = prepare(spec);
  const [a, b] = summary.editions.map((e) => e.name);
  const result = task('diff.ts', [dir, a ?? '', b ?? '', String(Math.max(RUNS, 5))]);
  const ms = result.ms as unknown as number[];
  log(`diff ${spec.name} : ${ms.map(Math.round).join(', ')} ms`);
  diffRows.push({ label: spec.label, exigences: result.exigences as number[], changes: result.changes as number, ms: median(ms), runs: ms.length });
}
for (const row of exportRows.filter((r) => r.spec.editions > 1)) {
  const names = row.summary.editions.map((e) => e.name);
  const [a, b] = [names[0] ?? '', names[names.length - 1] ?? ''];
  const result = task('diff.ts', [join(WORK, 'sets', row.spec.name, 'content'), a, b, String(Math.max(RUNS, 5))]);
  const ms = result.ms as unknown as number[];
  diffRows.push({ label: `${row.spec.label} (${a} → ${b})`, exigences: result.exigences as number[], changes: result.changes as number, ms: median(ms), runs: ms.length });
}

// 3. Site builds, smallest first; a build whose estimate (from the last one, linear in requirements) overruns the
// budget is skipped.
let perExigence: number | undefined;
for (const spec of [...sets].sort((a, b) => a.exigences * a.editions - b.exigences * b.editions)) {
  if (!buildSets.has(spec.name)) continue;
  const total = spec.exigences * spec.editions;
  const estimate = perExigence ? perExigence * total * 2 * RUNS : 0;
  if (perExigence && elapsed() + estimate > BUDGET_MS) {
    const skipped = `ignorée : estimée à ${Math.round(estimate / 60000)} min pour ${RUNS} mesure(s) des deux constructions, au-delà du budget de ${values.budget} min (${Math.round(elapsed() / 60000)} min déjà écoulées)`;
    notes.push(`Construction ${spec.label} ${skipped}.`);
    buildRows.push({ spec, skipped });
    log(`${spec.name} construction ${skipped}`);
    continue;
  }
  const content = join(WORK, 'sets', spec.name, 'content');
  const dist = join(WORK, 'dist', spec.name);
  const bare = bareProject(spec, content);
  const full = measure(`${spec.name} construction complète`, () => task('build.ts', [ROOT, dist], { DOCTRINE_CONTENT_DIR: content }));
  const bareBuild = measure(`${spec.name} construction Starlight nue`, () => task('build.ts', [bare, join(bare, 'dist')]));
  perExigence = (full.ms + bareBuild.ms) / 2 / total;
  const first = readdirSync(join(dist, spec.editions > 1 ? String(2029 + spec.editions) : '2030', 'exigences')).sort()[0] ?? '';
  const edition = spec.editions > 1 ? String(2029 + spec.editions) : '2030';
  const chapter = readdirSync(join(bare, 'dist', edition, 'securite')).sort()[0] ?? '';
  const weights = [
    { page: `${edition}/exigences/${first}`, label: 'page d’une exigence', ...pageWeight(dist, `${edition}/exigences/${first}`) },
    { page: `${edition}/explorateur`, label: 'explorateur', ...pageWeight(dist, `${edition}/explorateur`) },
    { page: `${edition}/securite/${chapter}`, label: 'chapitre (site complet)', ...pageWeight(dist, `${edition}/securite/${chapter}`) },
    { page: `${edition}/securite/${chapter}`, label: 'chapitre (Starlight nu)', ...pageWeight(join(bare, 'dist'), `${edition}/securite/${chapter}`) },
  ];
  buildRows.push({ spec, full, bare: bareBuild, weights });
}

// ---------------------------------------------------------------------------------------------------------------

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtInt = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
const fmtKb = (b: number) => `${(b / 1024).toFixed(1)} Kio`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const cpu = cpus()[0]?.model ?? '?';
const lines: string[] = [];
lines.push(
  `Mesuré le ${new Date().toISOString().slice(0, 10)} sur ${cpu}, ${availableParallelism()} cœurs, ${Math.round(totalmem() / 2 ** 30)} Gio, ` +
    `${osType()} ${release()}, charge moyenne ${loadStart} au début et ${loadavg().map((x) => x.toFixed(1)).join(' / ')} à la fin (1 / 5 / 15 min ; la machine est partagée), ` +
    `Node ${process.version}, commit ${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ' (modifié)' : ''}. ` +
    `Commande : \`npm run bench -- ${process.argv.slice(2).join(' ')}\`, ${RUNS} mesure(s) par point (médiane), chaque mesure dans un processus Node neuf, ` +
    `durée totale ${Math.round(elapsed() / 60000)} min.`,
  '',
  '### Export contre analyse brute',
  '',
  '| contenu | exigences | fichiers .md | analyse remark brute (1 fil) | export à froid | rapport | µs par exigence | export, chapitres en cache | réexport inchangé | mémoire max (export) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
/** Requirements of an export row, over all its editions. */
const exigencesOf = (r: ExportRow) => r.summary.editions.reduce((n, e) => n + e.exigences, 0);
for (const r of exportRows) {
  const total = exigencesOf(r);
  lines.push(
    `| ${r.spec.label} | ${fmtInt(total)} | ${fmtInt(Number(r.parse.extra.files))} | ${fmtMs(r.parse.ms)} | ${fmtMs(r.cold.ms)} | ${ratio(r.cold.ms, r.parse.ms)} | ` +
      `${fmtInt(Math.round((r.cold.ms * 1000) / total))} | ${fmtMs(r.cached.ms)} | ${fmtMs(r.warm.ms)} | ${Math.round(Math.max(r.cold.rssMb, r.cached.rssMb, r.warm.rssMb))} Mo |`,
  );
}
lines.push('', '### Construction du site contre Starlight nu', '', '| contenu | pages (complet / nu) | site complet | Starlight nu, mêmes Markdown | rapport | mémoire max (complet / nu) |', '|---|---:|---:|---:|---:|---:|');
for (const r of buildRows) {
  if (!r.full || !r.bare) {
    lines.push(`| ${r.spec.label} | — | — | — | — | ${r.skipped ?? ''} |`);
    continue;
  }
  lines.push(
    `| ${r.spec.label} | ${fmtInt(Number(r.full.extra.pages))} / ${fmtInt(Number(r.bare.extra.pages))} | ${fmtMs(r.full.ms)} (${r.full.runs}) | ${fmtMs(r.bare.ms)} (${r.bare.runs}) | ` +
      `${ratio(r.full.ms, r.bare.ms)} | ${Math.round(r.full.rssMb)} / ${Math.round(r.bare.rssMb)} Mo |`,
  );
}
lines.push('', 'Entre parenthèses : le nombre de mesures.', '', '### Différences entre éditions (`diffEditions`, deltas par mot)', '', '| éditions | exigences | changements | durée (médiane) |', '|---|---:|---:|---:|');
for (const d of diffRows) lines.push(`| ${d.label} | ${d.exigences.map(fmtInt).join(' → ')} | ${fmtInt(d.changes)} | ${fmtMs(d.ms)} (${d.runs}) |`);
lines.push('', '### Octets transférés', '', '| contenu | page | HTML | avec CSS et JS | gzip | fichiers CSS/JS |', '|---|---|---:|---:|---:|---:|');
for (const r of buildRows) {
  for (const w of r.weights ?? []) lines.push(`| ${r.spec.label} | ${w.label} (\`/${w.page}/\`) | ${fmtKb(w.html)} | ${fmtKb(w.total)} | ${fmtKb(w.gzip)} | ${w.assets} |`);
}
lines.push('', ...objectives());
if (notes.length > 0) lines.push('', '### Ignoré ou écourté', '', ...notes.map((n) => `- ${n}`));

/** The issue's targets against this run's numbers: one row each, met or not (an honest « non » stays visible). */
function objectives(): string[] {
  const rows: [string, string, boolean][] = [];
  const single = exportRows.filter((r) => r.spec.editions === 1).sort((a, b) => exigencesOf(a) - exigencesOf(b));
  const largest = single[single.length - 1];
  if (largest) {
    rows.push([`export à froid de ${largest.spec.label} plus rapide que l’analyse remark brute (1 fil)`, `${ratio(largest.cold.ms, largest.parse.ms)} (${fmtMs(largest.cold.ms)} contre ${fmtMs(largest.parse.ms)})`, largest.cold.ms < largest.parse.ms]);
  }
  if (exportRows.length > 0) {
    const worst = Math.max(...exportRows.map((r) => r.warm.ms));
    rows.push(['réexport d’un contenu inchangé sous 1 s (pire ensemble)', fmtMs(worst), worst < 1000]);
  }
  rows.push(...linearity('export à froid', single.map((r) => [exigencesOf(r), r.cold.ms, r.spec.label])));
  const built = buildRows.filter((r) => r.full && r.bare) as (BuildRow & { full: Measure; bare: Measure })[];
  if (built.length > 0) {
    const worst = built.reduce((w, r) => (r.full.ms / r.bare.ms > w.full.ms / w.bare.ms ? r : w));
    rows.push([`construction complète ≤ 1,3 × Starlight nu (pire : ${worst.spec.label})`, ratio(worst.full.ms, worst.bare.ms), worst.full.ms / worst.bare.ms <= 1.3]);
  }
  const builtSingle = built.filter((r) => r.spec.editions === 1).sort((a, b) => a.spec.exigences - b.spec.exigences);
  rows.push(...linearity('construction complète', builtSingle.map((r) => [r.spec.exigences, r.full.ms, r.spec.label])));
  for (const d of diffRows.filter((d) => d.label.startsWith('2 éditions'))) rows.push([`diff de ${d.label} avec deltas par mot sous 1 s`, fmtMs(d.ms), d.ms < 1000]);
  return [
    '### Objectifs',
    '',
    'Linéaire : le coût marginal par exigence entre les deux plus grands ensembles d’une édition est au plus 1,25 × ' +
      'celui entre les deux plus petits (les coûts fixes, comme le démarrage, n’y entrent pas).',
    '',
    '| objectif | mesuré | atteint |',
    '|---|---:|:---:|',
    ...rows.map(([what, measured, met]) => `| ${what} | ${measured} | ${met ? 'oui' : 'non'} |`),
  ];
}

/** One measured size: [requirements, ms, label]. */
type Point = [number, number, string];

/** Marginal cost per requirement of the last step of sizes against the first; `points` sorted by size. */
function linearity(what: string, points: Point[]): [string, string, boolean][] {
  if (points.length < 3) return [];
  const marginal = (a: Point, b: Point) => (b[1] - a[1]) / (b[0] - a[0]);
  const [p0, p1] = points as [Point, Point];
  const [q0, q1] = points.slice(-2) as [Point, Point];
  const first = marginal(p0, p1);
  const last = marginal(q0, q1);
  const us = (ms: number) => `${fmtInt(Math.round(ms * 1000))} µs`;
  return [[`${what} linéaire : coût marginal par exigence, ${q0[2]} → ${q1[2]} / ${p0[2]} → ${p1[2]}`, `${(last / first).toFixed(2)}× (${us(last)} / ${us(first)})`, last / first <= 1.25]];
}

const table = lines.join('\n');
console.log(table);
if (!values['no-write']) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const [head = '', rest = ''] = current.split(START);
  const tail = rest.split(END)[1] ?? '\n';
  writeFileSync(file, `${head}${START}\n${table}\n${END}${tail}`);
  log(`BENCHMARKS.md écrit (${statSync(file).size} octets)`);
}
