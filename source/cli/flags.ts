/**
 * Every flag, declared once: meow's flags, the help's lines, each value's rule and the scenes
 * it applies to all come from this table. A new flag is one entry here plus its use.
 */
import wrapAnsi from 'wrap-ansi';
import {COUNTER_MODES, LOCK_ORDERS} from '../engine/jobs.js';
import type {SceneName} from '../lessons/index.js';
import {THEME_NAMES} from '../ui/theme.js';
import {type Rule, boolean, choice, delay, file, integer, seconds, times} from './rules.js';

export const MODE_CHOICES = [...COUNTER_MODES, 'all'] as const;
/** The deadlock's `--mode`: its lock orders, or both. */
export const DEADLOCK_MODES = [...LOCK_ORDERS, 'all'] as const;
export type ModeChoice = (typeof MODE_CHOICES)[number];
export const MAX_SEED = 4_294_967_295;

export interface Flag<T = unknown> {
	/** meow's type: a value (kept as typed, for the rule) or a switch. */
	type: 'string' | 'boolean';
	short?: string;
	/** What the help shows after the flag: `<n>`. */
	arg?: string;
	/** The help's text: one line, or more for a long one. */
	help: string | string[];
	/** The scenes it applies to; none: every scene. */
	scenes?: readonly SceneName[];
	rule: Rule<T>;
	/** A scene's own rule where its range differs (interleavings counts only 2–4 threads). */
	sceneRules?: Partial<Record<SceneName, Rule<T>>>;
}

const flag = <T>(spec: Flag<T>): Flag<T> => spec;
const SLEEPS: SceneName[] = ['gil', 'start', 'hello', 'join', 'sleepers', 'sequential', 'dashboard', 'tour'];
const RACES: SceneName[] = ['race', 'dashboard', 'tour'];
const LOCKS: SceneName[] = [...RACES, 'deadlock'];

export const FLAGS = {
	threads: flag({
		type: 'string',
		short: 't',
		arg: '<n>',
		help: 'threads, 1–256 (default 5; race and gil 4); deadlock 2–8 (default 2); interleavings 2–4 (default 2)',
		scenes: ['sleepers', 'sequential', ...LOCKS, 'interleavings', 'gil'],
		rule: integer(1, 256),
		sceneRules: {interleavings: integer(2, 4, 'interleavings')},
	}),
	sleep: flag({
		type: 'string',
		short: 's',
		arg: '<sec>',
		help: 'seconds each thread sleeps, > 0 and ≤ 3600 (default 2; gil 0.5)',
		scenes: SLEEPS,
		rule: seconds(3600),
	}),
	cpu: flag({
		type: 'string',
		arg: '<ms>',
		help: "gil: each thread's CPU job, ms of one core, 1–10000 (default 500)",
		scenes: ['gil', 'tour'],
		rule: integer(1, 10_000),
	}),
	mode: flag({
		type: 'string',
		arg: '<m>',
		help: [
			'race: unsafe, mutex, atomic or all (default all);',
			'interleavings: unsafe (default), mutex or atomic;',
			'deadlock: opposite, ordered or all (default all)',
		],
		scenes: ['race', 'interleavings', 'deadlock'],
		rule: choice<string>(MODE_CHOICES),
		sceneRules: {interleavings: choice<string>(COUNTER_MODES, 'interleavings'), deadlock: choice<string>(DEADLOCK_MODES)},
	}),
	increments: flag({
		type: 'string',
		short: 'i',
		arg: '<n>',
		help: 'race: increments per thread, 1–100000000 (default 2500; deadlock 500); interleavings: 1–4 (default 3)',
		scenes: [...LOCKS, 'interleavings'],
		rule: integer(1, 100_000_000),
		sceneRules: {interleavings: integer(1, 4, 'interleavings')},
	}),
	work: flag({
		type: 'string',
		arg: '<µs>',
		help: 'race: real wait between read and write, 0–100000 (default 200); deadlock: between the two locks',
		scenes: [...LOCKS, 'interleavings'],
		rule: integer(0, 100_000),
	}),
	runs: flag({
		type: 'string',
		arg: '<n>',
		help: 'interleavings: unsafe races run on real threads beside the count, 0–10000 (default 200)',
		scenes: ['interleavings'],
		rule: integer(0, 10_000),
	}),
	fps: flag({type: 'string', arg: '<n>', help: 'most redraws per second, 1–60 (default 30)', rule: integer(1, 60)}),
	seed: flag({
		type: 'string',
		arg: '<n>',
		help: 'simulate on a virtual clock with a seeded scheduler, 0–4294967295; the same seed gives the same frames (space pauses, s steps a race)',
		rule: integer(0, MAX_SEED),
	}),
	paused: flag({
		type: 'boolean',
		help: 'with --seed: start paused, to step a race with s from its first read',
		scenes: ['start', 'hello', 'join', 'sleepers', 'sequential', 'race', 'dashboard', 'tour'],
		rule: boolean,
	}),
	frames: flag({
		type: 'string',
		arg: '<list>',
		help: 'with --seed: print the frames at these virtual seconds and exit, e.g. --frames 0,0.5,2.5',
		scenes: ['gil', 'start', 'hello', 'join', 'sleepers', 'sequential', 'race', 'interleavings', 'deadlock', 'dashboard'],
		rule: times,
	}),
	width: flag({type: 'string', arg: '<n>', help: '--frames width, 20–300 (default 80)', rule: integer(20, 300)}),
	height: flag({type: 'string', arg: '<n>', help: '--frames height, 5–200 (default 24)', rule: integer(5, 200)}),
	color: flag({type: 'boolean', help: '--frames: keep the colours (ANSI escapes)', rule: boolean}),
	record: flag({
		type: 'string',
		arg: '<file>',
		help: 'write an asciicast v2 recording of what the terminal shows; with --seed it is rendered at once and the same every time',
		rule: file,
	}),
	force: flag({type: 'boolean', help: '--record: replace the file if it exists', rule: boolean}),
	auto: flag({
		type: 'string',
		arg: '<sec>',
		help: "tour: next slide this long after the slide's scene is done",
		scenes: ['tour'],
		rule: delay(3600),
	}),
	theme: flag({type: 'string', arg: '<name>', help: 'default or high-contrast (for projectors)', rule: choice(THEME_NAMES)}),
	json: flag({type: 'boolean', help: 'no UI: print one JSON object when the scene is done', rule: boolean}),
	noColor: flag({type: 'boolean', help: 'no colours (NO_COLOR is honoured too)', rule: boolean}),
	ascii: flag({type: 'boolean', help: 'ASCII only, no Unicode glyphs (also under a C or POSIX locale)', rule: boolean}),
	help: flag({type: 'boolean', short: 'h', help: 'this help', rule: boolean}),
	version: flag({type: 'boolean', short: 'v', help: 'the version', rule: boolean}),
} as const;

export type FlagName = keyof typeof FLAGS;
export const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);
export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** meow's `flags` option. `--no-color` is meow's negation of `color`, so it is not a flag of its own. */
export function meowFlags(): Record<string, {type: 'string' | 'boolean'; shortFlag?: string}> {
	const flags: Record<string, {type: 'string' | 'boolean'; shortFlag?: string}> = {};
	for (const [name, spec] of Object.entries(FLAGS) as Array<[FlagName, Flag]>) {
		if (name !== 'noColor') flags[name] = spec.short ? {type: spec.type, shortFlag: spec.short} : {type: spec.type};
	}
	return flags;
}

/**
 * The help's Options section: names in one column, and each help line wrapped with a hanging
 * indent so that no line passes `width` (meow indents the help by two: 78 keeps it in a projector's 80).
 */
export function optionLines(width = 78): string[] {
	const column = 26;
	return (Object.entries(FLAGS) as Array<[FlagName, Flag]>).flatMap(([name, spec]) => {
		const left = `    ${spec.short ? `-${spec.short}, ` : '    '}--${kebab(name)}${spec.arg ? ` ${spec.arg}` : ''}`;
		const text = (typeof spec.help === 'string' ? [spec.help] : spec.help).flatMap((line) =>
			wrapAnsi(line, width - column, {hard: true}).split('\n'),
		);
		const [first = '', ...more] = text;
		const head = left.length <= column - 2 ? [`${left.padEnd(column)}${first}`] : [left, `${' '.repeat(column)}${first}`];
		return [...head, ...more.map((line) => `${' '.repeat(column)}${line}`)];
	});
}
