/** The simulation's bounds: memory that does not grow with the run, and steps that are counted and capped. */
import {describe, expect, it} from 'vitest';
import {MAX_SIM_STEPS, SimSession, programSteps} from '../../source/engine/sim/session.js';
import {SimRun} from '../../source/engine/sim/run.js';
import {READ_LOG} from '../../source/engine/jobs.js';
import {UsageError} from '../../source/model/errors.js';
import {findCollision} from '../../source/model/race.js';
import {raceProgram} from '../../source/lessons/index.js';

describe('the seeded race keeps what a frame needs, not the history', () => {
	it('each thread keeps its last READ_LOG reads: the same collision as the whole history would give', () => {
		const program = raceProgram('unsafe', {threads: 3, increments: 5000, workMicros: 200});
		const run = new SimRun(program, 7);
		run.advanceTo(Number.MAX_SAFE_INTEGER);
		const reads = run.sample().race!.reads!;
		expect(reads.map((r) => r.length)).toEqual([READ_LOG, READ_LOG, READ_LOG]);
		// Reads only grow: the kept ones are the latest, in order.
		for (const kept of reads) expect([...kept].sort((a, b) => a - b)).toEqual(kept);
		expect(findCollision(reads, ['thread_0', 'thread_1', 'thread_2'])).not.toBeNull();
	});
});

describe('SimSession counts and caps its steps', () => {
	const race = (threads: number, increments: number) => [[raceProgram('unsafe', {threads, increments, workMicros: 200})]];

	it('programSteps: read, work and write per unsafe increment', () => {
		expect(programSteps(race(4, 2500)[0]![0]!)).toBe(4 * 2500 * 3);
		expect(programSteps(raceProgram('mutex', {threads: 2, increments: 10, workMicros: 0}))).toBe(2 * 10 * 5);
	});

	it('a run to the end that would take more than MAX_SIM_STEPS is refused at once, with the figure', () => {
		const make = () => new SimSession(race(256, 100_000_000), 1, {toTheEnd: true});
		expect(make).toThrow(UsageError);
		expect(make).toThrow(/this run takes 76,800,000,000 steps, more than the 20,000,000 simulated at most/);
		expect(() => new SimSession(race(4, 2500), 1, {toTheEnd: true})).not.toThrow();
	});

	it('advancing further than MAX_SIM_STEPS allows stops with a UsageError; a live screen has no cap', () => {
		const capped = new SimSession(race(64, 10_000_000), 1, {maxSteps: 50_000});
		expect(() => capped.advanceTo(3_600_000)).toThrow(/takes more than 50,000 steps to reach/);
		expect(capped.steps).toBe(50_001);
		expect(MAX_SIM_STEPS).toBe(20_000_000);
	});

	it('advanceTo(ms, maxSteps) does at most maxSteps, shared among the lanes, and says whether it got there', () => {
		const lanes = [...race(8, 1_000_000), ...race(8, 1_000_000)];
		const session = new SimSession(lanes, 3, {maxSteps: Number.POSITIVE_INFINITY});
		expect(session.advanceTo(60_000, 1000)).toBe(false);
		expect(session.steps).toBeLessThanOrEqual(1000);
		const [left, right] = session.samples().map((lane) => lane[0]!.threads.reduce((sum, t) => sum + t.progress, 0));
		expect(left).toBeGreaterThan(0);
		expect(right).toBeGreaterThan(0);
		expect(session.time).toBe(0);
		expect(session.advanceTo(1, Number.POSITIVE_INFINITY)).toBe(true);
		expect(session.time).toBe(1);
	});
});
