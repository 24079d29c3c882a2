/** The deadlock scene through the built CLI: piped lines, --json, and bad input. */
import {existsSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {cli, runNode} from './helpers/run-node.js';

const threadlab = (args: string[]) => runNode([cli, ...args], {timeoutMs: 15_000});

beforeAll(() => {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('threadlab deadlock, headless', () => {
	it('--json: the opposite order reports the cycle, the ordered one the exact count, exit 0, no hang', async () => {
		const {code, stdout, stderr, ms} = await threadlab(['deadlock', '--json']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(ms).toBeLessThan(10_000);
		const json = JSON.parse(stdout) as {scene: string; runs: Array<Record<string, unknown>>};
		expect(json.scene).toBe('deadlock');
		const [opposite, ordered] = json.runs;
		expect(ordered).toMatchObject({order: 'ordered', deadlocked: false, expected: 1000, actual: 1000});
		// The pair deadlocks in practically every run; when it does, the cycle is both threads.
		if (opposite!['deadlocked']) expect(opposite).toMatchObject({order: 'opposite', cycle: ['thread_0', 'thread_1']});
		else expect(opposite).toMatchObject({actual: 1000});
	}, 20_000);

	it('one order: its fields at the top level', async () => {
		const {code, stdout} = await threadlab(['deadlock', '--mode', 'ordered', '--json', '-t', '3', '-i', '50']);
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toMatchObject({
			scene: 'deadlock',
			order: 'ordered',
			threads: 3,
			deadlocked: false,
			expected: 150,
			actual: 150,
		});
	});

	it('piped: the cycle line, then when it formed', async () => {
		const {code, stdout} = await threadlab(['deadlock', '--mode', 'opposite', '-i', '100000']);
		expect(code).toBe(0);
		const lines = stdout.trim().split('\n');
		expect(lines[0]).toBe('deadlock (opposite): thread_0 holds A, waits for B → thread_1 holds B, waits for A → thread_0');
		expect(lines[1]).toMatch(/^deadlock \(opposite\): formed at \d+\.\d{3} s: no thread can move$/);
	});

	it.each([
		[['-t', '9'], '--threads must be 2–8 for deadlock: one lock per thread, A to H (got 9)'],
		[['-t', '1'], '--threads must be 2–8 for deadlock: one lock per thread, A to H (got 1)'],
		[['--mode', 'mutex'], '--mode must be one of opposite, ordered, all (got mutex)'],
	])('bad input %j: one line, exit 2', async (args, message) => {
		const {code, stdout, stderr} = await threadlab(['deadlock', ...args]);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(`threadlab: ${message}\n`);
	});

	it('--seed: the same lines for the same seed; the defaults deadlock where they formed', async () => {
		const first = await threadlab(['deadlock', '--seed', '1']);
		expect(first.code).toBe(0);
		expect(first.stdout).toBe((await threadlab(['deadlock', '--seed', '1'])).stdout);
		expect(first.stdout.split('\n').slice(0, 3)).toEqual([
			'deadlock (opposite): thread_0 holds A, waits for B → thread_1 holds B, waits for A → thread_0',
			expect.stringMatching(/^deadlock \(opposite\): formed at 0\.\d{3} s: no thread can move$/),
			'finished (ordered): count 1000 of 1000, exact',
		]);
	});

	it('race refuses a lock order', async () => {
		const {code, stderr} = await threadlab(['race', '--mode', 'opposite']);
		expect(code).toBe(2);
		expect(stderr).toBe('threadlab: --mode must be one of unsafe, mutex, atomic, all (got opposite)\n');
	});
});
