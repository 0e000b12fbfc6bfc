/** Shared test helpers: fixture content folders, running the CLI. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const BASE_CONTENT = join(FIXTURES, 'base');

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'doctrine-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the base fixture content, then the files of `overlay` (a folder laid out like content/) on top. */
export function contentWith(overlay?: string): { dir: string; cleanup: () => void } {
  const temp = tempDir();
  const dir = join(temp.dir, 'content');
  cpSync(BASE_CONTENT, dir, { recursive: true });
  if (overlay) cpSync(overlay, dir, { recursive: true });
  return { dir, cleanup: temp.cleanup };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `doctrine <args>` with the Node running the tests (the project's pinned Node). */
export function cli(args: string[], cwd = ROOT): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'doctrine.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
