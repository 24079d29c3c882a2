/**
 * Every bad command line, against the built binary (dist/cli.js; `npm test` builds it):
 * exit code 2, exactly one line on stderr that starts `threadlab: ` and names the flag,
 * no stack trace, nothing on stdout, and over fast, before any worker thread started.
 *
 * "No worker started" is checked directly: the child runs with a preload that wraps
 * `worker_threads.Worker` and reports every worker it starts on a pipe of its own (fd 3).
 */
import {existsSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {SCENE_NAMES} from '../source/lessons/index.js';
import {cli, runNode} from './helpers/run-node.js';

/** Wraps Worker (and re-syncs the ESM named export) so any thread started says so on fd 3. */
const NO_WORKERS = `data:text/javascript,${encodeURIComponent(`
import wt from 'node:worker_threads';
import {syncBuiltinESMExports} from 'node:module';
import {writeSync} from 'node:fs';
const Original = wt.Worker;
wt.Worker = class extends Original {
	constructor(...args) {
		writeSync(3, 'worker started\\n');
		super(...args);
	}
};
syncBuiltinESMExports();
`)}`;
/** Well under a second: a usage error must come before any thread, any Ink, any import of the UI. */
const FAST_MS = 1000;

/** Run threadlab under the preload; `fd3` is what it saw: one line per worker thread started. */
const threadlab = async (args: readonly string[], env: Record<string, string> = {}) =>
	runNode(['--import', NO_WORKERS, cli, ...args], {env, timeoutMs: 10_000, fd3: true});

const INTEGER = (flag: string, min: number, max: number, got: string) => `--${flag} must be an integer from ${min} to ${max} (got ${got})`;
const SECONDS = (got: string) => `--sleep must be a number of seconds greater than 0 and at most 3600 (got ${got})`;
const FRAMES = (got: string) => `--frames must be a comma-separated list of seconds from 0 to 86400, like 0,0.5,2.5 (got ${got})`;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * [what, args, environment, the flag the line must name, the message: exact text or a pattern].
 * The line is always `threadlab: <message>`.
 */
type Case = [string, string[], Record<string, string>, string, string | RegExp];
const CASES: Case[] = [
	// --threads
	['-t 0', ['-t', '0'], {}, '--threads', INTEGER('threads', 1, 256, '0')],
	['-t 257', ['sleepers', '-t', '257'], {}, '--threads', INTEGER('threads', 1, 256, '257')],
	['-t abc', ['-t', 'abc'], {}, '--threads', INTEGER('threads', 1, 256, 'abc')],
	['-t 1.5', ['race', '-t', '1.5'], {}, '--threads', INTEGER('threads', 1, 256, '1.5')],
	['--threads=-3', ['sleepers', '--threads=-3'], {}, '--threads', INTEGER('threads', 1, 256, '-3')],
	['-t without a value', ['sleepers', '-t'], {}, '--threads', INTEGER('threads', 1, 256, 'nothing')],
	// --sleep
	['-s 0', ['hello', '-s', '0'], {}, '--sleep', SECONDS('0')],
	['-s -1', ['join', '-s', '-1'], {}, '--sleep', SECONDS('-1')],
	['-s 1e9', ['-s', '1e9'], {}, '--sleep', SECONDS('1e9')],
	['-s NaN', ['start', '-s', 'NaN'], {}, '--sleep', SECONDS('NaN')],
	['-s 3601', ['sleepers', '--sleep', '3601'], {}, '--sleep', SECONDS('3601')],
	// --fps
	['--fps 0', ['--fps', '0'], {}, '--fps', INTEGER('fps', 1, 60, '0')],
	['--fps 61', ['race', '--fps', '61'], {}, '--fps', INTEGER('fps', 1, 60, '61')],
	['--fps 2.5', ['hello', '--fps', '2.5'], {}, '--fps', INTEGER('fps', 1, 60, '2.5')],
	// the race's flags
	['--mode foo', ['race', '--mode', 'foo'], {}, '--mode', '--mode must be one of unsafe, mutex, atomic, all (got foo)'],
	['-i 0', ['race', '-i', '0'], {}, '--increments', INTEGER('increments', 1, 100_000_000, '0')],
	['-i 100000001', ['dashboard', '--increments', '100000001'], {}, '--increments', INTEGER('increments', 1, 100_000_000, '100000001')],
	['--work -5', ['race', '--work', '-5'], {}, '--work', INTEGER('work', 0, 100_000, '-5')],
	// interleavings: its own ranges, said as such
	[
		'interleavings -t 5',
		['interleavings', '-t', '5'],
		{},
		'--threads',
		'--threads must be an integer from 2 to 4 for interleavings (got 5)',
	],
	[
		'interleavings -t 1',
		['interleavings', '-t', '1'],
		{},
		'--threads',
		'--threads must be an integer from 2 to 4 for interleavings (got 1)',
	],
	[
		'interleavings -i 5',
		['interleavings', '-i', '5'],
		{},
		'--increments',
		'--increments must be an integer from 1 to 4 for interleavings (got 5)',
	],
	[
		'interleavings -i 0',
		['interleavings', '-i', '0'],
		{},
		'--increments',
		'--increments must be an integer from 1 to 4 for interleavings (got 0)',
	],
	[
		'interleavings --mode all',
		['interleavings', '--mode', 'all'],
		{},
		'--mode',
		'--mode must be one of unsafe, mutex, atomic for interleavings (got all)',
	],
	['interleavings --runs 10001', ['interleavings', '--runs', '10001'], {}, '--runs', INTEGER('runs', 0, 10_000, '10001')],
	['--runs on race', ['race', '--runs', '5'], {}, '--runs', /^--runs does not apply to scene race; it applies to interleavings$/],
	// the gil scene's CPU job
	['--cpu 0', ['gil', '--cpu', '0'], {}, '--cpu', INTEGER('cpu', 1, 10_000, '0')],
	['--cpu 10001', ['gil', '--cpu', '10001'], {}, '--cpu', INTEGER('cpu', 1, 10_000, '10001')],
	['--cpu 0.5', ['gil', '--cpu', '0.5'], {}, '--cpu', INTEGER('cpu', 1, 10_000, '0.5')],
	['--cpu on sleepers', ['sleepers', '--cpu', '100'], {}, '--cpu', /^--cpu does not apply to scene sleepers; it applies to gil, tour$/],
	// --seed, --frames, --width, --height
	['--seed -1', ['--seed', '-1'], {}, '--seed', INTEGER('seed', 0, 4_294_967_295, '-1')],
	['--seed 4294967296', ['race', '--seed', '4294967296'], {}, '--seed', INTEGER('seed', 0, 4_294_967_295, '4294967296')],
	['--seed 1.5', ['sleepers', '--seed', '1.5'], {}, '--seed', INTEGER('seed', 0, 4_294_967_295, '1.5')],
	['--frames 1 without --seed', ['sleepers', '--frames', '1'], {}, '--frames', /^--frames needs --seed\b/],
	['--paused without --seed', ['race', '--paused'], {}, '--paused', /^--paused needs --seed\b/],
	['--seed 1 --frames a,b', ['sleepers', '--seed', '1', '--frames', 'a,b'], {}, '--frames', FRAMES('a,b')],
	['--seed 1 --frames -1', ['race', '--seed', '1', '--frames', '-1'], {}, '--frames', FRAMES('-1')],
	[
		'--seed 1 --frames 1 --width 5',
		['sleepers', '--seed', '1', '--frames', '1', '--width', '5'],
		{},
		'--width',
		INTEGER('width', 20, 300, '5'),
	],
	[
		'--seed 1 --frames 1 --height 4',
		['race', '--seed', '1', '--frames', '1', '--height', '4'],
		{},
		'--height',
		INTEGER('height', 5, 200, '4'),
	],
	['--width without --frames', ['sleepers', '--width', '100'], {}, '--width', /^--width applies only with --frames\b/],
	// scenes and flags that do not exist, or do not apply
	['an unknown scene', ['nope'], {}, 'scene', `unknown scene "nope"; the scenes are ${SCENE_NAMES.join(', ')}`],
	['two scenes', ['hello', 'join'], {}, 'scene', 'expected one scene, got 2: hello join'],
	['an unknown flag', ['sleepers', '--bogus'], {}, '--bogus', 'unknown flag --bogus; see threadlab --help'],
	['an unknown short flag', ['-x'], {}, '-x', 'unknown flag -x; see threadlab --help'],
	[
		'--threads on start',
		['start', '--threads', '3'],
		{},
		'--threads',
		/^--threads does not apply to scene start; it applies to sleepers, sequential, race, dashboard\b/,
	],
	['--mode on sleepers', ['sleepers', '--mode', 'mutex'], {}, '--mode', /^--mode does not apply to scene sleepers; it applies to race\b/],
	['--increments on hello', ['hello', '-i', '5'], {}, '--increments', /^--increments does not apply to scene hello; it applies to race\b/],
	// the failure injection's environment variable
	[
		'THREADLAB_FAIL="bad name"',
		['sleepers', '-t', '2'],
		{THREADLAB_FAIL: 'bad name'},
		'THREADLAB_FAIL',
		/^THREADLAB_FAIL must be thread names\b.*\(got bad name\)$/,
	],
	[
		'THREADLAB_FAIL=thread_1:boom',
		['sleepers'],
		{THREADLAB_FAIL: 'thread_1:boom'},
		'THREADLAB_FAIL',
		/^THREADLAB_FAIL must be thread names\b.*\(got thread_1:boom\)$/,
	],
	[
		'THREADLAB_FAIL naming no thread of the scene',
		['sleepers', '-t', '3'],
		{THREADLAB_FAIL: 'thread_9'},
		'THREADLAB_FAIL',
		"THREADLAB_FAIL names thread_9, but this scene's threads are thread_0, thread_1, thread_2",
	],
	[
		'THREADLAB_FAIL with --seed',
		['sleepers', '--seed', '1'],
		{THREADLAB_FAIL: 'thread_1'},
		'THREADLAB_FAIL',
		'THREADLAB_FAIL makes real threads fail; it does not apply with --seed',
	],
	[
		'THREADLAB_FAIL with the tour',
		['tour'],
		{THREADLAB_FAIL: 'thread_1'},
		'THREADLAB_FAIL',
		/^THREADLAB_FAIL does not apply to the tour\b/,
	],
	// the talk's flags
	['--record to a directory', ['sleepers', '--record', '/tmp'], {}, '--record', '--record must name a file, and /tmp is a directory'],
	[
		'--record to a missing folder',
		['sleepers', '--record', '/nonexistent-threadlab/t.cast'],
		{},
		'--record',
		'--record: the folder /nonexistent-threadlab does not exist',
	],
	['--auto on race', ['race', '--auto', '2'], {}, '--auto', /^--auto does not apply to scene race; it applies to tour$/],
	['--auto -1', ['tour', '--auto', '-1'], {}, '--auto', /^--auto must be a number of seconds from 0 to 3600 \(got -1\)$/],
	['--theme neon', ['tour', '--theme', 'neon'], {}, '--theme', '--theme must be one of default, high-contrast (got neon)'],
	// a flag given twice, or with its --no- form
	...(
		[
			['race', '-t', '2', '-t', '3'],
			['race', '--threads=2', '--threads=3'],
			['race', '-tt', '3'],
			['race', '-t', '3', '--no-threads'],
		] as const
	).map((args): Case => [args.join(' '), [...args], {}, '--threads', /^--threads can be given only once\b/]),
	['two --records', ['hello', '--record', 'a.cast', '--record', 'b.cast'], {}, '--record', /^--record can be given only once\b/],
	// names that Object.prototype has: unknown flags like any other, and thread names like any other
	['--constructor 1', ['race', '--constructor', '1'], {}, '--constructor', 'unknown flag --constructor; see threadlab --help'],
	['--to-string', ['race', '--to-string'], {}, '--to-string', 'unknown flag --to-string; see threadlab --help'],
	['--has-own-property', ['race', '--has-own-property'], {}, '--has-own-property', 'unknown flag --has-own-property; see threadlab --help'],
	[
		'THREADLAB_FAIL=__proto__',
		['sleepers', '-t', '2'],
		{THREADLAB_FAIL: '__proto__'},
		'THREADLAB_FAIL',
		"THREADLAB_FAIL names __proto__, but this scene's threads are thread_0, thread_1",
	],
	// a count the real threads' 32-bit counter cannot hold
	[
		'atomic -t 22 -i 100000000',
		['race', '--mode', 'atomic', '-t', '22', '-i', '100000000', '--work', '0', '--json'],
		{},
		'--threads',
		/^--threads × --increments must be at most 2147483647: real threads share a 32-bit counter \(got 22 × 100000000\)$/,
	],
	// a simulation too long to finish in reasonable time
	[
		'--seed with 256 × 100,000,000 to the end',
		['race', '-t', '256', '-i', '100000000', '--seed', '1', '--json'],
		{},
		'--seed',
		/^with --seed every read and write of every thread is simulated, and this run takes 256,000,000,000 steps\b/,
	],
	// --record never destroys a file
	[
		'--record onto an existing file',
		['hello', '--record', 'package.json'],
		{},
		'--record',
		'--record will not replace package.json, which exists: choose a new name, or add --force to replace it',
	],
	[
		'--record onto the install',
		['hello', '--record', 'dist/threadlab.cjs'],
		{},
		'--record',
		'--record will not replace dist/threadlab.cjs, which exists: choose a new name, or add --force to replace it',
	],
	[
		'--record onto a device, even with --force',
		['hello', '--record', '/dev/null', '--force'],
		{},
		'--record',
		'--record must name a regular file, and /dev/null is not one (a fifo, socket or device)',
	],
	[
		'--force without --record',
		['hello', '--force'],
		{},
		'--force',
		'--force applies only with --record (it lets a recording replace a file)',
	],
];

beforeAll(() => {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('a bad command line: exit 2, one line naming the flag, nothing started', () => {
	it('the table is complete (at least 22 cases, each a different command line)', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(22);
		const lines = CASES.map(([, args, env]) => JSON.stringify([args, env]));
		expect(new Set(lines).size).toBe(CASES.length);
	});

	it.each(CASES)('%s', async (_what, args, env, flag, message) => {
		const {code, stdout, stderr, fd3: workers, ms} = await threadlab(args, env);
		expect(stderr, 'exactly one line on stderr').toMatch(/^[^\n]*\n$/);
		const line = stderr.slice(0, -1);
		expect(line).toMatch(/^threadlab: /);
		const text = line.slice('threadlab: '.length);
		if (typeof message === 'string') expect(text).toBe(message);
		else expect(text).toMatch(message);
		expect(text).toMatch(new RegExp(`(^|[\\s"(])${escapeRegex(flag)}\\b`));
		expect(stderr).not.toMatch(/^\s+at /m);
		expect(workers, 'worker threads started').toBe('');
		expect(stdout).toBe('');
		expect(code).toBe(2);
		expect(ms, `took ${Math.round(ms)} ms`).toBeLessThan(FAST_MS);
	});
});

describe('the check itself', () => {
	// The preload must see a worker when one starts, or "no worker started" above proves nothing.
	it('a good command line with a thread is reported by the preload', async () => {
		const {code, stdout, stderr, fd3: workers} = await threadlab(['start', '-s', '0.05']);
		expect(code).toBe(0);
		expect(stdout).toContain('thread1 has woken up from sleep');
		expect(stderr).toBe('');
		expect(workers).toBe('worker started\n');
	});
});
