import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import type { ContentBuild } from '../lib/index.ts';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses options strictly; unknown options and missing values are usage errors. */
export function parse<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export const CONTENT_OPTION = { content: { type: 'string', default: 'content' } } as const;

export function contentDir(value: string | undefined): string {
  return resolve(value ?? 'content');
}

export function formatOption(value: string | undefined, allowed: readonly string[], fallback: string): string {
  const format = value ?? fallback;
  if (!allowed.includes(format)) throw new UsageError(`format « ${format} » inconnu, attendu : ${allowed.join(', ')}`);
  return format;
}

/** The single positional YEAR of an edition command. */
export function editionArgument(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'année de l’édition manquante' : `un seul argument attendu, reçu : ${positionals.join(' ')}`);
  const year = positionals[0] ?? '';
  if (!/^[0-9]{4}$/.test(year)) throw new UsageError(`année « ${year} » mal formée, attendu AAAA (par exemple 2026)`);
  return year;
}

/** A `--date` value: a real calendar date `YYYY-MM-DD`. */
export function dateOption(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`date « ${value} » invalide, attendu AAAA-MM-JJ`);
  return value;
}

/** The edition named on the command line exists in the content folder. */
export function requireEdition(build: ContentBuild, year: string): void {
  if (!build.editions.some((e) => e.name === year)) {
    throw new UsageError(`édition « ${year} » introuvable dans ${build.dir}, attendu : ${build.editions.map((e) => e.name).join(', ')}`);
  }
}
