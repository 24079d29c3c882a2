/**
 * The interleavings scene: every schedule of a small race counted (model/interleavings.ts),
 * set beside what real threads do. Its real check runs the race scene's own unsafe program
 * N times on real workers, so the outcomes it reports are those of the race scene.
 */
import type {CounterMode} from '../engine/jobs.js';
import type {WorkerPool} from '../engine/pool.js';
import {RealRun} from '../engine/run.js';
import type {RaceShape} from '../model/interleavings.js';
import type {RealTally} from '../model/interleavings-text.js';
import {raceProgram} from './race.js';

/**
 * 2 threads × 3 increments: 924 schedules, five outcomes from 2 to 6, only 20 exact, small
 * enough to step through (12 steps) and to read every bar at 80×24.
 */
export const INTERLEAVINGS_DEFAULTS = {threads: 2, increments: 3, mode: 'unsafe' as CounterMode, runs: 200};

export const INTERLEAVINGS = {
	title: 'every schedule counted',
	lesson: 'Count every order the threads could take their steps in: most lose updates, and one can lose almost all.',
	code: [
		'def increment():',
		'    global count',
		'    for _ in range(k):',
		'        value = count      # read: one step',
		'        count = value + 1  # write: another step',
	],
};

/** Real runs so far: how many, and how many ended at each final value. */
export type RealCheck = RealTally;

/**
 * Runs the unsafe race of `shape` (its threads and increments) `runs` times on real
 * workers, one run after another, with `workMicros` between each read and write to widen
 * the window. `onRun` hears the tally after every run; `stopped()` ends it early.
 */
export async function realCheck(
	pool: WorkerPool,
	shape: RaceShape,
	runs: number,
	workMicros: number,
	onRun?: (check: RealCheck) => void,
	stopped: () => boolean = () => false,
): Promise<RealCheck> {
	const byFinal = new Map<number, number>();
	const program = raceProgram('unsafe', {threads: shape.threads, increments: shape.increments, workMicros});
	let done = 0;
	for (; done < runs && !stopped(); done++) {
		const run = await RealRun.prepare(pool, program);
		const sample = await run.run();
		const final = sample.race?.counter ?? 0;
		byFinal.set(final, (byFinal.get(final) ?? 0) + 1);
		onRun?.({runs: done + 1, byFinal: new Map(byFinal)});
	}
	return {runs: done, byFinal};
}
