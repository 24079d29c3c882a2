import {describe, expect, it} from 'vitest';
import {DEFAULT_SCENE, UsageError, parseOptions, type RawFlags} from '../source/cli/options.js';
import {SCENE_NAMES} from '../source/lessons/index.js';

const ISSUE_3_DEFAULTS = {threads: 5, sleep: 2, fps: 30, json: false, color: true, ascii: false};

/** The one line the user would see, or a failure if nothing was thrown. */
function message(input: string[], flags: RawFlags, env: NodeJS.ProcessEnv = {}): string {
	try {
		parseOptions(input, flags, env);
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as Error).message;
	}
	throw new Error(`no UsageError for ${JSON.stringify({input, flags})}`);
}

describe('parseOptions', () => {
	it('defaults: five sleepers of 2 s at 30 fps, in colour', () => {
		expect(parseOptions(['sleepers'], {})).toMatchObject({scene: 'sleepers', ...ISSUE_3_DEFAULTS});
		expect(parseOptions([], {})).toMatchObject({scene: DEFAULT_SCENE, sleep: 2, fps: 30, json: false, color: true, ascii: false});
	});

	it('meow reports absent flags as undefined: still the defaults', () => {
		const flags = {
			threads: undefined,
			sleep: undefined,
			fps: undefined,
			json: undefined,
			color: undefined,
			ascii: undefined,
			help: undefined,
			version: undefined,
		};
		expect(parseOptions(['sleepers'], flags)).toEqual(parseOptions(['sleepers'], {}));
	});

	it('valid values', () => {
		expect(parseOptions(['sequential'], {threads: '3', sleep: '0.5', fps: '60', json: true, color: false, ascii: true})).toMatchObject({
			scene: 'sequential',
			threads: 3,
			sleep: 0.5,
			fps: 60,
			json: true,
			color: false,
			ascii: true,
		});
		expect(parseOptions(['sleepers'], {threads: '256', sleep: '3600', fps: '1'})).toMatchObject({threads: 256, sleep: 3600, fps: 1});
		expect(parseOptions(['sleepers'], {threads: '1'}).threads).toBe(1);
		expect(parseOptions(['sleepers'], {threads: ' 7 ', sleep: '+2'})).toMatchObject({threads: 7, sleep: 2});
		expect(parseOptions(['hello'], {sleep: '.25'})).toMatchObject({scene: 'hello', sleep: 0.25, threads: 5});
		expect(parseOptions(['join'], {sleep: '3.'}).sleep).toBe(3);
	});

	it.each(['start', 'hello', 'join', 'sleepers', 'sequential'])('accepts scene %s', (scene) => {
		expect(parseOptions([scene], {sleep: '0.2'}).scene).toBe(scene);
	});

	it('colour: --no-color and NO_COLOR turn it off', () => {
		expect(parseOptions([], {color: false}).color).toBe(false);
		expect(parseOptions([], {}, {NO_COLOR: '1'}).color).toBe(false);
		expect(parseOptions([], {color: true}, {NO_COLOR: 'yes'}).color).toBe(false);
		// no-color.org: an empty NO_COLOR does not count.
		expect(parseOptions([], {}, {NO_COLOR: ''}).color).toBe(true);
		expect(parseOptions([], {}, {TERM: 'dumb'}).color).toBe(true);
	});

	it('does not read process.env unless given it', () => {
		const saved = process.env['NO_COLOR'];
		process.env['NO_COLOR'] = '1';
		try {
			expect(parseOptions([], {}).color).toBe(true);
		} finally {
			if (saved === undefined) delete process.env['NO_COLOR'];
			else process.env['NO_COLOR'] = saved;
		}
	});
});

const SLEEP = '--sleep must be a number of seconds greater than 0 and at most 3600';
const THREADS = '--threads must be an integer from 1 to 256';
const FPS = '--fps must be an integer from 1 to 60';

describe('bad input: one line naming the flag, the range and what was given', () => {
	it.each<[string, string[], RawFlags, string]>([
		['-t 0', [], {threads: '0'}, `${THREADS} (got 0)`],
		['-t 257', [], {threads: '257'}, `${THREADS} (got 257)`],
		['-t abc', [], {threads: 'abc'}, `${THREADS} (got abc)`],
		['-t 1.5', [], {threads: '1.5'}, `${THREADS} (got 1.5)`],
		['-t -3', [], {threads: '-3'}, `${THREADS} (got -3)`],
		['-t 1e2', [], {threads: '1e2'}, `${THREADS} (got 1e2)`],
		['-t 0x10', [], {threads: '0x10'}, `${THREADS} (got 0x10)`],
		['-t (no value)', [], {threads: ''}, `${THREADS} (got nothing)`],
		['-s 0', [], {sleep: '0'}, `${SLEEP} (got 0)`],
		['-s -1', [], {sleep: '-1'}, `${SLEEP} (got -1)`],
		['-s 1e9', [], {sleep: '1e9'}, `${SLEEP} (got 1e9)`],
		['-s NaN', [], {sleep: 'NaN'}, `${SLEEP} (got NaN)`],
		['-s Infinity', [], {sleep: 'Infinity'}, `${SLEEP} (got Infinity)`],
		['-s 3600.5', [], {sleep: '3600.5'}, `${SLEEP} (got 3600.5)`],
		['-s 1s', [], {sleep: '1s'}, `${SLEEP} (got 1s)`],
		['-s 0.0', [], {sleep: '0.0'}, `${SLEEP} (got 0.0)`],
		['-s (no value)', [], {sleep: ''}, `${SLEEP} (got nothing)`],
		['--fps 0', [], {fps: '0'}, `${FPS} (got 0)`],
		['--fps 61', [], {fps: '61'}, `${FPS} (got 61)`],
		['--fps fast', [], {fps: 'fast'}, `${FPS} (got fast)`],
		['two scenes', ['start', 'hello'], {}, 'expected one scene, got 2: start hello'],
		['unknown long flag', [], {verbose: true}, 'unknown flag --verbose; see threadlab --help'],
		['unknown camelCase flag', [], {dryRun: true}, 'unknown flag --dry-run; see threadlab --help'],
		['unknown short flags', [], {x: true, quiet: true}, 'unknown flag -x, --quiet; see threadlab --help'],
	])('%s', (_name, input, flags, expected) => {
		const text = message(input, flags);
		expect(text).toBe(expected);
		expect(text).not.toContain('\n');
	});

	it('an unknown scene: the message lists every scene, in the notebook order', () => {
		const text = message(['nope'], {});
		expect(text).toBe(`unknown scene "nope"; the scenes are ${SCENE_NAMES.join(', ')}`);
		expect(text).toContain('start, hello, join, sleepers, sequential');
		expect(message(['Sleepers'], {})).toMatch(/^unknown scene "Sleepers"; the scenes are gil, start, /);
	});

	it.each(['start', 'hello', 'join'])('--threads on scene %s names the scenes it applies to', (scene) => {
		for (const value of ['3', '0']) {
			expect(message([scene], {threads: value})).toMatch(
				new RegExp(`^--threads does not apply to scene ${scene}; it applies to sleepers, sequential(, [a-z]+)*$`),
			);
		}
	});

	it('an unknown flag is reported before a bad value', () => {
		expect(message(['nope'], {threads: '0', bogus: true})).toBe('unknown flag --bogus; see threadlab --help');
	});
});

describe('reliability of the parse', () => {
	it('THREADLAB_FAIL names live in a map without a prototype: __proto__ is a name like any other', () => {
		const failures = parseOptions(['sleepers'], {}, {THREADLAB_FAIL: '__proto__,constructor:exit'}).failures;
		expect(Object.keys(failures)).toEqual(['__proto__', 'constructor']);
		expect(Object.getOwnPropertyDescriptor(failures, '__proto__')?.value).toBe('throw');
		expect(Object.getPrototypeOf(failures)).toBe(null);
	});

	it('flag names from Object.prototype are unknown flags', () => {
		for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
			expect(message(['race'], {[name]: '1'})).toBe(
				`unknown flag --${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}; see threadlab --help`,
			);
		}
	});

	it('a non-UTF-8 locale means ASCII glyphs; a UTF-8 one, or none, keeps Unicode', () => {
		for (const env of [{LANG: 'C'}, {LC_ALL: 'POSIX'}, {LC_CTYPE: 'en_US.ISO-8859-1'}, {LANG: 'en_US.UTF-8', LC_ALL: 'C'}])
			expect(parseOptions([], {}, env).ascii).toBe(true);
		for (const env of [{}, {LANG: 'C.UTF-8'}, {LC_ALL: 'de_DE.utf8'}, {LANG: ''}]) expect(parseOptions([], {}, env).ascii).toBe(false);
	});

	it('real threads count to 2^31 - 1 at most; the simulation counts further', () => {
		expect(message(['race'], {threads: '22', increments: '100000000'})).toBe(
			'--threads × --increments must be at most 2147483647: real threads share a 32-bit counter (got 22 × 100000000)',
		);
		expect(message(['dashboard'], {threads: '256', increments: '10000000'})).toMatch(
			/^--threads × --increments must be at most 2147483647/,
		);
		expect(parseOptions(['race'], {threads: '21', increments: '100000000'}).increments).toBe(100_000_000);
		expect(parseOptions(['race'], {threads: '256', increments: '100000000', seed: '1'}).raceThreads).toBe(256);
	});

	it('--record keeps the name exactly as given; --force needs --record', () => {
		expect(parseOptions(['hello'], {record: '  padded.cast  '}).record).toBe('  padded.cast  ');
		expect(message(['hello'], {force: true})).toBe('--force applies only with --record (it lets a recording replace a file)');
		expect(parseOptions(['hello'], {record: 'a.cast', force: true}).force).toBe(true);
	});

	it('from code (naming "option"): typed values, and messages that say `threads`, not `--threads`', () => {
		expect(parseOptions(['sleepers'], {threads: 3, sleep: 0.5}, {}, 'option')).toMatchObject({threads: 3, sleep: 0.5});
		const typed = (flags: RawFlags) => {
			try {
				parseOptions(['sleepers'], flags, {}, 'option');
			} catch (error) {
				return (error as Error).message;
			}
			return 'no error';
		};
		expect(typed({threads: '3'})).toBe('threads must be an integer from 1 to 256 (got 3)');
		expect(typed({threads: [3]})).toBe('threads must be an integer from 1 to 256 (got [3])');
		expect(typed({ascii: 'yes'})).toBe('ascii must be true or false (got yes)');
		expect(typed({verbose: true})).toBe('unknown option verbose; see threadlab --help');
	});
});
