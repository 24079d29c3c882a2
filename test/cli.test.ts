/**
 * The built binary (dist/cli.js; `npm test` builds it first), spawned with
 * stdout piped: no TTY, so no Ink frames, just the notebook's lines.
 */
import {existsSync, readFileSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {SCENE_NAMES} from '../source/lessons/index.js';
import {type NodeOptions, cli, root, runNode} from './helpers/run-node.js';

/** Run threadlab; `onStdout` sees stdout as it arrives (and may signal the child). */
const threadlab = async (args: string[], onStdout?: NodeOptions['onStdout']) =>
	runNode([cli, ...args], {timeoutMs: 10_000, ...(onStdout ? {onStdout} : {})});

const lines = (text: string) => text.split('\n').slice(0, -1);

beforeAll(() => {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('piped: the notebook lines, then the summary', () => {
	it('hello: the main thread says hello before thread2 wakes', async () => {
		const {code, stdout, stderr} = await threadlab(['hello', '-s', '0.3']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).not.toContain('\x1b');
		const out = lines(stdout);
		expect(out).toHaveLength(4);
		// hello and the sleep line race each other; both come before the wake.
		expect(out.slice(0, 2).sort()).toEqual(['I am thread2. Going to sleep for 0.3 seconds', 'hello']);
		expect(out[2]).toBe('thread2 has woken up from sleep');
		expect(out[3]).toMatch(/^elapsed 0\.3\d s · hello at 0\.\d\d s, before thread2 woke at 0\.3\d s$/);
	});

	it('join: the main thread says hello after thread3 wakes', async () => {
		const {code, stdout} = await threadlab(['join', '-s', '0.2']);
		expect(code).toBe(0);
		const out = lines(stdout);
		expect(out.slice(0, 3)).toEqual(['I am thread3. Going to sleep for 0.2 seconds', 'thread3 has woken up from sleep', 'hello']);
		expect(out[3]).toMatch(/^elapsed 0\.2\d s · hello at 0\.2\d s, after thread3 woke at 0\.2\d s$/);
		expect(out).toHaveLength(4);
	});

	it('start: start() returns at once', async () => {
		const {code, stdout} = await threadlab(['start', '--sleep', '0.2']);
		expect(code).toBe(0);
		expect(lines(stdout)).toEqual([
			'I am thread1. Going to sleep for 0.2 seconds',
			'thread1 has woken up from sleep',
			expect.stringMatching(/^elapsed 0\.2\d s · start\(\) returned at once · thread1 woke at 0\.2\d s$/),
		]);
	});

	it('sleepers: every thread sleeps, then wakes; elapsed is one sleep', async () => {
		const {code, stdout} = await threadlab(['sleepers', '-t', '3', '-s', '0.2']);
		expect(code).toBe(0);
		const out = lines(stdout);
		expect(out).toHaveLength(7);
		for (let i = 0; i < 3; i++) {
			const sleep = out.indexOf(`I am thread_${i}. Going to sleep for 0.2 seconds`);
			expect(sleep).toBeGreaterThanOrEqual(0);
			expect(out.indexOf(`thread_${i} has woken up from sleep`)).toBeGreaterThan(sleep);
		}
		expect(out[6]).toMatch(/^elapsed 0\.2\d s · sequential would take 0\.60 s · (2\.\d\d|3\.00)× faster$/);
	});

	it('sequential: each thread sleeps and wakes before the next starts', async () => {
		const {code, stdout} = await threadlab(['sequential', '-t', '2', '-s', '0.2']);
		expect(code).toBe(0);
		const out = lines(stdout);
		expect(out.slice(0, 4)).toEqual([
			'I am thread_0. Going to sleep for 0.2 seconds',
			'thread_0 has woken up from sleep',
			'I am thread_1. Going to sleep for 0.2 seconds',
			'thread_1 has woken up from sleep',
		]);
		expect(out[4]).toMatch(/^elapsed 0\.[4-9]\d s · all at once would take 0\.20 s · \d+\.\d\d× slower$/);
	});
});

describe('--json', () => {
	it('sleepers -t 3 -s 0.2: one object with every thread', async () => {
		const {code, stdout, stderr} = await threadlab(['sleepers', '-t', '3', '-s', '0.2', '--json']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(lines(stdout)).toHaveLength(1);
		const result = JSON.parse(stdout);
		expect(Object.keys(result).sort()).toEqual([
			'comparison',
			'concurrentMs',
			'elapsedMs',
			'prints',
			'scene',
			'sequentialMs',
			'speedup',
			'summary',
			'threads',
		]);
		expect(result.scene).toBe('sleepers');
		expect(result.sequentialMs).toBe(600);
		expect(result.speedup).toBeGreaterThan(2);
		expect(result.elapsedMs).toBeGreaterThanOrEqual(200);
		expect(result.elapsedMs).toBeLessThan(300);
		expect(result.threads.map((t: {name: string}) => t.name)).toEqual(['thread_0', 'thread_1', 'thread_2']);
		for (const thread of result.threads) {
			expect(thread).toMatchObject({sleepSeconds: 0.2, state: 'done'});
			expect(thread.startMs).toBeGreaterThanOrEqual(0);
			expect(thread.wakeMs - thread.startMs).toBeGreaterThanOrEqual(199);
			expect(thread.wakeMs).toBeLessThanOrEqual(result.elapsedMs);
		}
	});
});

// Bad command lines: the full table is test/cli-errors.test.ts.

describe('help and version', () => {
	it('--help: exit 0, every scene, every flag, an example', async () => {
		for (const flag of ['--help', '-h']) {
			const {code, stdout, stderr} = await threadlab([flag]);
			expect(code).toBe(0);
			expect(stderr).toBe('');
			for (const scene of SCENE_NAMES) expect(stdout).toMatch(new RegExp(`^ +${scene} `, 'm'));
			for (const option of ['--threads', '--sleep', '--fps', '--json', '--no-color', '--ascii', '--help', '--version'])
				expect(stdout).toContain(option);
			expect(stdout).toContain('$ threadlab hello -s 0.5 | cat');
			// A projector's 80 columns: no line wider, and every flag's text apart from its name.
			for (const line of stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
			expect(stdout).toMatch(/^ {4}-i, --increments <n> {2,}race: increments per thread/m);
			expect(stdout).toMatch(/^ {26}2–8 \(default 2\); interleavings 2–4 \(default 2\)$/m);
		}
	});

	it('--version: the package version', async () => {
		const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string};
		expect(version).toBe('0.1.0');
		for (const flag of ['--version', '-v']) {
			const {code, stdout} = await threadlab([flag]);
			expect(code).toBe(0);
			expect(stdout).toBe('0.1.0\n');
		}
	});
});

describe('signals from outside', () => {
	it.each([
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const)('%s while threads sleep: exit %i at once', async (signal, exitCode) => {
		const started = {at: 0};
		const result = await threadlab(['sleepers', '-t', '2', '-s', '30'], (text, child) => {
			if (!started.at && text.includes('Going to sleep')) {
				started.at = performance.now();
				child.kill(signal);
			}
		});
		expect(started.at).toBeGreaterThan(0);
		expect(performance.now() - started.at).toBeLessThan(1000);
		expect(result.code).toBe(exitCode);
		expect(result.stderr).toBe('');
	});
});
