/**
 * What was asked, validated: the flags (as meow parsed them, or as the library was given
 * them) in, Options out. Pure: a bad value throws a UsageError whose message is the one line
 * the user sees (exit code 2). The rules and the scenes each flag applies to are FLAGS'.
 */
import {COUNTER_MODES, type Failure, type LockOrder, LOCK_ORDERS} from '../engine/jobs.js';
import {
	DEADLOCK_DEFAULTS,
	DEADLOCK_THREADS,
	GIL_DEFAULTS,
	INTERLEAVINGS_DEFAULTS,
	RACE_DEFAULTS,
	SCENE_NAMES,
	type SceneName,
} from '../lessons/index.js';
import type {Options} from '../output/options.js';
import {FLAGS, type Flag, type FlagName, type ModeChoice, isFlag, kebab} from './flags.js';
import type {Rule} from './rules.js';
import {UsageError} from '../model/errors.js';

export {UsageError};
export type {Options};
export {MAX_SEED, MODE_CHOICES, type ModeChoice} from './flags.js';

/**
 * THREADLAB_FAIL=thread_1 makes thread_1 throw halfway through its job;
 * THREADLAB_FAIL=thread_1:exit,thread_3 makes it exit its worker instead. For tests and demos.
 * The names are a map without a prototype: `__proto__` is a name like any other.
 */
export function failuresFrom(value: string | undefined): Record<string, Failure> {
	const failures = Object.create(null) as Record<string, Failure>;
	if (!value) return failures;
	for (const part of value.split(',')) {
		const match = /^\s*([\w.-]+)(?::(throw|exit))?\s*$/.exec(part);
		if (!match)
			throw new UsageError(`THREADLAB_FAIL must be thread names, each with an optional :throw or :exit, like thread_1:exit (got ${value})`);
		failures[match[1]!] = (match[2] as Failure | undefined) ?? 'throw';
	}
	return failures;
}

/** The flags as meow hands them over (numbers still as typed, unknown flags included) or as the library was given them. */
export type RawFlags = Record<string, unknown>;

export const DEFAULT_SCENE: SceneName = 'dashboard';
/** The real threads' shared counter is a 32-bit integer: a real race may count at most this far. */
export const MAX_COUNT = 2 ** 31 - 1;

export function sceneName(input: readonly string[]): SceneName {
	if (input.length > 1) throw new UsageError(`expected one scene, got ${input.length}: ${input.join(' ')}`);
	const name = input[0] ?? DEFAULT_SCENE;
	if (!(SCENE_NAMES as readonly string[]).includes(name)) {
		throw new UsageError(`unknown scene "${name}"; the scenes are ${SCENE_NAMES.join(', ')}`);
	}
	return name as SceneName;
}

/** A locale whose characters are not UTF-8 (`LANG=C`, `LC_ALL=POSIX`, `en_US.ISO-8859-1`): ASCII glyphs. */
export function asciiLocale(env: NodeJS.ProcessEnv): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
	return locale !== undefined && locale !== '' && !/utf-?8/i.test(locale);
}

/** How the user wrote an option: `--threads` on the command line, `threads` in code. */
export type Naming = 'flag' | 'option';

/** The flag's rule for this scene: its own range where it has one. */
function ruleOf(name: FlagName, scene: SceneName): Rule<unknown> {
	const flag: Flag = FLAGS[name];
	return flag.sceneRules?.[scene] ?? flag.rule;
}

export function parseOptions(input: readonly string[], flags: RawFlags, env: NodeJS.ProcessEnv = {}, naming: Naming = 'flag'): Options {
	const label = (name: string) => (naming === 'flag' ? `--${kebab(name)}` : name);
	const given = Object.keys(flags).filter((name) => flags[name] !== undefined);
	const unknown = given.filter((name) => !isFlag(name) || name === 'noColor');
	if (unknown.length > 0) {
		const shown = unknown.map((name) => (naming === 'option' ? name : name.length === 1 ? `-${name}` : `--${kebab(name)}`)).join(', ');
		throw new UsageError(`unknown ${naming} ${shown}; see threadlab --help`);
	}
	const scene = sceneName(input);
	for (const name of given as FlagName[]) {
		const scenes = FLAGS[name].scenes;
		if (scenes && !scenes.includes(scene))
			throw new UsageError(`${label(name)} does not apply to scene ${scene}; it applies to ${scenes.join(', ')}`);
	}
	/** The flag's value by its rule, or `fallback` when it was not given. */
	const value = <N extends FlagName, F>(name: N, fallback: F): ReturnType<(typeof FLAGS)[N]['rule']> | F =>
		flags[name] === undefined
			? fallback
			: (ruleOf(name, scene)(flags[name], label(name), naming === 'option') as ReturnType<(typeof FLAGS)[N]['rule']>);
	const frames = value('frames', undefined);
	const seed = value('seed', undefined);
	if (frames && seed === undefined)
		throw new UsageError(`${label('frames')} needs ${label('seed')}: only a simulated run gives the same frame twice`);
	if (flags['paused'] !== undefined && seed === undefined)
		throw new UsageError(`${label('paused')} needs ${label('seed')}: only the simulated clock can wait for a key`);
	const record = value('record', undefined);
	if (record !== undefined && frames) throw new UsageError(`${label('record')} and ${label('frames')} do not go together: choose one`);
	if (flags['force'] !== undefined && record === undefined)
		throw new UsageError(`${label('force')} applies only with ${label('record')} (it lets a recording replace a file)`);
	for (const name of ['width', 'height'] as const) {
		if (naming === 'flag' && flags[name] !== undefined && !frames && !(record !== undefined && seed !== undefined)) {
			throw new UsageError(`${label(name)} applies only with --frames or with --record and --seed (a live terminal has its own size)`);
		}
	}
	const threads = value('threads', undefined);
	const counted = scene === 'interleavings';
	// --mode's choices are its scene's (FLAGS' sceneRules): the race's modes, the deadlock's lock orders.
	const anyMode = value('mode', counted ? INTERLEAVINGS_DEFAULTS.mode : 'all') as string;
	const deadlock = scene === 'deadlock' ? deadlockRequest(threads, anyMode, label) : undefined;
	const mode = anyMode as ModeChoice;
	const raceThreads = threads ?? deadlock?.threads ?? (counted ? INTERLEAVINGS_DEFAULTS.threads : RACE_DEFAULTS.threads);
	const increments = value(
		'increments',
		deadlock ? DEADLOCK_DEFAULTS.increments : counted ? INTERLEAVINGS_DEFAULTS.increments : RACE_DEFAULTS.increments,
	);
	// Real threads count in a 32-bit cell of shared memory; the simulation counts in a JS number.
	if (['race', 'dashboard', 'tour'].includes(scene) && seed === undefined && raceThreads * increments > MAX_COUNT) {
		throw new UsageError(
			`${label('threads')} × ${label('increments')} must be at most ${MAX_COUNT}: real threads share a 32-bit counter (got ${raceThreads} × ${increments})`,
		);
	}
	const color = value('color', undefined);
	return {
		scene,
		threads: threads ?? (scene === 'race' || counted ? raceThreads : scene === 'gil' ? GIL_DEFAULTS.threads : 5),
		raceThreads,
		sleep: value('sleep', scene === 'gil' ? GIL_DEFAULTS.sleep : 2),
		cpuMs: value('cpu', GIL_DEFAULTS.cpuMs),
		python: env['THREADLAB_PYTHON'] || GIL_DEFAULTS.python,
		modes: deadlock || mode === 'all' ? [...COUNTER_MODES] : [mode],
		...(deadlock ? {orders: deadlock.orders} : {}),
		increments,
		workMicros: value('work', RACE_DEFAULTS.workMicros),
		runs: value('runs', INTERLEAVINGS_DEFAULTS.runs),
		fps: value('fps', 30),
		json: value('json', false),
		color: color !== false && !env['NO_COLOR'],
		forceColor: color === true,
		ascii: value('ascii', false) || asciiLocale(env),
		seed,
		frames,
		paused: value('paused', false),
		width: value('width', 80),
		height: value('height', 24),
		auto: value('auto', undefined),
		theme: value('theme', 'default'),
		record,
		force: value('force', false),
		failures: failuresFrom(env['THREADLAB_FAIL']),
	};
}

/** The deadlock scene's own limits: 2–8 threads (one lock each, named A–H) and its two orders. */
function deadlockRequest(threads: number | undefined, mode: string, label: (name: string) => string) {
	const {min, max} = DEADLOCK_THREADS;
	if (threads !== undefined && (threads < min || threads > max))
		throw new UsageError(`${label('threads')} must be ${min}–${max} for deadlock: one lock per thread, A to H (got ${threads})`);
	return {threads: threads ?? DEADLOCK_DEFAULTS.threads, orders: mode === 'all' ? [...LOCK_ORDERS] : [mode as LockOrder]};
}
