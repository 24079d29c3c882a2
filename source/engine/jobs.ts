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
	| {kind: 'sleep'; ms: number; fail?: Failure}
	| {kind: 'count'; mode: CounterMode; increments: number; workMicros: number; fail?: Failure}
	/** Take lock `thread`, work, take lock `thread + 1` (mod `locks`), count, release both. */
	| {kind: 'locks'; order: LockOrder; locks: number; increments: number; workMicros: number; fail?: Failure};

export interface RunMessage {
	type: 'run';
	buffer: SharedArrayBuffer;
	dims: SharedDims;
	thread: number;
	job: Job;
}

export type WorkerReply = {type: 'ready'} | {type: 'finished'} | {type: 'failed'; message: string};
