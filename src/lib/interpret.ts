/**
 * Meaning layer: reads the directives of one parsed chapter and turns them into requirement and glossary
 * records, reporting every authoring mistake at its place. No cross-file checks here (see `edition.ts`).
 */
import type { Root, RootContent, Paragraph, Yaml } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Place, Reporter } from './diagnostics.ts';
import { isRequirementId, isSlug } from './ids.ts';
import { LineIndex } from './source.ts';
import { parseYaml } from './yaml-source.ts';
import type { Vocabulaires } from './types.ts';

export const NIVEAUX = ['obligatoire', 'recommandé'] as const;
export type Niveau = (typeof NIVEAUX)[number];

/** Attributes a requirement directive may carry. */
export const EXIGENCE_ATTRIBUTES = ['id', 'niveau', 'cibles', 'socles', 'normes', 'echeance', 'remplace'] as const;

/** Starlight's asides, allowed as container directives in chapters. */
const ASIDES = new Set(['note', 'tip', 'caution', 'danger']);

/** A requirement as written in a chapter, before cross-file resolution. */
export interface ExigenceSource {
  id: string;
  title: string;
  niveau: Niveau;
  cibles: string[];
  socles: string[];
  normes: string[];
  echeance?: string;
  remplace: string[];
  /** The statement's Markdown source (normalized). */
  markdown: string;
  /** The statement's mdast nodes (the directive's children without its label). */
  body: RootContent[];
  place: Place;
  /** Place of each attribute (for diagnostics). */
  attributePlaces: Partial<Record<(typeof EXIGENCE_ATTRIBUTES)[number] | 'title', Place>>;
}

export interface TermeSource {
  id: string;
  terme: string;
  markdown: string;
  body: RootContent[];
  place: Place;
}

/** An inline reference to a requirement (`:exigence[ID]`) or a glossary term (`:terme[mots]{#id}`). */
export interface ReferenceSource {
  kind: 'exigence' | 'terme';
  target: string;
  place: Place;
}

export interface Frontmatter {
  title: string;
  order: number;
  description?: string;
  source?: string;
}

/** The well-formed ID of a requirement that has errors, and where it is written. */
export interface InvalidId {
  id: string;
  place: Place;
}

export interface InterpretedChapter {
  frontmatter: Frontmatter | undefined;
  exigences: ExigenceSource[];
  termes: TermeSource[];
  references: ReferenceSource[];
  /**
   * Requirements written with errors (already reported) but a well-formed ID, with the place of that ID: they
   * exist, so references to them are not reported, and their IDs still count for duplicates.
   */
  invalidIds: InvalidId[];
}

export interface InterpretContext {
  file: string;
  text: string;
  vocabulaires: Vocabulaires;
  /** Requirements are allowed (the chapter sits in a référentiel folder). */
  allowExigences: boolean;
  /** Glossary terms are allowed (the file is the glossary). */
  allowTermes: boolean;
  reporter: Reporter;
}

const FENCE_LINE = /^[ \t]*:{3,}[ \t]*$/;

export function interpretChapter(tree: Root, ctx: InterpretContext): InterpretedChapter {
  const lines = new LineIndex(ctx.text);
  const placeOf = (node: { position?: { start: { offset?: number } } }): Place =>
    lines.place(ctx.file, node.position?.start.offset ?? 0);
  const out: InterpretedChapter = { frontmatter: readFrontmatter(tree, ctx, lines), exigences: [], termes: [], references: [], invalidIds: [] };

  /** Column of an attribute in the directive's opening line. */
  const attributePlace = (node: ContainerDirective, name: string): Place => {
    const start = node.position?.start.offset ?? 0;
    const end = ctx.text.indexOf('\n', start);
    const opening = ctx.text.slice(start, end === -1 ? undefined : end);
    const braces = opening.indexOf('{', opening.lastIndexOf(']') + 1);
    const pattern =
      name === 'id' ? /#/ : name === 'class' ? /(?<=[\s{])\./ : new RegExp(`(?<=[\\s{])${name}(?=[=\\s}])`);
    const found = braces === -1 ? -1 : opening.slice(braces).search(pattern);
    return lines.place(ctx.file, found === -1 ? start : start + braces + found);
  };

  /** The directive's last line is its own closing fence. */
  const endsWithFence = (node: ContainerDirective): boolean => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return true;
    const slice = ctx.text.slice(start.offset, end.offset);
    return slice.indexOf('\n') !== -1 && FENCE_LINE.test(slice.slice(slice.lastIndexOf('\n') + 1));
  };

  /**
   * A child directive without its own fence, closed by this directive's fence: the author most likely forgot
   * to close this directive before the child started (micromark gives the only fence to the outer one).
   */
  const swallowedChild = (node: ContainerDirective): ContainerDirective | undefined =>
    node.children.find((c): c is ContainerDirective => c.type === 'containerDirective' && !endsWithFence(c));

  const visit = (nodes: RootContent[], insideExigence: boolean, skipUnclosed?: ContainerDirective): void => {
    for (const node of nodes) {
      if (node.type === 'containerDirective') {
        const swallowed = swallowedChild(node);
        const unclosed = !endsWithFence(node) || swallowed !== undefined;
        if (unclosed && node !== skipUnclosed) {
          const until = swallowed ? `avant la ligne ${swallowed.position?.start.line ?? '?'}` : 'jusqu’à la fin du fichier';
          ctx.reporter.report(
            'directive-unclosed',
            placeOf(node),
            `Directive « ${node.name} » non fermée : elle avale la suite ${until}, attendu une ligne « ::: » qui la ferme`,
          );
        }
        if (node.name === 'exigence') {
          if (!ctx.allowExigences) {
            ctx.reporter.report('exigence-outside-referentiel', placeOf(node), 'Exigence inattendue ici, attendu dans un chapitre de référentiel');
          } else if (insideExigence) {
            ctx.reporter.report('exigence-nested', placeOf(node), 'Exigence imbriquée dans une autre exigence, attendu une exigence fermée avant la suivante');
          } else if (!unclosed) {
            const exigence = readExigence(node);
            if (exigence) out.exigences.push(exigence);
          } else if (isRequirementId(node.attributes?.id ?? '')) {
            out.invalidIds.push({ id: node.attributes?.id ?? '', place: attributePlace(node, 'id') });
          }
          // An unclosed requirement swallowed what follows: read its content as siblings, not as nested.
          visit(node.children, insideExigence || !unclosed, swallowed);
          continue;
        }
        if (node.name === 'terme') {
          if (!ctx.allowTermes) {
            ctx.reporter.report('terme-invalid', placeOf(node), 'Définition de terme inattendue ici, attendu dans glossaire.md');
          } else if (!unclosed) {
            const terme = readTerme(node);
            if (terme) out.termes.push(terme);
          }
          visit(node.children, insideExigence, swallowed);
          continue;
        }
        if (!ASIDES.has(node.name)) {
          ctx.reporter.report('directive-unknown', placeOf(node), `Directive « ${node.name} » inconnue, attendu exigence, terme, note, tip, caution ou danger`);
        }
        visit(node.children, insideExigence, swallowed);
        continue;
      }
      if (node.type === 'leafDirective') {
        ctx.reporter.report('directive-unknown', placeOf(node), `Directive « ::${node.name} » inconnue`);
        continue;
      }
      if (node.type === 'textDirective') {
        readReference(node);
        continue;
      }
      if ('children' in node) visit(node.children as RootContent[], insideExigence);
    }
  };

  const readReference = (node: TextDirective): void => {
    if (node.name === 'exigence') {
      const target = toString(node).trim();
      out.references.push({ kind: 'exigence', target, place: placeOf(node) });
    } else if (node.name === 'terme') {
      const target = node.attributes?.id ?? '';
      out.references.push({ kind: 'terme', target, place: placeOf(node) });
    }
    // Other text directives (« 10:30 », « Note:x ») are plain text: renderers restore them.
  };

  const splitLabel = (node: ContainerDirective): { label: Paragraph | undefined; body: RootContent[] } => {
    const [first, ...rest] = node.children;
    if (first?.type === 'paragraph' && first.data?.directiveLabel) return { label: first, body: rest };
    return { label: undefined, body: node.children };
  };

  const bodyMarkdown = (body: RootContent[]): string => {
    const first = body[0]?.position?.start.offset;
    const last = body[body.length - 1]?.position?.end.offset;
    if (first === undefined || last === undefined) return '';
    return ctx.text.slice(first, last).trim();
  };

  const list = (node: ContainerDirective, name: 'cibles' | 'socles' | 'normes' | 'remplace'): string[] => {
    const raw = node.attributes?.[name];
    if (raw === undefined || raw === null) return [];
    const values = raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) {
        ctx.reporter.report('value-duplicate', attributePlace(node, name), `Valeur « ${value} » répétée dans « ${name} »`);
      }
      seen.add(value);
    }
    return [...seen];
  };

  const checkVocabulary = (
    node: ContainerDirective,
    name: 'cibles' | 'socles' | 'normes',
    values: string[],
    rule: 'cible-unknown' | 'socle-unknown' | 'norme-unknown',
  ): string[] => {
    const known = ctx.vocabulaires[name].map((entry) => entry.id);
    const unknown = values.filter((v) => !known.includes(v));
    for (const value of unknown) {
      ctx.reporter.report(rule, attributePlace(node, name), `Valeur « ${value} » inconnue dans « ${name} », attendu l'une de : ${known.join(', ')}`);
    }
    // Canonical order: the vocabulary's.
    return known.filter((k) => values.includes(k));
  };

  const readExigence = (node: ContainerDirective): ExigenceSource | undefined => {
    const attributes = node.attributes ?? {};
    let valid = true;
    for (const name of Object.keys(attributes)) {
      if (!(EXIGENCE_ATTRIBUTES as readonly string[]).includes(name)) {
        valid = false;
        const shownName = name === 'class' ? `.${attributes[name] ?? ''}` : name;
        ctx.reporter.report('attribute-unknown', attributePlace(node, name), `Attribut « ${shownName} » inattendu, attendu : ${EXIGENCE_ATTRIBUTES.join(', ')}`);
      }
    }
    const id = attributes.id ?? '';
    if (id === '') {
      valid = false;
      ctx.reporter.report('id-missing', placeOf(node), 'Identifiant manquant, attendu « {#<RÉF>-<DOMAINE>-<NN> …} »');
    } else if (!isRequirementId(id)) {
      valid = false;
      ctx.reporter.report('id-malformed', attributePlace(node, 'id'), `Identifiant « ${id} » mal formé, attendu <RÉF>-<DOMAINE>-<NN> en majuscules (ex. INT-IDA-01)`);
    }
    const { label, body } = splitLabel(node);
    const title = label ? toString(label).trim() : '';
    if (title === '') {
      valid = false;
      ctx.reporter.report('title-missing', placeOf(node), 'Titre manquant, attendu « :::exigence[Titre]{…} »');
    }
    const niveau = attributes.niveau;
    if (niveau === undefined || niveau === null || niveau === '') {
      valid = false;
      ctx.reporter.report('niveau-missing', placeOf(node), 'Niveau manquant, attendu niveau=obligatoire ou niveau=recommandé');
    } else if (!(NIVEAUX as readonly string[]).includes(niveau)) {
      valid = false;
      ctx.reporter.report('niveau-unknown', attributePlace(node, 'niveau'), `Niveau « ${niveau} » inconnu, attendu obligatoire ou recommandé`);
    }
    const rawCibles = list(node, 'cibles');
    if (rawCibles.length === 0) {
      valid = false;
      ctx.reporter.report('cibles-missing', placeOf(node), 'Cibles manquantes, attendu cibles="…" avec au moins une cible du vocabulaire');
    }
    const cibles = checkVocabulary(node, 'cibles', rawCibles, 'cible-unknown');
    const socles = checkVocabulary(node, 'socles', list(node, 'socles'), 'socle-unknown');
    const normes = checkVocabulary(node, 'normes', list(node, 'normes'), 'norme-unknown');
    if (cibles.length !== rawCibles.length) valid = false;
    const remplace = list(node, 'remplace');
    for (const old of remplace) {
      if (!isRequirementId(old) || old === id) {
        valid = false;
        ctx.reporter.report('remplace-invalid', attributePlace(node, 'remplace'), `Valeur « ${old} » inattendue dans « remplace », attendu l'identifiant d'une exigence retirée`);
      }
    }
    const echeance = attributes.echeance ?? undefined;
    if (echeance !== undefined && !isIsoDate(echeance)) {
      valid = false;
      ctx.reporter.report('echeance-invalid', attributePlace(node, 'echeance'), `Échéance « ${echeance} » invalide, attendu une date AAAA-MM-JJ`);
    }
    const markdown = bodyMarkdown(body);
    if (body.length === 0 || markdown === '') {
      valid = false;
      ctx.reporter.report('exigence-empty', placeOf(node), 'Exigence vide, attendu un énoncé entre l’ouverture et la fermeture');
    }
    if (!valid) {
      if (isRequirementId(id)) out.invalidIds.push({ id, place: attributePlace(node, 'id') });
      return undefined;
    }
    const attributePlaces: ExigenceSource['attributePlaces'] = { title: placeOf(node) };
    for (const name of EXIGENCE_ATTRIBUTES) if (name in attributes) attributePlaces[name] = attributePlace(node, name);
    const exigence: ExigenceSource = {
      id,
      title,
      niveau: niveau as Niveau,
      cibles,
      socles,
      normes,
      remplace,
      markdown,
      body,
      place: placeOf(node),
      attributePlaces,
    };
    if (echeance !== undefined) exigence.echeance = echeance;
    return exigence;
  };

  const readTerme = (node: ContainerDirective): TermeSource | undefined => {
    const id = node.attributes?.id ?? '';
    const { label, body } = splitLabel(node);
    const terme = label ? toString(label).trim() : '';
    const markdown = bodyMarkdown(body);
    const extra = Object.keys(node.attributes ?? {}).filter((k) => k !== 'id');
    if (!isSlug(id) || terme === '' || markdown === '' || extra.length > 0) {
      ctx.reporter.report('terme-invalid', placeOf(node), 'Terme mal écrit, attendu « :::terme[Libellé]{#id} », un id en minuscules et une définition');
      return undefined;
    }
    return { id, terme, markdown, body, place: placeOf(node) };
  };

  visit(tree.children, false);
  return out;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function readFrontmatter(tree: Root, ctx: InterpretContext, lines: LineIndex): Frontmatter | undefined {
  const first = tree.children[0];
  const yaml = first?.type === 'yaml' ? (first as Yaml) : undefined;
  if (!yaml) {
    const message = ctx.text.startsWith('---\n')
      ? 'En-tête non fermé, attendu une ligne « --- » après le YAML'
      : 'En-tête manquant, attendu un bloc YAML entre deux lignes « --- » avec title';
    ctx.reporter.report('frontmatter-invalid', { file: ctx.file, line: 1, column: 1 }, message);
    return undefined;
  }
  const source = parseYaml(yaml.value, ctx.file, ctx.reporter, 'frontmatter-invalid', 1);
  if (!source) return undefined;
  const data = source.value;
  const start = lines.place(ctx.file, yaml.position?.start.offset ?? 0);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    ctx.reporter.report('frontmatter-invalid', start, 'En-tête inattendu, attendu un objet YAML avec title');
    return undefined;
  }
  const record = data as Record<string, unknown>;
  let ok = true;
  if (typeof record.title !== 'string' || record.title.trim() === '') {
    ok = false;
    ctx.reporter.report('frontmatter-invalid', source.locate(['title']), 'Propriété « title » manquante ou vide dans l’en-tête');
  }
  const sidebar = record.sidebar as Record<string, unknown> | undefined;
  const order = sidebar?.order ?? 0;
  if (typeof order !== 'number' || !Number.isInteger(order)) {
    ok = false;
    ctx.reporter.report('frontmatter-invalid', source.locate(['sidebar', 'order']), 'Valeur inattendue pour « sidebar.order », attendu un entier');
  }
  if (record.source !== undefined && (typeof record.source !== 'string' || !/^https:\/\/\S+$/.test(record.source))) {
    ok = false;
    ctx.reporter.report('frontmatter-invalid', source.locate(['source']), 'Valeur inattendue pour « source », attendu une adresse https://');
  }
  if (!ok) return undefined;
  const fm: Frontmatter = { title: (record.title as string).trim(), order: order as number };
  if (typeof record.description === 'string') fm.description = record.description;
  if (typeof record.source === 'string') fm.source = record.source;
  return fm;
}
