/**
 * A request the user must change: a bad flag or option, or work too large to do. Its message
 * is the one line the user sees; the command line exits with code 2. Pure, so that every layer
 * may throw it.
 */
export class UsageError extends Error {
	override name = 'UsageError';
}
