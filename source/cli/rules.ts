/**
 * The rules a flag's value must follow, the same for the command line (strings, as typed) and
 * for the library (`renderFrame`, `show`: typed values). A rule returns the value, typed, or
 * throws the UsageError the user sees, naming the option as they wrote it: `--width` on the
 * command line, `width` in code.
 */
import {UsageError} from '../model/errors.js';

/** `typed`: the value came from code, where a number must be a number (the command line has only strings). */
export type Rule<T> = (value: unknown, name: string, typed?: boolean) => T;

const got = (value: unknown) => {
	if (value === undefined || value === '') return 'nothing';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	try {
		return JSON.stringify(value) ?? typeof value;
	} catch {
		return typeof value;
	}
};
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);

/** A plain decimal as typed (`2`, `0.5`, `.25`, `+3.`) or a finite number; NaN for anything else. */
function decimal(value: unknown, typed = false): number {
	if (typeof value === 'number') return value;
	const text = typed ? undefined : trimmed(value);
	return text !== undefined && /^[+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** `scene`: the rule is a scene's own range, and its message says so (`… from 2 to 4 for interleavings`). */
const forScene = (scene?: string) => (scene ? ` for ${scene}` : '');

export const integer =
	(min: number, max: number, scene?: string): Rule<number> =>
	(value, name, typed) => {
		const text = typed ? undefined : trimmed(value);
		const number = typeof value === 'number' ? value : text !== undefined && /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
		if (!Number.isSafeInteger(number) || number < min || number > max) {
			throw new UsageError(`${name} must be an integer from ${min} to ${max}${forScene(scene)} (got ${got(value)})`);
		}
		return number;
	};

/** Seconds greater than 0 and at most `max`. */
export const seconds =
	(max: number): Rule<number> =>
	(value, name, typed) => {
		const number = decimal(value, typed);
		if (!Number.isFinite(number) || number <= 0 || number > max) {
			throw new UsageError(`${name} must be a number of seconds greater than 0 and at most ${max} (got ${got(value)})`);
		}
		return number;
	};

/** Seconds from 0 to `max`. */
export const delay =
	(max: number): Rule<number> =>
	(value, name, typed) => {
		const number = decimal(value, typed);
		if (!Number.isFinite(number) || number < 0 || number > max)
			throw new UsageError(`${name} must be a number of seconds from 0 to ${max} (got ${got(value)})`);
		return number;
	};

export const choice =
	<T extends string>(choices: readonly T[], scene?: string): Rule<T> =>
	(value, name) => {
		if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
			throw new UsageError(`${name} must be one of ${choices.join(', ')}${forScene(scene)} (got ${got(value)})`);
		}
		return value as T;
	};

export const boolean: Rule<boolean> = (value, name) => {
	if (typeof value !== 'boolean') throw new UsageError(`${name} must be true or false (got ${got(value)})`);
	return value;
};

/** A list of virtual seconds: `0,0.5,2.5` as typed, or numbers. */
export const times: Rule<number[]> = (value, name, typed) => {
	const parts =
		typeof value === 'number'
			? [value]
			: Array.isArray(value)
				? (value as unknown[])
				: typeof value === 'string' && !typed
					? value.trim().split(',')
					: [Number.NaN];
	const numbers = parts.map((part) => decimal(part, typed));
	if (numbers.some((time) => !Number.isFinite(time) || time < 0 || time > 86_400)) {
		throw new UsageError(`${name} must be a comma-separated list of seconds from 0 to 86400, like 0,0.5,2.5 (got ${got(value)})`);
	}
	return numbers;
};

/** A file name exactly as given: spaces are part of a name, never trimmed away. */
export const file: Rule<string> = (value, name) => {
	if (typeof value !== 'string' || value === '')
		throw new UsageError(`${name} needs a file name, like ${name.startsWith('--') ? `${name} talk.cast` : `${name}: 'talk.cast'`}`);
	return value;
};
