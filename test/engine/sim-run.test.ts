/** SimRun: one program on the virtual clock, step by step. */
import {describe, expect, it} from 'vitest';
import type {CounterMode} from '../../source/engine/jobs.js';
import {SimRun, type StepKind} from '../../source/engine/sim/run.js';
import {STEPS_PER_INCREMENT} from '../../source/engine/sim/race.js';
import {raceProgram} from '../../source/lessons/race.js';
import {sleepers} from '../helpers/programs.js';

/** Every step of a run to its end. */
function steps(run: SimRun): Array<{thread: number; kind: StepKind}> {
	const out: Array<{thread: number; kind: StepKind}> = [];
	for (let step = run.step(); step; step = run.step()) out.push({thread: step.thread, kind: step.kind});
	return out;
}

const race = (mode: CounterMode, threads: number, increments: number, workMicros = 200) =>
	raceProgram(mode, {threads, increments, workMicros});

describe('SimRun: sleepers', () => {
	it('a sleeper wakes at its exact virtual time, and the main thread resumes when the last one is joined', () => {
		const run = new SimRun(sleepers('naps', [1500, 700]), 1);
		run.advanceTo(699);
		expect(run.sample().threads.map((t) => [t.state, t.wakeMs])).toEqual([
			['sleeping', null],
			['sleeping', null],
		]);
		expect(run.step()).toMatchObject({at: 700, thread: 1, kind: 'wake'});
		const early = run.sample();
		expect(early.threads.map((t) => [t.state, t.wakeMs, t.endMs])).toEqual([
			['sleeping', null, null],
			['done', 700, 700],
		]);
		expect(early.main).toBe('joining');
		run.advanceTo(1499);
		expect(run.finished).toBe(false);
		run.advanceTo(1500);
		const end = run.sample();
		expect(run.finishedAt).toBe(1500);
		expect([end.finished, end.main, end.clockMs]).toEqual([true, 'done', 1500]);
		expect(end.events.map((e) => [e.kind, e.thread, e.atMs])).toEqual([
			['sleep', 0, 0],
			['sleep', 1, 0],
			['wake', 1, 700],
			['wake', 0, 1500],
			['print', -1, 1500],
		]);
		expect(run.steps).toBe(2);
		expect(run.step()).toBeUndefined();
	});
});

describe('SimRun: the race, step by step', () => {
	const cycles: Array<[CounterMode, StepKind[]]> = [
		['unsafe', ['read', 'work', 'write']],
		['mutex', ['lock', 'read', 'work', 'write', 'unlock']],
		['atomic', ['work', 'add']],
	];

	it.each(cycles)('%s: every thread repeats its increment’s steps, in order, interleaved with the others', (mode, cycle) => {
		expect(STEPS_PER_INCREMENT[mode]).toBe(cycle.length);
		const all = steps(new SimRun(race(mode, 3, 4), 11));
		expect(all).toHaveLength(3 * 4 * cycle.length);
		for (let t = 0; t < 3; t++) {
			expect(all.filter((step) => step.thread === t).map((step) => step.kind)).toEqual(Array.from({length: 4}, () => cycle).flat());
		}
		// Interleaved: the threads' steps are not one block after another.
		expect(all.slice(0, 3 * 4 * cycle.length - 1).some((step, i) => step.thread !== all[i + 1]!.thread)).toBe(true);
	});

	it('mutex: always exact; a lock step that finds the lock held waits, and only those count as contended', () => {
		let waits = 0;
		for (let seed = 1; seed <= 20; seed++) {
			const run = new SimRun(race('mutex', 4, 25), seed);
			let counted = 0;
			for (let step = run.step(); step; step = run.step()) {
				const {threads, race: lock} = run.sample();
				const holding = threads.flatMap((t, i) => (t.state === 'holding' ? [i] : []));
				expect(holding.length).toBeLessThanOrEqual(1);
				expect(lock!.holder).toBe(holding[0] ?? -1);
				if (step.kind === 'lock' && threads[step.thread]!.state === 'waiting') counted++;
				expect(lock!.contended).toBe(counted);
			}
			const {race: end} = run.sample();
			expect([end!.counter, end!.expected, end!.holder]).toEqual([100, 100, -1]);
			waits += counted;
		}
		expect(waits).toBeGreaterThan(0);
	});

	it('unsafe loses updates; atomic never does', () => {
		const unsafe = new SimRun(race('unsafe', 4, 100), 3);
		unsafe.advanceTo(Number.MAX_SAFE_INTEGER);
		expect(unsafe.sample().race!.counter).toBeLessThan(400);
		const atomic = new SimRun(race('atomic', 4, 100), 3);
		atomic.advanceTo(Number.MAX_SAFE_INTEGER);
		expect(atomic.sample().race!.counter).toBe(400);
	});

	it('the same seed gives the same steps and sample; another seed another interleaving', () => {
		const one = new SimRun(race('unsafe', 3, 50), 5);
		const again = new SimRun(race('unsafe', 3, 50), 5);
		const other = new SimRun(race('unsafe', 3, 50), 6);
		const [a, b, c] = [steps(one), steps(again), steps(other)];
		expect(b).toEqual(a);
		expect(again.sample()).toEqual(one.sample());
		expect(c).not.toEqual(a);
		expect(c.map((step) => step.kind).sort()).toEqual(a.map((step) => step.kind).sort());
	});

	it('advanceTo(ms, maxSteps) stops after maxSteps at the last step, and says so; reaching ms, the clock reads ms', () => {
		const run = new SimRun(race('atomic', 2, 1000), 1);
		expect(run.advanceTo(10_000, 7)).toBe(false);
		expect(run.steps).toBe(7);
		const stopped = run.sample().clockMs;
		expect(stopped).toBeGreaterThan(0);
		expect(stopped).toBeLessThan(run.next!);
		expect(run.advanceTo(run.next! - 1e-9)).toBe(true);
		expect(run.steps).toBe(7);
		expect(run.sample().clockMs).toBe(run.next! - 1e-9);
	});
});
