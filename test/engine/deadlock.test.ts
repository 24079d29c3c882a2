/** The deadlock scene on real worker threads (dist/worker.cjs): it deadlocks, it is found, it is left cleanly. */
import {afterAll, describe, expect, it} from 'vitest';
import {WorkerPool} from '../../source/engine/pool.js';
import {RealRun} from '../../source/engine/run.js';
import {DEADLOCK_DEFAULTS, SCENES, deadlockProgram} from '../../source/lessons/index.js';
import {findCycle} from '../../source/model/deadlock.js';
import {streamRun} from '../../source/output/lines.js';
import {deadlockJson} from '../../source/output/json.js';

const pool = new WorkerPool();
afterAll(async () => pool.terminate());

describe('deadlock on real threads', () => {
	it('opposite order, 2 threads: deadlocks in at least 19 of 20 default runs, the cycle exactly thread_0 and thread_1', async () => {
		const results = [];
		for (let i = 0; i < 20; i++) results.push(deadlockJson(await streamRun(pool, deadlockProgram('opposite', DEADLOCK_DEFAULTS))));
		const deadlocked = results.filter((r) => r.deadlocked);
		expect(deadlocked.length).toBeGreaterThanOrEqual(19);
		for (const r of deadlocked) {
			expect(r.cycle).toEqual(['thread_0', 'thread_1']);
			expect(r.actual).toBeLessThan(r.expected);
		}
		for (const r of results.filter((r) => !r.deadlocked)) expect(r.actual).toBe(r.expected);
	}, 60_000);

	it('ordered: the same work finishes exact in 20 of 20 runs', async () => {
		for (let i = 0; i < 20; i++) {
			const r = deadlockJson(await streamRun(pool, deadlockProgram('ordered', DEADLOCK_DEFAULTS)));
			expect(r).toMatchObject({deadlocked: false, expected: 1000, actual: 1000});
		}
	}, 60_000);

	it('a ring of 4 in opposite order deadlocks with all four in the cycle', async () => {
		const r = deadlockJson(await streamRun(pool, deadlockProgram('opposite', {...DEADLOCK_DEFAULTS, threads: 4})));
		// Four threads can also finish if one is always late; when they deadlock, all four are in it.
		if (r.deadlocked) expect(r.cycle).toEqual(['thread_0', 'thread_1', 'thread_2', 'thread_3']);
		else expect(r.actual).toBe(4000);
	}, 20_000);

	it('aborting a deadlocked run wakes every worker, leaves none running, and the pool runs the next scene', async () => {
		const run = await RealRun.prepare(pool, deadlockProgram('opposite', {threads: 2, increments: 1_000_000, workMicros: 200}));
		const finished = run.run();
		const deadline = Date.now() + 10_000;
		let cycle = null;
		while (!cycle && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			cycle = findCycle(run.sample().deadlock!);
		}
		expect(cycle?.threads).toEqual([0, 1]);
		// Still stuck a while later: nobody can move.
		await new Promise((resolve) => setTimeout(resolve, 300));
		const stuck = run.sample();
		expect(findCycle(stuck.deadlock!)?.threads).toEqual([0, 1]);
		expect(stuck.threads.map((t) => t.state)).toEqual(['waiting', 'waiting']);
		const started = performance.now();
		await run.abort();
		const end = await finished;
		expect(performance.now() - started).toBeLessThan(2000);
		expect(end.threads.map((t) => t.state)).toEqual(['done', 'done']);
		expect(end.deadlock!.holders).toEqual([-1, -1]);
		// Every worker is back in the pool: the next scene gets them and runs.
		const size = pool.size;
		const next = await (await RealRun.prepare(pool, SCENES.sleepers.program({threads: 2, sleep: 0.05}))).run();
		expect(next.threads.map((t) => t.state)).toEqual(['done', 'done']);
		expect(pool.size).toBe(size);
	}, 20_000);
});
