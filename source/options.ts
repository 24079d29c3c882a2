/**
 * Turning what meow parsed into validated options. Pure: a bad value throws a
 * UsageError whose message is the one line the user sees (exit code 2).
 */
import {COUNTER_MODES, type CounterMode, type Failure} from './engine/jobs.js';
import {RACE_DEFAULTS, SCENE_NAMES, type SceneName} from './scenes/index.js';

import {THEME_NAMES, type ThemeName} from './components/theme.js';
import {checkRecordPath} from './record.js';
import {UsageError} from './usage-error.js';

export {UsageError};

export const MODE_CHOICES = [...COUNTER_MODES, 'all'] as const;
export type ModeChoice = (typeof MODE_CHOICES)[number];

export interface Options {
	scene: SceneName;
	threads: number;
	sleep: number;
	/** Threads of the race (the dashboard's lock panel keeps 4 unless --threads is given). */
	raceThreads: number;
	/** Race: the modes to run, one after another. */
	modes: CounterMode[];
	increments: number;
	workMicros: number;
	fps: number;
	json: boolean;
	/** Colours on screen: unless --no-color or NO_COLOR. */
	color: boolean;
	/** --color: colours even in --frames output. */
	forceColor: boolean;
	ascii: boolean;
	/** --seed: simulated on a virtual clock with a seeded scheduler. */
	seed: number | undefined;
	/** --frames: virtual seconds to render as text, then exit. */
	frames: number[] | undefined;
	width: number;
	height: number;
	/** --auto: tour, seconds to wait after a slide's scene finished before the next slide. */
	auto: number | undefined;
	theme: ThemeName;
	/** --record: the asciicast file to write. */
	record: string | undefined;
	/** THREADLAB_FAIL: threads to make fail on purpose, by name (real threads only). */
	failures: Record<string, Failure>;
}

/**
 * THREADLAB_FAIL=thread_1 makes thread_1 throw halfway through its job;
 * THREADLAB_FAIL=thread_1:exit,thread_3 makes it exit its worker instead. For tests and demos.
 */
export function failuresFrom(value: string | undefined): Record<string, Failure> {
	const failures: Record<string, Failure> = {};
	if (!value) return failures;
	for (const part of value.split(',')) {
		const match = /^\s*([\w.-]+)(?::(throw|exit))?\s*$/.exec(part);
		if (!match) throw new UsageError(`THREADLAB_FAIL must be thread names, each with an optional :throw or :exit, like thread_1:exit (got ${value})`);
		failures[match[1]!] = (match[2] as Failure | undefined) ?? 'throw';
	}
	return failures;
}

/** The flags as meow hands them over: numbers still as typed, unknown flags included. */
export type RawFlags = Record<string, unknown>;

export const DEFAULT_SCENE: SceneName = 'dashboard';

/** Which scenes each scene-specific flag applies to. */
const APPLIES: Record<string, readonly SceneName[]> = {
	threads: ['sleepers', 'sequential', 'race', 'dashboard', 'tour'],
	sleep: ['start', 'hello', 'join', 'sleepers', 'sequential', 'dashboard', 'tour'],
	mode: ['race'],
	increments: ['race', 'dashboard', 'tour'],
	work: ['race', 'dashboard', 'tour'],
	auto: ['tour'],
	frames: ['start', 'hello', 'join', 'sleepers', 'sequential', 'race', 'dashboard'],
};
const GENERAL = ['fps', 'json', 'color', 'ascii', 'help', 'version', 'seed', 'width', 'height', 'record', 'theme'];
export const MAX_SEED = 4_294_967_295;

const got = (value: unknown) => (value === undefined || value === '' ? 'nothing' : String(value));
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : String(value));

/** A plain decimal as typed (`2`, `0.5`, `.25`, `+3.`), or NaN: no exponents, signs or words. */
function decimal(value: unknown): number {
	return /^[+]?(\d+\.?\d*|\.\d+)$/.test(text(value)) ? Number(text(value)) : Number.NaN;
}

export function integerFlag(flag: string, value: unknown, min: number, max: number): number {
	const number = /^[+]?\d+$/.test(text(value)) ? Number(text(value)) : Number.NaN;
	if (!Number.isSafeInteger(number) || number < min || number > max) {
		throw new UsageError(`--${flag} must be an integer from ${min} to ${max} (got ${got(value)})`);
	}
	return number;
}

export function secondsFlag(flag: string, value: unknown, max: number): number {
	const number = decimal(value);
	if (!Number.isFinite(number) || number <= 0 || number > max) {
		throw new UsageError(`--${flag} must be a number of seconds greater than 0 and at most ${max} (got ${got(value)})`);
	}
	return number;
}

export function autoFlag(value: unknown): number {
	const number = decimal(value);
	if (!Number.isFinite(number) || number > 3600) throw new UsageError(`--auto must be a number of seconds from 0 to 3600 (got ${got(value)})`);
	return number;
}

export function choiceFlag<T extends string>(flag: string, value: unknown, choices: readonly T[]): T {
	if (!(choices as readonly unknown[]).includes(value)) {
		throw new UsageError(`--${flag} must be one of ${choices.join(', ')} (got ${got(value)})`);
	}
	return value as T;
}

export function framesFlag(value: unknown): number[] {
	const parts = text(value).split(',');
	const times = parts.map(decimal);
	if (parts.length === 0 || times.some((time) => !Number.isFinite(time) || time > 86_400)) {
		throw new UsageError(`--frames must be a comma-separated list of seconds from 0 to 86400, like 0,0.5,2.5 (got ${got(value)})`);
	}
	return times;
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
	const given = Object.keys(flags).filter((name) => flags[name] !== undefined);
	const unknown = given.filter((name) => !(name in APPLIES) && !GENERAL.includes(name));
	if (unknown.length > 0) {
		const shown = unknown.map((name) => (name.length === 1 ? `-${name}` : `--${kebab(name)}`)).join(', ');
		throw new UsageError(`unknown flag ${shown}; see threadlab --help`);
	}
	const scene = sceneName(input);
	for (const name of given) {
		const scenes = APPLIES[name];
		if (scenes && !scenes.includes(scene)) {
			throw new UsageError(`--${name} does not apply to scene ${scene}; it applies to ${scenes.join(', ')}`);
		}
	}
	const frames = flags['frames'] === undefined ? undefined : framesFlag(flags['frames']);
	const seed = flags['seed'] === undefined ? undefined : integerFlag('seed', flags['seed'], 0, MAX_SEED);
	if (frames && seed === undefined) throw new UsageError('--frames needs --seed: only a simulated run gives the same frame twice');
	const record = flags['record'] === undefined ? undefined : text(flags['record']);
	if (record !== undefined && (record === '' || record === 'true')) throw new UsageError('--record needs a file name, like --record talk.cast');
	if (record !== undefined && frames) throw new UsageError('--record and --frames do not go together: choose one');
	for (const name of ['width', 'height']) {
		if (flags[name] !== undefined && !frames && !(record !== undefined && seed !== undefined)) {
			throw new UsageError(`--${name} applies only with --frames or with --record and --seed (a live terminal has its own size)`);
		}
	}
	if (record !== undefined) checkRecordPath(record);
	const race = scene === 'race';
	const threads = flags['threads'] === undefined ? undefined : integerFlag('threads', flags['threads'], 1, 256);
	const mode: ModeChoice = flags['mode'] === undefined ? 'all' : choiceFlag('mode', flags['mode'], MODE_CHOICES);
	return {
		scene,
		threads: threads ?? (race ? RACE_DEFAULTS.threads : 5),
		raceThreads: threads ?? RACE_DEFAULTS.threads,
		sleep: flags['sleep'] === undefined ? 2 : secondsFlag('sleep', flags['sleep'], 3600),
		modes: mode === 'all' ? [...COUNTER_MODES] : [mode],
		increments: flags['increments'] === undefined ? RACE_DEFAULTS.increments : integerFlag('increments', flags['increments'], 1, 100_000_000),
		workMicros: flags['work'] === undefined ? RACE_DEFAULTS.workMicros : integerFlag('work', flags['work'], 0, 100_000),
		fps: flags['fps'] === undefined ? 30 : integerFlag('fps', flags['fps'], 1, 60),
		json: flags['json'] === true,
		color: flags['color'] !== false && !env['NO_COLOR'],
		forceColor: flags['color'] === true,
		ascii: flags['ascii'] === true,
		seed,
		frames,
		width: flags['width'] === undefined ? 80 : integerFlag('width', flags['width'], 20, 300),
		height: flags['height'] === undefined ? 24 : integerFlag('height', flags['height'], 5, 200),
		auto: flags['auto'] === undefined ? undefined : autoFlag(flags['auto']),
		theme: flags['theme'] === undefined ? 'default' : choiceFlag('theme', flags['theme'], THEME_NAMES),
		record,
		failures: failuresFrom(env['THREADLAB_FAIL']),
	};
}
