/** --record: asciicast v2 files parsed event by event; seeded ones byte-identical. */
import {execFile, execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'threadlab-cast-'));
const cli = async (args: string[]) =>
	run(process.execPath, ['dist/cli.js', ...args], {env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? ''}});

type Event = [number, 'o' | 'm', string];

function parse(path: string): {header: Record<string, unknown>; events: Event[]} {
	const [first, ...rest] = readFileSync(path, 'utf8').trimEnd().split('\n');
	const events = rest.map((line) => JSON.parse(line) as Event);
	for (const event of events) {
		expect(event).toHaveLength(3);
		expect(typeof event[0]).toBe('number');
		expect(['o', 'm']).toContain(event[1]);
		expect(typeof event[2]).toBe('string');
	}
	const times = events.map((event) => event[0]);
	expect(times).toEqual([...times].sort((a, b) => a - b));
	return {header: JSON.parse(first!) as Record<string, unknown>, events};
}

const markers = (events: Event[]) => events.filter((event) => event[1] === 'm').map((event) => event[2]);

describe('--record', () => {
	it('a seeded scene: no timestamp, markers in order, the same bytes twice', async () => {
		const [a, b] = [join(dir, 'a.cast'), join(dir, 'b.cast')];
		await cli(['race', '--seed', '5', '-i', '200', '--record', a]);
		await cli(['race', '--seed', '5', '-i', '200', '--record', b]);
		expect(readFileSync(a)).toEqual(readFileSync(b));
		const {header, events} = parse(a);
		expect(header).toEqual({
			version: 2,
			width: 80,
			height: 24,
			title: 'threadlab race · seed 5',
			env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
		});
		expect(markers(events)).toEqual(['race', 'race unsafe', 'race mutex', 'race atomic']);
		const screen = events
			.filter((event) => event[1] === 'o')
			.map((event) => event[2])
			.join('');
		expect(screen).toMatch(/(both|all) read \d+ and wrote/);
		expect(screen).toContain('simulated · seed 5');
		// Two recordings one after the other: over the runner's default 5 s under a load of 16 on 2 cores.
	}, 30_000);

	it('the seeded tour: a marker at every slide, in order, quickly', async () => {
		const path = join(dir, 'talk.cast');
		const started = Date.now();
		await cli(['tour', '--seed', '1', '-s', '0.2', '-t', '2', '-i', '100', '--cpu', '100', '--auto', '0.5', '--record', path]);
		expect(Date.now() - started).toBeLessThan(30_000);
		const slides = markers(parse(path).events).filter((label) => label.startsWith('slide '));
		expect(slides.map((label) => label.slice(0, label.indexOf(':')))).toEqual(Array.from({length: 13}, (_, i) => `slide ${i + 1}/13`));
		// Its own bound is 30 s: the runner's default 5 s failed here under a load of 9 on 2 cores.
	}, 30_000);

	it('a live piped run: a timestamp, the printed lines with \\r\\n, a marker', async () => {
		const path = join(dir, 'live.cast');
		const {stdout} = await cli(['join', '-s', '0.2', '--record', path]);
		const {header, events} = parse(path);
		expect(typeof header['timestamp']).toBe('number');
		expect(markers(events)).toEqual(['join']);
		const output = events
			.filter((event) => event[1] === 'o')
			.map((event) => event[2])
			.join('');
		expect(output).toBe(stdout.replaceAll('\n', '\r\n'));
		expect(output).toContain('hello\r\n');
	});

	it.each([
		['a directory', () => dir, /--record must name a file, and .* is a directory/],
		['a missing folder', () => join(dir, 'nope', 'x.cast'), /--record: the folder .*nope does not exist/],
		['an unwritable place', () => '/proc/threadlab.cast', /--record cannot write \/proc\/threadlab.cast/],
	])('to %s: one line, exit 2, no file', async (_name, path, message) => {
		const error = await cli(['sleepers', '--record', path()]).catch((error_: {code: number; stderr: string}) => error_);
		expect(error).toMatchObject({code: 2});
		const {stderr} = error as {stderr: string};
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(message);
		expect(existsSync(join(dir, 'nope'))).toBe(false);
	});
});

const hasAsciinema = (() => {
	try {
		return execFileSync('asciinema', ['--version'], {stdio: 'pipe'}).length > 0;
	} catch {
		return false;
	}
})();

describe.skipIf(!hasAsciinema)('the real player', () => {
	it('asciinema cat plays a seeded recording to its last frame', async () => {
		const path = join(dir, 'played.cast');
		await cli(['join', '--seed', '2', '-s', '0.3', '--record', path]);
		// asciinema cat reads /dev/tty: give it one with script(1).
		const played = execFileSync('script', ['-qec', `asciinema cat ${path}`, '/dev/null'], {encoding: 'utf8'});
		expect(played).toContain('hello at 0.30 s, after thread3 woke at 0.30 s');
	});
});
