/**
 * Synthetic content for the benchmark: valid content folders (vocabularies, editions, chapters with
 * `:::exigence` directives, glossary) of any size, generated deterministically from a seed.
 *
 * Every edition is a draft (`statut: projet`), so no lock is needed. Between editions, requirements are
 * reworded, retouched (typography only), raised or lowered, retargeted, moved to another chapter, retired
 * (with no successor, replaced, split or merged, declared in `retraits` and `remplace`) and added, so that the
 * diffs between editions do real work. Usage:
 *
 *   node bench/generate.ts --out DIR --exigences 2000 [--editions 5] [--seed 7]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

/** mulberry32: a small, fast, seeded PRNG (same seed, same sequence on every machine). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const chance = (r: Random, p: number): boolean => r() < p;
const int = (r: Random, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
function subset<T>(r: Random, list: readonly T[], min: number, max: number): T[] {
  const n = int(r, min, Math.min(max, list.length));
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(pick(r, list));
  return list.filter((x) => chosen.has(x));
}

const REFERENTIELS = [
  { id: 'texte', prefixe: 'DOC' },
  { id: 'interoperabilite', prefixe: 'INT' },
  { id: 'securite', prefixe: 'SEC' },
  { id: 'numerique-responsable', prefixe: 'NR' },
] as const;
const CIBLES = ['ent', 'ressources', 'vie-scolaire', 'emploi-du-temps', 'evaluation', 'apprentissage', 'infrastructure'];
const SOCLES = ['educonnect', 'guichet-agent', 'scope', 'gar', 'dnma'];
const NORMES = ['saml-2', 'openid-connect', 'oauth-2', 'cas', 'oneroster', 'xapi', 'open-badges', 'scolomfr', 'lti-1-3', 'rgs', 'rgaa', 'rgpd', 'rgesn', 'tls', 'secnumcloud', 'iso-27001', 'csv', 'json'];

const SUJETS = ['Le service', 'L’éditeur', 'Le fournisseur', 'La plateforme', 'L’application', 'Le prestataire', 'L’hébergeur'];
const VERBES = ['chiffre', 'conserve', 'journalise', 'documente', 'publie', 'vérifie', 'protège', 'transmet', 'supprime', 'limite', 'signale', 'met à disposition', 'authentifie', 'sauvegarde', 'contrôle', 'déclare'];
const VERBES_INF = ['chiffrer', 'conserver', 'journaliser', 'documenter', 'publier', 'vérifier', 'protéger', 'transmettre', 'supprimer', 'limiter', 'signaler', 'mettre à disposition', 'authentifier', 'sauvegarder', 'contrôler', 'déclarer'];
const OBJETS = ['les données personnelles des élèves', 'les journaux de connexion', 'les identifiants des agents', 'les résultats des évaluations', 'les traces d’apprentissage', 'les emplois du temps', 'les comptes des familles', 'les sauvegardes chiffrées', 'les ressources pédagogiques', 'les métadonnées des contenus', 'les attestations de réussite', 'les incidents de sécurité', 'les échanges avec le GAR', 'les listes de classes', 'les notifications envoyées aux usagers'];
const COMPLEMENTS = ['dans un délai de trente jours', 'selon le référentiel en vigueur', 'à chaque mise à jour majeure', 'sur le territoire de l’Union européenne', 'au moyen d’un protocole standard', 'sans transfert hors de l’établissement', 'pendant toute la durée du contrat', 'avec l’accord du responsable de traitement', 'dès la première connexion', 'à la demande de l’établissement', 'conformément au RGPD', 'pour chaque année scolaire', 'sans frais supplémentaires', 'dans un format ouvert et documenté'];
const TITRES_A = ['Chiffrement', 'Conservation', 'Journalisation', 'Documentation', 'Publication', 'Vérification', 'Protection', 'Transmission', 'Suppression', 'Limitation', 'Signalement', 'Mise à disposition', 'Authentification', 'Sauvegarde', 'Contrôle', 'Déclaration'];
const MOTS_NOUVEAUX = ['au plus tard', 'systématiquement', 'de manière vérifiable', 'en toute transparence', 'par défaut', 'explicitement', 'sans délai', 'chaque trimestre'];
const THEMES = ['identite', 'donnees', 'hebergement', 'journaux', 'acces', 'sauvegardes', 'traces', 'ressources', 'notifications', 'comptes', 'contrats', 'incidents', 'sobriete', 'accessibilite', 'echanges'];
const TERMES = [
  ['ent', 'Espace numérique de travail (ENT)'], ['gar', 'Gestionnaire d’accès aux ressources'], ['chiffrement', 'Chiffrement'],
  ['journal', 'Journal'], ['traitement', 'Traitement de données'], ['hebergeur', 'Hébergeur'], ['usager', 'Usager'],
  ['responsable-de-traitement', 'Responsable de traitement'], ['sauvegarde', 'Sauvegarde'], ['incident', 'Incident de sécurité'],
  ['trace', 'Trace d’apprentissage'], ['ressource', 'Ressource pédagogique'], ['socle', 'Service socle'], ['norme', 'Norme'],
] as const;

/** One sentence of a statement; `ref` cites another requirement, `terme` a glossary term. */
interface Phrase {
  sujet: string;
  verbe: number;
  objet: string;
  complement: string;
  extra: string[];
  terme?: (typeof TERMES)[number];
}

interface Req {
  id: string;
  title: string;
  niveau: 'obligatoire' | 'recommandé';
  cibles: string[];
  socles: string[];
  normes: string[];
  echeance?: string;
  remplace: string[];
  phrases: Phrase[];
  list?: string[];
  ref?: string;
  apostrophe: '’' | "'";
}

interface Chapter {
  referentiel: (typeof REFERENTIELS)[number];
  slug: string;
  title: string;
  domaine: string;
  next: number;
  reqs: Req[];
}

interface Retrait {
  id: string;
  successeurs: string[];
  motif: string;
}

interface Edition {
  name: string;
  chapters: Chapter[];
  retraits: Retrait[];
}

export interface GenerateOptions {
  /** Requirements in the first edition (later editions drift by a few percent). */
  exigences: number;
  editions: number;
  seed: number;
  /** Requirements per chapter (default 20). */
  perChapter?: number;
  /** Name of the first edition (default 2030). */
  firstYear?: number;
}

export interface GenerateSummary {
  editions: { name: string; exigences: number; chapters: number; retraits: number }[];
  files: number;
  bytes: number;
}

function domainCode(i: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return letters[Math.floor(i / 676) % 26]! + letters[Math.floor(i / 26) % 26]! + letters[i % 26]!;
}

function newPhrase(r: Random): Phrase {
  const p: Phrase = { sujet: pick(r, SUJETS), verbe: int(r, 0, VERBES.length - 1), objet: pick(r, OBJETS), complement: pick(r, COMPLEMENTS), extra: [] };
  if (chance(r, 0.2)) p.terme = pick(r, TERMES);
  return p;
}

function newReq(r: Random, chapter: Chapter, existing: string[]): Req {
  const id = `${chapter.referentiel.prefixe}-${chapter.domaine}-${String(chapter.next++).padStart(2, '0')}`;
  const req: Req = {
    id,
    title: `${pick(r, TITRES_A)} ${pick(r, OBJETS).replace(/^les /, 'des ')}`,
    niveau: chance(r, 0.7) ? 'obligatoire' : 'recommandé',
    cibles: subset(r, CIBLES, 1, 4),
    socles: chance(r, 0.3) ? subset(r, SOCLES, 1, 2) : [],
    normes: chance(r, 0.4) ? subset(r, NORMES, 1, 3) : [],
    remplace: [],
    phrases: Array.from({ length: int(r, 1, 4) }, () => newPhrase(r)),
    apostrophe: '’',
  };
  if (chance(r, 0.1)) req.echeance = `20${int(r, 26, 32)}-0${int(r, 1, 9)}-${String(int(r, 1, 28)).padStart(2, '0')}`;
  if (chance(r, 0.15)) req.list = subset(r, COMPLEMENTS, 2, 4);
  if (existing.length > 0 && chance(r, 0.15)) req.ref = pick(r, existing);
  return req;
}

function firstEdition(r: Random, name: string, total: number, perChapter: number): Edition {
  const chapterCount = Math.max(REFERENTIELS.length, Math.ceil(total / perChapter));
  const chapters: Chapter[] = [];
  for (let i = 0; i < chapterCount; i++) {
    const referentiel = REFERENTIELS[i % REFERENTIELS.length]!;
    const theme = THEMES[Math.floor(i / REFERENTIELS.length) % THEMES.length]!;
    chapters.push({ referentiel, slug: `${theme}-${Math.floor(i / REFERENTIELS.length) + 1}`, title: `Chapitre ${i + 1}, ${theme}`, domaine: domainCode(i), next: 1, reqs: [] });
  }
  const ids: string[] = [];
  for (let n = 0; n < total; n++) {
    const chapter = chapters[n % chapterCount]!;
    const req = newReq(r, chapter, ids);
    chapter.reqs.push(req);
    ids.push(req.id);
  }
  return { name, chapters, retraits: [] };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The next edition: realistic changes of a few percent of the requirements. */
function nextEdition(r: Random, previous: Edition, name: string): Edition {
  const edition: Edition = { name, chapters: clone(previous.chapters), retraits: [] };
  const all = () => edition.chapters.flatMap((c) => c.reqs.map((req) => ({ chapter: c, req })));
  const retiredNow = new Set<string>();
  const successorsOf = new Map<string, string[]>();
  const retire = (id: string, successeurs: string[], motif: string) => {
    retiredNow.add(id);
    successorsOf.set(id, successeurs);
    edition.retraits.push({ id, successeurs, motif });
  };
  const fresh = () => all().filter(({ req }) => !retiredNow.has(req.id) && req.remplace.length === 0);
  const count = all().length;
  // Lineage first (it removes and adds requirements), then edits of the requirements that stay.
  for (let k = 0; k < Math.round(count * 0.006); k++) {
    const target = pick(r, fresh());
    retire(target.req.id, [], 'Exigence retirée : ses dispositions sont couvertes par le reste du référentiel.');
    target.chapter.reqs = target.chapter.reqs.filter((x) => x !== target.req);
  }
  for (let k = 0; k < Math.round(count * 0.006); k++) {
    const target = pick(r, fresh());
    const successor = newReq(r, target.chapter, []);
    successor.remplace = [target.req.id];
    retire(target.req.id, [successor.id], 'Changement de sens : remplacée par une nouvelle exigence.');
    target.chapter.reqs.splice(target.chapter.reqs.indexOf(target.req), 1, successor);
  }
  for (let k = 0; k < Math.round(count * 0.004); k++) {
    const target = pick(r, fresh());
    const a = newReq(r, target.chapter, []);
    const b = newReq(r, target.chapter, []);
    a.remplace = b.remplace = [target.req.id];
    retire(target.req.id, [a.id, b.id], 'Exigence scindée en deux exigences distinctes.');
    target.chapter.reqs.splice(target.chapter.reqs.indexOf(target.req), 1, a, b);
  }
  for (let k = 0; k < Math.round(count * 0.004); k++) {
    const chapter = pick(r, edition.chapters);
    const candidates = chapter.reqs.filter((x) => !retiredNow.has(x.id) && x.remplace.length === 0);
    if (candidates.length < 2) continue;
    const [x, y] = [candidates[0]!, candidates[candidates.length - 1]!];
    const merged = newReq(r, chapter, []);
    merged.remplace = [x.id, y.id];
    retire(x.id, [merged.id], `Fusionnée avec ${y.id} en une exigence unique.`);
    retire(y.id, [merged.id], `Fusionnée avec ${x.id} en une exigence unique.`);
    chapter.reqs.splice(chapter.reqs.indexOf(x), 1, merged);
    chapter.reqs = chapter.reqs.filter((q) => q !== y);
  }
  // Citations of a retired requirement now cite its first successor, or nothing.
  const present = new Set(all().map(({ req }) => req.id));
  for (const { req } of all()) {
    if (req.ref && !present.has(req.ref)) {
      let ref: string | undefined = req.ref;
      while (ref && !present.has(ref)) ref = successorsOf.get(ref)?.[0];
      if (ref && ref !== req.id) req.ref = ref;
      else delete req.ref;
    }
  }
  for (const { chapter, req } of all()) {
    const x = r();
    if (x < 0.08) {
      // Rewording: a few words added or changed.
      const phrase = pick(r, req.phrases);
      if (chance(r, 0.5)) phrase.extra.push(pick(r, MOTS_NOUVEAUX));
      else phrase.complement = pick(r, COMPLEMENTS);
      if (chance(r, 0.2)) req.title = `${req.title} ${pick(r, ['renforcée', 'par défaut', 'des usagers'])}`;
    } else if (x < 0.1) {
      req.apostrophe = req.apostrophe === '’' ? "'" : '’'; // typography only: an editorial change
    } else if (x < 0.13) {
      req.niveau = req.niveau === 'obligatoire' ? 'recommandé' : 'obligatoire';
    } else if (x < 0.16) {
      req.cibles = subset(r, CIBLES, 1, 4);
    } else if (x < 0.17) {
      req.normes = chance(r, 0.5) ? subset(r, NORMES, 1, 3) : [];
    } else if (x < 0.175) {
      const others = edition.chapters.filter((c) => c !== chapter && c.referentiel.id === chapter.referentiel.id);
      if (others.length > 0) {
        chapter.reqs = chapter.reqs.filter((q) => q !== req);
        pick(r, others).reqs.push(req);
      }
    }
  }
  // New requirements.
  const ids = all().map(({ req }) => req.id);
  for (let k = 0; k < Math.round(count * 0.02); k++) {
    const chapter = pick(r, edition.chapters);
    chapter.reqs.push(newReq(r, chapter, ids));
  }
  return edition;
}

function phraseText(p: Phrase, niveau: Req['niveau'], apostrophe: string): string {
  const verbe = niveau === 'obligatoire' ? VERBES[p.verbe] : `devrait ${VERBES_INF[p.verbe]}`;
  const extra = p.extra.length > 0 ? ` ${p.extra.join(' ')}` : '';
  const terme = p.terme ? `, au sens du :terme[${p.terme[1].toLowerCase()}]{#${p.terme[0]}}` : '';
  return `${p.sujet} ${verbe}${extra} ${p.objet} ${p.complement}${terme}.`.replace(/’/g, apostrophe);
}

function attributes(req: Req): string {
  const parts = [`#${req.id}`, `niveau=${req.niveau}`, `cibles="${req.cibles.join(',')}"`];
  if (req.socles.length) parts.push(`socles="${req.socles.join(',')}"`);
  if (req.normes.length) parts.push(`normes="${req.normes.join(',')}"`);
  if (req.echeance) parts.push(`echeance=${req.echeance}`);
  if (req.remplace.length) parts.push(`remplace="${req.remplace.join(',')}"`);
  return `{${parts.join(' ')}}`;
}

function requirementMarkdown(req: Req): string {
  const lines = [`:::exigence[${req.title}]${attributes(req)}`];
  const text = req.phrases.map((p) => phraseText(p, req.niveau, req.apostrophe));
  // Wrap like authors do: a sentence per line, paragraphs of two sentences.
  for (let i = 0; i < text.length; i += 2) {
    if (i > 0) lines.push('');
    lines.push(...text.slice(i, i + 2));
  }
  if (req.list) lines.push('', ...req.list.map((item) => `- ${item} ;`));
  if (req.ref) lines.push('', `Voir aussi :exigence[${req.ref}] et le **guide** [de mise en œuvre](https://example.org/guide).`);
  lines.push(':::');
  return lines.join('\n');
}

function chapterMarkdown(chapter: Chapter, order: number): string {
  const out = ['---', `title: ${chapter.title}`, `description: Exigences du chapitre ${order} sur le thème ${chapter.slug}.`, 'sidebar:', `  order: ${order}`, '---', ''];
  out.push(`Ce chapitre fixe les exigences relatives au thème « ${chapter.slug} » pour les services numériques de l’éducation.`, '');
  chapter.reqs.forEach((req, i) => {
    if (i % 5 === 0) out.push(`## Section ${i / 5 + 1}`, '');
    out.push(requirementMarkdown(req), '');
  });
  return out.join('\n');
}

function editionYaml(edition: Edition): string {
  const lines = [
    `edition: "${edition.name}"`,
    `title: Édition de mesure ${edition.name}`,
    'statut: projet',
    `publication: "${edition.name}"`,
    'sourceOfficielle: https://doctrine-technique-numerique.forge.apps.education.fr/',
    edition.retraits.length === 0 ? 'retraits: []' : 'retraits:',
  ];
  for (const r of edition.retraits) {
    lines.push(`  - id: ${r.id}`, `    successeurs: [${r.successeurs.join(', ')}]`, `    motif: "${r.motif}"`);
  }
  return lines.join('\n') + '\n';
}

function glossaryMarkdown(): string {
  const out = ['---', 'title: Glossaire', '---', ''];
  for (const [id, label] of TERMES) out.push(`:::terme[${label}]{#${id}}`, `Définition de « ${label} » rédigée pour la mesure de performance.`, ':::', '');
  return out.join('\n');
}

/** Writes a content folder under `dir` (replaced). Returns what was written. */
export function generateContent(dir: string, options: GenerateOptions): GenerateSummary {
  const r = prng(options.seed);
  const first = options.firstYear ?? 2030;
  const editions: Edition[] = [firstEdition(r, String(first), options.exigences, options.perChapter ?? 20)];
  for (let i = 1; i < options.editions; i++) editions.push(nextEdition(r, editions[i - 1]!, String(first + i)));
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  write('vocabulaires.yml', readFileSync(new URL('../content/vocabulaires.yml', import.meta.url), 'utf8'));
  for (const edition of editions) {
    write(`${edition.name}/edition.yml`, editionYaml(edition));
    write(`${edition.name}/index.md`, `---\ntitle: Édition ${edition.name}\n---\n\nÉdition générée pour la mesure de performance.\n`);
    write(`${edition.name}/glossaire.md`, glossaryMarkdown());
    const orders = new Map<string, number>();
    for (const chapter of edition.chapters) {
      const order = (orders.get(chapter.referentiel.id) ?? 0) + 1;
      orders.set(chapter.referentiel.id, order);
      write(`${edition.name}/${chapter.referentiel.id}/${chapter.slug}.md`, chapterMarkdown(chapter, order));
    }
  }
  return {
    editions: editions.map((e) => ({ name: e.name, exigences: e.chapters.reduce((n, c) => n + c.reqs.length, 0), chapters: e.chapters.length, retraits: e.retraits.length })),
    files,
    bytes,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, exigences: { type: 'string' }, editions: { type: 'string', default: '1' }, seed: { type: 'string', default: '7' } } });
  if (!values.out || !values.exigences) {
    console.error('Usage : node bench/generate.ts --out DIR --exigences N [--editions N] [--seed N]');
    process.exit(2);
  }
  const summary = generateContent(values.out, { exigences: Number(values.exigences), editions: Number(values.editions), seed: Number(values.seed) });
  console.log(JSON.stringify(summary, null, 2));
}
