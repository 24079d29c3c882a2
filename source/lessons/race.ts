/** The notebook's "Locks" section: a shared counter, incremented by real threads. */
import {type CounterMode, READ_LOG} from '../engine/jobs.js';
import type {RunProgram} from '../engine/run.js';
import {threadNames} from './types.js';

export interface RaceOptions {
	threads: number;
	increments: number;
	/** Microseconds of real waiting between each read and write (the notebook's I/O). */
	workMicros: number;
}

/**
 * Defaults measured on this machine kind: a 200 µs wait really takes ≈ 300 µs,
 * so unsafe and atomic run ≈ 0.8 s and the mutex, which serialises the four
 * threads' work, ≈ 3 s. Unsafe loses updates in practically every run.
 */
export const RACE_DEFAULTS: RaceOptions = {threads: 4, increments: 2500, workMicros: 200};

export const RACE_LESSON = 'x += 1 is three steps: two threads that read the same value lose an update.';

export const RACE_CODE: Record<CounterMode, string[]> = {
	unsafe: [
		'def increment():',
		'    global count',
		'    value = count        # read',
		'    time.sleep(work)     # the I/O processing',
		'    count = value + 1    # write',
	],
	mutex: [
		'lock = threading.Lock()',
		'def increment():',
		'    global count',
		'    with lock:',
		'        value = count',
		'        time.sleep(work)',
		'        count = value + 1',
	],
	atomic: ['# no Python equivalent: one indivisible instruction', 'time.sleep(work)', 'Atomics.add(counter, 0, 1)'],
};

export function raceProgram(mode: CounterMode, {threads, increments, workMicros}: RaceOptions): RunProgram {
	return {
		scene: 'race',
		race: {mode, increments, workMicros, readLog: mode === 'unsafe' ? READ_LOG : 0},
		threads: threadNames(threads).map((name) => ({name, sleepSeconds: 0, job: {kind: 'count', mode, increments, workMicros}})),
		*main(lab) {
			const handles = Array.from({length: threads}, (_, i) => lab.thread(i));
			for (const thread of handles) thread.start();
			for (const thread of handles) yield thread.join();
		},
	};
}
