/**
 * The snapshot suite: every scene at its telling moments, simulated with a
 * seed, at widths 80 and 40 (24 lines), and at 100×30, as plain text. Same bytes on every run.
 */
import {describe, expect, it} from 'vitest';
import {type FrameOptions, renderFrame} from '../source/cli/render-frame.js';

const moments: Array<[string, Omit<FrameOptions, 'time' | 'seed'>, number[]]> = [
	['start', {scene: 'start'}, [0, 1, 2.5]],
	['hello', {scene: 'hello'}, [0, 1, 2.5]],
	['join', {scene: 'join'}, [0, 1, 2.5]],
	['sleepers', {scene: 'sleepers'}, [0, 1, 2.5]],
	['sequential', {scene: 'sequential', threads: 3, sleep: 1}, [0, 1.5, 3.5]],
	['race unsafe', {scene: 'race', mode: 'unsafe', increments: 200}, [0.02, 1]],
	['race mutex', {scene: 'race', mode: 'mutex', increments: 200}, [0.08, 1]],
	['race atomic', {scene: 'race', mode: 'atomic', increments: 200}, [0.02, 1]],
	['race all', {scene: 'race', increments: 200}, [0.06, 0.3]],
	['dashboard', {increments: 200}, [1, 2.5]],
	['interleavings', {scene: 'interleavings'}, [0, 3, 6]],
	['interleavings 3 × 3', {scene: 'interleavings', threads: 3, increments: 3}, [5]],
	['interleavings mutex', {scene: 'interleavings', mode: 'mutex', threads: 3, increments: 2}, [2]],
];

describe.each([80, 40])('frames at width %i', (width) => {
	it.each(moments)('%s', (_name, options, times) => {
		for (const time of times) {
			const frame = renderFrame({...options, seed: 42, time, width, height: 24});
			expect(frame.split('\n').every((line) => line.length <= width)).toBe(true);
			expect(frame.split('\n').length).toBeLessThan(24);
			expect(frame).toMatchSnapshot(`t=${time}`);
		}
	});
});

// The gil scene: its lanes one after another on 2 simulated cores (CPU-bound, under a GIL, sleeping under it; no Python under --seed).
describe.each([
	[80, 24],
	[100, 30],
])('gil frames at %i×%i', (width, height) => {
	it.each([0.5, 1.5, 2.9, 4])('t=%s', (time) => {
		const frame = renderFrame({scene: 'gil', seed: 42, time, width, height});
		const lines = frame.split('\n');
		expect(lines.every((line) => line.length <= width)).toBe(true);
		expect(lines.length).toBeLessThan(height);
		expect(frame).toContain("Python's threads are real by nature");
		expect(frame).toMatchSnapshot();
	});
});

describe('renderFrame', () => {
	it('is a function of the seed: same seed same frame, another seed another race', () => {
		const at = {scene: 'race', mode: 'unsafe', increments: 200, time: 0.02} as const;
		expect(renderFrame({...at, seed: 1})).toBe(renderFrame({...at, seed: 1}));
		const seeds = [1, 2, 3, 4, 5].map((seed) => renderFrame({...at, seed}));
		expect(new Set(seeds).size).toBeGreaterThan(1);
	});

	it('unsafe loses updates for most seeds; mutex and atomic are always exact', () => {
		let lossy = 0;
		for (let seed = 0; seed < 20; seed++) {
			const unsafe = renderFrame({scene: 'race', mode: 'unsafe', increments: 50, work: 0, seed, time: 60, width: 100});
			if (!/lost\s+0 \(0\.0%\)/.test(unsafe)) lossy++;
			for (const mode of ['mutex', 'atomic'] as const) {
				const frame = renderFrame({scene: 'race', mode, increments: 50, work: 0, seed, time: 60, width: 100});
				expect(frame).toMatch(/actual[\s·]+200\b/);
				expect(frame).toMatch(/lost[\s·]+0 \(0\.0%\)/);
			}
		}
		expect(lossy).toBeGreaterThanOrEqual(15);
	});

	it('has no escape codes unless asked for colour', () => {
		const plain = renderFrame({scene: 'sleepers', seed: 1, time: 1});
		expect(plain).not.toMatch(/\u001B\[/);
		expect(renderFrame({scene: 'sleepers', seed: 1, time: 1, color: true})).toMatch(/\u001B\[/);
	});

	it('labels the simulation and validates like the command line', () => {
		expect(renderFrame({scene: 'join', seed: 9, time: 0})).toContain('simulated · seed 9');
		// The same rules, naming each option as it is written in code.
		expect(() => renderFrame({scene: 'join', seed: -1, time: 0})).toThrow('seed must be an integer from 0 to 4294967295 (got -1)');
		expect(() => renderFrame({scene: 'race', seed: 1, time: 0, width: 10})).toThrow('width must be an integer from 20 to 300 (got 10)');
	});

	it('typed values are checked as typed, and errors name the option as written in code', () => {
		const call = (request: unknown) => () => renderFrame(request as Parameters<typeof renderFrame>[0]);
		expect(call(undefined)).toThrow("renderFrame needs its options, like renderFrame({scene: 'race', seed: 1, time: 0.8}) (got undefined)");
		expect(call({scene: 'race', seed: 1})).toThrow("renderFrame needs time, like renderFrame({scene: 'race', seed: 1, time: 0.8})");
		expect(call({scene: 'race', seed: 1, time: 0, width: [80]})).toThrow('width must be an integer from 20 to 300 (got [80])');
		expect(call({scene: 'race', seed: 1, time: 0, width: '80'})).toThrow('width must be an integer from 20 to 300 (got 80)');
		expect(call({scene: 'race', seed: 1, time: 0, ascii: 'no'})).toThrow('ascii must be true or false (got no)');
		expect(call({scene: 'race', seed: 1, time: -1})).toThrow('time must be a comma-separated list of seconds');
		expect(call({scene: 'race', seed: 1, time: 0, colour: true})).toThrow(
			'renderFrame has no option colour; its options are scene, seed, time',
		);
		expect(call({scene: 'nope', seed: 1, time: 0})).toThrow('unknown scene "nope"');
		// The same value, typed right, works.
		expect(call({scene: 'race', seed: 1, time: 0, width: 80, ascii: true})()).toContain('lock panel');
	});
});

describe('frames at 100×30', () => {
	it.each(moments)('%s', (_name, options, times) => {
		for (const time of times) {
			const frame = renderFrame({...options, seed: 42, time, width: 100, height: 30});
			expect(frame.split('\n').every((line) => line.length <= 100)).toBe(true);
			expect(frame.split('\n').length).toBeLessThan(30);
			expect(frame).toMatchSnapshot(`t=${time}`);
		}
	});
});

/** The deadlock scene, seeded: the deadlock forming and formed, and its fix finishing. */
const deadlockMoments: Array<[string, Omit<FrameOptions, 'time' | 'seed' | 'width' | 'height'>, number[]]> = [
	['deadlock opposite', {scene: 'deadlock', mode: 'opposite'}, [0.0003, 0.001]],
	['deadlock ordered', {scene: 'deadlock', mode: 'ordered', increments: 20}, [0.001, 0.1]],
	['deadlock all', {scene: 'deadlock', increments: 20}, [0.001, 0.1]],
];

describe.each([
	[80, 24],
	[100, 30],
])('deadlock frames at %i×%i', (width, height) => {
	it.each(deadlockMoments)('%s', (_name, options, times) => {
		for (const time of times) {
			const frame = renderFrame({...options, seed: 42, time, width, height});
			expect(frame.split('\n').every((line) => line.length <= width)).toBe(true);
			expect(frame.split('\n').length).toBeLessThan(height);
			expect(frame).toMatchSnapshot(`t=${time}`);
		}
	});

	it('the cycle line reads whole, the header says no thread can move', () => {
		const frame = renderFrame({scene: 'deadlock', mode: 'opposite', seed: 42, time: 1, width, height});
		const lines = frame.split('\n');
		expect(lines[1]).toBe('deadlock: no thread can move');
		expect(lines).toContain('thread_0 holds A, waits for B → thread_1 holds B, waits for A → thread_0');
		expect(frame).toContain('thread_0 ○ waiting for B (held by thread_1)');
	});
});

it('a ring of 8 at 80×24: rows fold to "+5 more threads", the whole ring and the footer still show', () => {
	const frame = renderFrame({scene: 'deadlock', threads: 8, seed: 3, time: 1, width: 80, height: 24});
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThan(24);
	expect(lines.filter((line) => line === '  +5 more threads')).toHaveLength(2);
	expect(lines).toContain('thread_6 holds G, waits for H → thread_7 holds H, waits for A → thread_0');
	expect(lines).toContain('count 4000 of 4000, exact');
	expect(lines.at(-1)).toMatch(/^r run again · m order: all .* q quit$/);
});
