/**
 * The interleavings scene from outside: the built CLI piped and with --json, its frames,
 * and the real check, which runs the race scene's unsafe program on real worker threads.
 */
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {WorkerPool} from '../source/engine/pool.js';
import {realCheck} from '../source/lessons/interleavings.js';
import {countInterleavings} from '../source/model/interleavings.js';
import {renderFrame} from '../source/cli/render-frame.js';
import {cli, runNode} from './helpers/run-node.js';

beforeAll(() => {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

const threadlab = (args: readonly string[]) => runNode([cli, ...args], {timeoutMs: 60_000});

describe('interleavings piped', () => {
	it('prints one line per final value, then the summary', async () => {
		const {code, stdout, stderr} = await threadlab(['interleavings', '--runs', '0']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		// 2 threads × 3 increments: 12!/(6!)² = 924 schedules, counted per final value.
		expect(stdout.trimEnd().split('\n')).toEqual([
			'final 2: 8 schedules (0.8%)',
			'final 3: 300 schedules (32.4%)',
			'final 4: 416 schedules (45.0%)',
			'final 5: 180 schedules (19.4%)',
			'final 6 (exact): 20 schedules (2.1%)',
			'2 threads × 3 increments, unsafe: 924 schedules',
			'97.8% lose an update · smallest final 2, not 3',
		]);
	});

	it('mutex and atomic: one bar, every schedule exact', async () => {
		for (const mode of ['mutex', 'atomic']) {
			const {stdout} = await threadlab(['interleavings', '--mode', mode, '-t', '3', '-i', '2', '--runs', '0']);
			const lines = stdout.trimEnd().split('\n');
			// mutex and atomic both take 6 critical steps in some order: 6!/(2!)³ = 90 orders.
			expect(lines[0]).toBe('final 6 (exact): 90 schedules (100%)');
			expect(lines.at(-1)).toBe('every schedule ends at 6: no update is ever lost');
		}
	});

	it('sets real runs beside each bar', async () => {
		const {code, stdout} = await threadlab(['interleavings', '--runs', '20', '--work', '100']);
		expect(code).toBe(0);
		const real = stdout
			.split('\n')
			.filter((line) => line.startsWith('final '))
			.map((line) => Number(/real (\d+) of 20$/.exec(line)?.[1]));
		expect(real).toHaveLength(5);
		expect(real.reduce((a, b) => a + b, 0)).toBe(20);
		expect(stdout).toMatch(/^real threads, 20 runs: ended at [\d, ]+$/m);
	});
});

describe('interleavings --json', () => {
	it('gives the exact counts as strings, even past 2^53', async () => {
		const {stdout} = await threadlab(['interleavings', '-t', '3', '-i', '3', '--runs', '0', '--json']);
		const json = JSON.parse(stdout);
		expect(json).toEqual({
			scene: 'interleavings',
			threads: 3,
			increments: 3,
			mode: 'unsafe',
			schedules: '17153136',
			byFinal: {2: '155040', 3: '3188244', 4: '6150036', 5: '5058180', 6: '2105244', 7: '449352', 8: '45360', 9: '1680'},
			lossShare: 1 - 1680 / 17153136,
			minFinal: 2,
		});
		const big = JSON.parse((await threadlab(['interleavings', '-t', '4', '-i', '4', '--runs', '0', '--json'])).stdout);
		// 32!/(8!)⁴, exact: as a JSON number it would have been rounded.
		expect(big.schedules).toBe('99561092450391000');
		expect(Object.values<string>(big.byFinal).reduce((sum, n) => sum + BigInt(n), 0n)).toBe(99561092450391000n);
	}, 60_000);

	it('adds the real runs', async () => {
		const json = JSON.parse((await threadlab(['interleavings', '--runs', '10', '--json'])).stdout);
		expect(json.real.runs).toBe(10);
		expect(Object.values<number>(json.real.byFinal).reduce((a, b) => a + b, 0)).toBe(10);
	});
});

describe('interleavings frames', () => {
	it('steps the smallest outcome two steps a virtual second, to its lost update', () => {
		const at = (time: number) => renderFrame({scene: 'interleavings', seed: 1, time});
		expect(at(0)).toContain('schedule 1 of 8 ending at 2 · step 0/12');
		expect(at(0)).toContain('s: take the first step');
		expect(at(6)).toContain('step 12/12');
		expect(at(6)).toContain('counter 2 · lost 4');
		expect(at(1)).not.toBe(at(2));
		expect(at(3)).toBe(at(3));
	});
});

describe('real threads against the count', () => {
	const pool = new WorkerPool();
	afterAll(() => pool.terminate());

	it('every final value real threads reach is one the count reaches', async () => {
		const shape = {threads: 2, increments: 2, mode: 'unsafe' as const};
		const counted = countInterleavings(shape);
		const seen: number[] = [];
		const real = await realCheck(pool, shape, 40, 200, (tally) => seen.push(tally.runs));
		expect(real.runs).toBe(40);
		expect(seen).toEqual(Array.from({length: 40}, (_, i) => i + 1));
		expect([...real.byFinal.values()].reduce((a, b) => a + b, 0)).toBe(40);
		for (const final of real.byFinal.keys()) expect(counted.byFinal.has(final)).toBe(true);
		// The count's range: 2 (the surprise) to 4 (exact); real threads land inside it.
		expect([counted.minFinal, counted.maxFinal]).toEqual([2, 4]);
	}, 60_000);

	it('stops when asked', async () => {
		let calls = 0;
		const real = await realCheck(
			pool,
			{threads: 2, increments: 1, mode: 'unsafe'},
			100,
			0,
			() => calls++,
			() => calls >= 3,
		);
		expect(real.runs).toBe(3);
	}, 30_000);
});
