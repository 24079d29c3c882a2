/** A bad command line: its message is the one line the user sees, and the exit code is 2. */
export class UsageError extends Error {}
