import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
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
