/** After the locks: two locks taken in opposite orders stop every thread forever, and the fix. */
import type {LockOrder} from '../engine/jobs.js';
import type {RunProgram} from '../engine/run.js';
import {threadNames} from './types.js';

export interface DeadlockOptions {
	/** Threads, and as many locks: thread i takes lock i, then lock i + 1 (mod n). */
	threads: number;
	increments: number;
	/** Microseconds of real work between the first lock and the second. */
	workMicros: number;
}

/**
 * With 200 µs between the two takes (≈ 300 µs real), the other thread has time to take its
 * first lock: `opposite` deadlocks within a few iterations, and `ordered` does 2 × 500 in ≈ 0.3 s.
 */
export const DEADLOCK_DEFAULTS: DeadlockOptions = {threads: 2, increments: 500, workMicros: 200};
export const DEADLOCK_THREADS = {min: 2, max: 8} as const;

export const DEADLOCK_LESSON = 'Two locks in opposite orders: each thread holds what the other waits for.';

export const DEADLOCK_CODE: Record<LockOrder, string[]> = {
	opposite: [
		'def thread_0():          def thread_1():',
		'    with lock_a:             with lock_b:',
		'        work()                   work()',
		'        with lock_b:             with lock_a:',
		'            count += 1               count += 1',
	],
	ordered: [
		'def thread_0():          def thread_1():',
		'    with lock_a:             with lock_a:',
		'        work()                   work()',
		'        with lock_b:             with lock_b:',
		'            count += 1               count += 1',
	],
};

export function deadlockProgram(order: LockOrder, {threads, increments, workMicros}: DeadlockOptions): RunProgram {
	return {
		scene: 'deadlock',
		deadlock: {order, locks: threads, increments, workMicros},
		threads: threadNames(threads).map((name) => ({
			name,
			sleepSeconds: 0,
			job: {kind: 'locks', order, locks: threads, increments, workMicros},
		})),
		*main(lab) {
			const handles = Array.from({length: threads}, (_, i) => lab.thread(i));
			for (const thread of handles) thread.start();
			for (const thread of handles) yield thread.join();
		},
	};
}
