/** Bad usage: the CLI prints the message on one line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;

/** `notice lint`: the draft should change (a required part is missing or something looks like a scam). */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** `check --fail-on`: an input reached the given risk. */
export const EXIT_RISK = 3;
