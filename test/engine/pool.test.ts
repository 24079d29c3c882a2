/** WorkerPool on real worker threads (dist/worker.cjs, built by `npm test`). */
import type {Worker} from 'node:worker_threads';
import {afterEach, describe, expect, it} from 'vitest';
import type {Job, RunMessage} from '../../source/engine/jobs.js';
import {WorkerPool} from '../../source/engine/pool.js';
import {SharedState, T} from '../../source/engine/shared.js';

/** A one-thread job whose `go` is already set, so the worker runs it as soon as it gets it. */
function message(job: Job): RunMessage {
	const shared = SharedState.create({threads: 1, events: 8, readLog: 0});
	shared.i32[shared.cell(0, T.go)] = 1;
	return {type: 'run', buffer: shared.buffer, dims: shared.dims, thread: 0, job};
}

const nap: Job = {kind: 'sleep', ms: 1};
let pool: WorkerPool;
afterEach(async () => pool.terminate());

describe('WorkerPool', () => {
	it('warm(n) readies n workers; acquire(n) then hands out n of them without spawning more', async () => {
		pool = new WorkerPool();
		await pool.warm(3);
		expect(pool.size).toBe(3);
		const workers = await pool.acquire(3);
		expect(new Set(workers).size).toBe(3);
		expect(pool.size).toBe(3);
		const outcomes = await Promise.all(workers.map(async (worker) => pool.run(worker, message(nap))));
		expect(outcomes).toEqual([{ok: true}, {ok: true}, {ok: true}]);
	});

	it('a worker that ran a job goes back to the pool and is used again', async () => {
		pool = new WorkerPool();
		const [worker] = await pool.acquire(1);
		expect(await pool.run(worker!, message(nap))).toEqual({ok: true});
		// A job that failed by throwing still leaves a live worker.
		const [again] = await pool.acquire(1);
		expect(again).toBe(worker);
		expect(await pool.run(again!, message({...nap, fail: 'throw'}))).toEqual({ok: false, message: 'injected failure'});
		expect((await pool.acquire(1))[0]).toBe(worker);
		expect(pool.size).toBe(1);
	});

	it('a worker that exits is dropped, and a new one is spawned when one is asked for', async () => {
		pool = new WorkerPool();
		const [worker] = await pool.acquire(1);
		expect(await pool.run(worker!, message({kind: 'sleep', ms: 2, fail: 'exit'}))).toEqual({
			ok: false,
			message: 'worker exited with code 3',
		});
		expect(pool.size).toBe(0);
		const [fresh] = await pool.acquire(1);
		expect(fresh).not.toBe(worker);
		expect(pool.size).toBe(1);
		expect(await pool.run(fresh!, message(nap))).toEqual({ok: true});
	});

	it('terminate() ends every worker, idle or busy, and the pool refuses work afterwards', async () => {
		pool = new WorkerPool();
		await pool.warm(2);
		const [busy] = await pool.acquire(1);
		const exits = [busy!, ...(await pool.acquire(1))].map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
		const running = pool.run(busy!, message({kind: 'sleep', ms: 60_000}));
		await pool.terminate();
		await Promise.all(exits);
		expect(pool.size).toBe(0);
		expect(await running).toMatchObject({ok: false});
		await expect(pool.acquire(1)).rejects.toThrow('the worker pool is closed');
	});

	it('serves concurrent acquires one after another, each with workers of its own', async () => {
		pool = new WorkerPool();
		// Unserialised, the third caller (one worker) would be served from the workers spawned for the
		// first two before the second (three) had all of its own: the order would be 1, 3, 2.
		const served: number[] = [];
		const take = (id: number, n: number) =>
			pool.acquire(n).then((workers) => {
				served.push(id);
				return workers;
			});
		const [first, second, third] = await Promise.all([take(1, 2), take(2, 3), take(3, 1)]);
		expect(served).toEqual([1, 2, 3]);
		const all = [...first, ...second, ...third];
		expect([first.length, second.length, third.length]).toEqual([2, 3, 1]);
		expect(new Set<Worker>(all).size).toBe(6);
		expect(pool.size).toBe(6);
	});
});
