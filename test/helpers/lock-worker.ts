/**
 * A worker thread that takes locks over cells the test chooses: the source `Mutex` on real
 * threads (the pooled worker only knows the race's lock). Started by `startLockWorker`
 * (lock-threads.ts), which bundles this file so that the worker runs the code under test.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {type LockCells, Mutex} from '../../source/engine/mutex.js';

/** One lock and the plain (not atomic) counter it guards. */
export interface Guarded {
	cells: LockCells;
	counter: number;
}

export type LockTask =
	/** `rounds` times, for each lock in turn: lock, read the counter, write it + 1, unlock. */
	| {kind: 'count'; locks: Guarded[]; rounds: number}
	/** Unlock a lock this thread never took. */
	| {kind: 'unlock'; cells: LockCells};

export interface LockJob {
	buffer: SharedArrayBuffer;
	owner: number;
	task: LockTask;
}

/** `waited`: acquisitions that had to wait (what `lock` returned true for). */
export type LockReply = {ok: true; waited: number} | {ok: false; message: string};

function run({buffer, owner, task}: LockJob): LockReply {
	const i32 = new Int32Array(buffer);
	if (task.kind === 'unlock') {
		new Mutex(i32, task.cells).unlock(owner);
		return {ok: true, waited: 0};
	}
	const locks = task.locks.map(({cells, counter}) => ({mutex: new Mutex(i32, cells), counter}));
	let waited = 0;
	for (let round = 0; round < task.rounds; round++) {
		for (const {mutex, counter} of locks) {
			if (mutex.lock(owner)) waited++;
			const value = i32[counter]!; // a plain read and write: only the lock keeps the updates
			i32[counter] = value + 1;
			mutex.unlock(owner);
		}
	}
	return {ok: true, waited};
}

try {
	parentPort?.postMessage(run(workerData as LockJob));
} catch (error) {
	parentPort?.postMessage({ok: false, message: error instanceof Error ? error.message : String(error)});
}
