/**
 * Turning what meow parsed into validated options. Pure: a bad value throws a
 * UsageError whose message is the one line the user sees (exit code 2).
 */
import {SCENE_NAMES, SCENES, type SceneName} from './scenes/index.js';

export class UsageError extends Error {}

export interface Options {
	scene: SceneName;
	threads: number;
	sleep: number;
	fps: number;
	json: boolean;
	color: boolean;
	ascii: boolean;
}

/** The flags as meow hands them over: numbers still as typed, unknown flags included. */
export interface RawFlags {
	[name: string]: unknown;
}

export const DEFAULT_SCENE: SceneName = 'sleepers';

/** Every flag, in camelCase as meow reports it, with its short alias. */
export const KNOWN_FLAGS = ['threads', 't', 'sleep', 's', 'fps', 'json', 'color', 'ascii', 'help', 'h', 'version', 'v'];

const got = (value: unknown) => (value === undefined || value === '' ? 'nothing' : String(value));
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function integerFlag(flag: string, value: unknown, min: number, max: number): number {
	const text = typeof value === 'string' ? value.trim() : String(value);
	const number = /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
	if (!Number.isSafeInteger(number) || number < min || number > max) {
		throw new UsageError(`--${flag} must be an integer from ${min} to ${max} (got ${got(value)})`);
	}
	return number;
}

export function secondsFlag(flag: string, value: unknown, max: number): number {
	const text = typeof value === 'string' ? value.trim() : String(value);
	const number = /^[+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
	if (!Number.isFinite(number) || number <= 0 || number > max) {
		throw new UsageError(`--${flag} must be a number of seconds greater than 0 and at most ${max} (got ${got(value)})`);
	}
	return number;
}

export function sceneName(input: readonly string[]): SceneName {
	if (input.length > 1) throw new UsageError(`expected one scene, got ${input.length}: ${input.join(' ')}`);
	const name = input[0] ?? DEFAULT_SCENE;
	if (!(SCENE_NAMES as readonly string[]).includes(name)) {
		throw new UsageError(`unknown scene "${name}"; the scenes are ${SCENE_NAMES.join(', ')}`);
	}
	return name as SceneName;
}

export function parseOptions(input: readonly string[], flags: RawFlags, env: NodeJS.ProcessEnv = {}): Options {
	const unknown = Object.keys(flags).filter((name) => !KNOWN_FLAGS.includes(name));
	if (unknown.length > 0) {
		const shown = unknown.map((name) => (name.length === 1 ? `-${name}` : `--${kebab(name)}`)).join(', ');
		throw new UsageError(`unknown flag ${shown}; see threadlab --help`);
	}
	const scene = sceneName(input);
	if (flags['threads'] !== undefined && !SCENES[scene].manyThreads) {
		const many = SCENE_NAMES.filter((name) => SCENES[name].manyThreads).join(', ');
		throw new UsageError(`--threads does not apply to scene ${scene}; it applies to ${many}`);
	}
	return {
		scene,
		threads: flags['threads'] === undefined ? 5 : integerFlag('threads', flags['threads'], 1, 256),
		sleep: flags['sleep'] === undefined ? 2 : secondsFlag('sleep', flags['sleep'], 3600),
		fps: flags['fps'] === undefined ? 30 : integerFlag('fps', flags['fps'], 1, 60),
		json: flags['json'] === true,
		color: flags['color'] !== false && !env['NO_COLOR'],
		ascii: flags['ascii'] === true,
	};
}
