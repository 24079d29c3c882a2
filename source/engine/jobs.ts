/** What a pooled worker is asked to run. Shared by the main thread and the worker script. */
import type {SharedDims} from './shared.js';

import type {CounterMode, LockOrder} from '../model/types.js';

export {COUNTER_MODES, LOCK_ORDERS, type CounterMode, type LockOrder} from '../model/types.js';

/**
 * How many of its last reads a racing thread keeps (a real run in its ring in shared memory, the
 * simulator in an array): what the collision finder looks at, and no more.
 */
export const READ_LOG = 256;

/** A documented way to make a worker fail, for tests and demos (see README, THREADLAB_FAIL). */
export type Failure = 'throw' | 'exit';

export type Job =
	/** `gil`: the notebook's sleeper under a GIL: it holds the GIL to print and lets go of it while it sleeps. */
	| {kind: 'sleep'; ms: number; gil?: boolean; fail?: Failure}
	| {kind: 'count'; mode: CounterMode; increments: number; workMicros: number; fail?: Failure}
	/** Take lock `thread`, work, take lock `thread + 1` (mod `locks`), count, release both. */
	| {kind: 'locks'; order: LockOrder; locks: number; increments: number; workMicros: number; fail?: Failure}
	/** Run the CPU job's loop for `ms` on one core and write its rate into `calibration` (see engine/gil.ts). */
	| {kind: 'calibrate'; ms: number; calibration: SharedArrayBuffer; fail?: Failure}
	/**
	 * The CPU job: as many iterations of the loop as take `ms` on one core, by `calibration`.
	 * With `switchMs`, under a GIL: the thread computes only while it holds the global lock, and
	 * hands it to a waiting thread every `switchMs`, as CPython does.
	 */
	| {kind: 'cpu'; ms: number; calibration: SharedArrayBuffer; switchMs?: number; fail?: Failure};

export interface RunMessage {
	type: 'run';
	buffer: SharedArrayBuffer;
	dims: SharedDims;
	thread: number;
	job: Job;
}

export type WorkerReply = {type: 'ready'} | {type: 'finished'} | {type: 'failed'; message: string};
