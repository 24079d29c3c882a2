/** The deadlock scene on the simulator: the same program, stepped and narrated; seeds that deadlock and seeds that finish. */
import {describe, expect, it} from 'vitest';
import {SimRun} from '../../source/engine/sim/run.js';
import {deadlockProgram} from '../../source/lessons/index.js';
import {deadlockOf} from '../../source/model/deadlock.js';
import {toSnapshot} from '../../source/model/snapshot.js';

const pair = (order: 'opposite' | 'ordered', increments: number) => deadlockProgram(order, {threads: 2, increments, workMicros: 200});

/** Step to the end (a deadlock ends the run too), narrating every step. */
function stepThrough(run: SimRun): string[] {
	const said: string[] = [];
	while (run.step()) said.push(toSnapshot(run.sample()).lastStep!);
	return said;
}

describe('deadlock on the simulator', () => {
	it('s steps the four moves that make the pair deadlock, each narrated', () => {
		const run = new SimRun(pair('opposite', 500), 1);
		const said = stepThrough(run);
		expect(said).toEqual([
			'thread_1 took B',
			'thread_0 took A',
			'thread_0 waits for B (held by thread_1)',
			'thread_1 waits for A (held by thread_0)',
		]);
		const sample = run.sample();
		expect(sample.finished).toBe(true);
		expect(deadlockOf(sample)?.threads).toEqual([0, 1]);
		expect(sample.threads.map((t) => t.state)).toEqual(['waiting', 'waiting']);
	});

	it('with one increment some seeds deadlock and some finish; ordered always finishes exact', () => {
		const outcomes = {deadlocked: 0, finished: 0};
		for (let seed = 0; seed < 20; seed++) {
			const run = new SimRun(pair('opposite', 1), seed);
			stepThrough(run);
			const sample = run.sample();
			if (deadlockOf(sample)) outcomes.deadlocked++;
			else {
				expect(sample.deadlock!.counter).toBe(2);
				outcomes.finished++;
			}
			const ordered = new SimRun(pair('ordered', 50), seed);
			stepThrough(ordered);
			expect(deadlockOf(ordered.sample())).toBeNull();
			expect(ordered.sample().deadlock!.counter).toBe(100);
		}
		expect(outcomes.deadlocked).toBeGreaterThan(0);
		expect(outcomes.finished).toBeGreaterThan(0);
	});

	it('the same seed gives the same run', () => {
		const said = (seed: number) => stepThrough(new SimRun(pair('opposite', 3), seed));
		expect(said(7)).toEqual(said(7));
	});

	it('a ring of 4 deadlocks with all four in the cycle', () => {
		const run = new SimRun(deadlockProgram('opposite', {threads: 4, increments: 500, workMicros: 200}), 3);
		stepThrough(run);
		expect(deadlockOf(run.sample())?.threads).toEqual([0, 1, 2, 3]);
	});
});
