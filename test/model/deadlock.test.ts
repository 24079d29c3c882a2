import {describe, expect, it} from 'vitest';
import {cycleLine, deadlockOf, findCycle, idleDeadlockSample} from '../../source/model/deadlock.js';
import type {DeadlockSample, Sample} from '../../source/model/types.js';
import {cycleLines} from '../../source/ui/components/DeadlockView.js';

const locks = (
	holders: number[],
	waits: number[],
	waitMs: Array<number | null> = waits.map((w) => (w < 0 ? null : 5)),
): DeadlockSample => ({
	order: 'opposite',
	increments: 10,
	workMicros: 0,
	expected: 10 * waits.length,
	counter: 0,
	holders,
	waits,
	waitMs,
});
const names = ['thread_0', 'thread_1', 'thread_2', 'thread_3'];

describe('the wait-for graph', () => {
	it('the pair: each holds what the other waits for', () => {
		const cycle = findCycle(locks([0, 1], [1, 0], [3, 7]))!;
		expect(cycle).toEqual({threads: [0, 1], waitsFor: [1, 0], formedMs: 7});
		expect(cycleLine(cycle, names)).toBe('thread_0 holds A, waits for B → thread_1 holds B, waits for A → thread_0');
	});

	it('a ring of three starts at its lowest thread, whichever thread the walk started from', () => {
		const cycle = findCycle(locks([0, 1, 2], [1, 2, 0]))!;
		expect(cycle.threads).toEqual([0, 1, 2]);
		expect(cycleLine(cycle, names)).toBe(
			'thread_0 holds A, waits for B → thread_1 holds B, waits for C → thread_2 holds C, waits for A → thread_0',
		);
	});

	it('a chain is no cycle: its last thread can move', () => {
		expect(findCycle(locks([0, 1, -1], [1, 2, -1]))).toBeNull();
		expect(findCycle(locks([-1, -1], [-1, -1]))).toBeNull();
		// Waiting for a lock that was just released (no holder yet) is no cycle.
		expect(findCycle(locks([0, -1], [1, 0]))).toBeNull();
	});

	it('only the threads of the loop are in the cycle: thread_3 waits on thread_1 but nobody waits on it', () => {
		expect(findCycle(locks([-1, 1, 2, 3], [-1, 2, 1, 1]))?.threads).toEqual([1, 2]);
	});

	it('a cycle is a deadlock once it has lasted 120 ms, or when the run ended in it', () => {
		const sample: Sample = {...idleDeadlockSample('opposite', 2, 10, 0), clockMs: 100, deadlock: locks([0, 1], [1, 0], [3, 7])};
		expect(deadlockOf(sample)).toBeNull();
		expect(deadlockOf({...sample, clockMs: 127})?.threads).toEqual([0, 1]);
		expect(deadlockOf({...sample, finished: true})?.threads).toEqual([0, 1]);
	});

	it('the cycle wraps between hops, never inside one', () => {
		const hops = cycleLine(findCycle(locks([0, 1, 2, 3], [1, 2, 3, 0]))!, names).split(' → ');
		const lines = cycleLines(hops, 80);
		expect(lines).toEqual([
			'thread_0 holds A, waits for B → thread_1 holds B, waits for C →',
			'thread_2 holds C, waits for D → thread_3 holds D, waits for A → thread_0',
		]);
		expect(cycleLines(hops.slice(0, 2), 80)).toEqual(['thread_0 holds A, waits for B → thread_1 holds B, waits for C']);
	});
});
