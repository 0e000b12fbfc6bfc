/** Exit codes of the CLI (see README). */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;

/** An error the user can fix by changing the command line; printed without a stack trace, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
