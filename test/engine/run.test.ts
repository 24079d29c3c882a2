import {afterAll, describe, expect, it} from 'vitest';
import {WorkerPool} from '../../source/engine/pool.js';
import {RealRun} from '../../source/engine/run.js';
import {SCENES} from '../../source/lessons/index.js';
import type {Sample} from '../../source/model/types.js';

const pool = new WorkerPool();
afterAll(async () => pool.terminate());

async function runScene(name: keyof typeof SCENES, threads: number, sleep: number): Promise<Sample> {
	const run = await RealRun.prepare(pool, SCENES[name].program({threads, sleep}));
	return run.run();
}

/** "wake" events and the main thread's prints, in the order they were published. */
function order(sample: Sample): string[] {
	return sample.events.map((e) => (e.kind === 'print' ? `print ${e.text}` : `${e.kind} ${sample.threads[e.thread]?.name}`));
}

describe('real worker threads', () => {
	it('five 300 ms sleepers finish well under 5 × 300 ms, each really sleeping 300 ms', async () => {
		const sample = await runScene('sleepers', 5, 0.3);
		expect(sample.clockMs).toBeGreaterThanOrEqual(300);
		expect(sample.clockMs).toBeLessThan(1000);
		for (const thread of sample.threads) {
			expect(thread.state).toBe('done');
			expect(thread.wakeMs! - thread.startMs!).toBeGreaterThanOrEqual(299);
		}
		expect(order(sample).filter((line) => line.startsWith('sleep'))).toHaveLength(5);
	});

	it('sequential takes at least 5 × 300 ms: each thread starts after the previous one woke', async () => {
		const sample = await runScene('sequential', 5, 0.3);
		expect(sample.clockMs).toBeGreaterThanOrEqual(1500);
		for (let i = 1; i < 5; i++) {
			expect(sample.threads[i]!.startMs!).toBeGreaterThanOrEqual(sample.threads[i - 1]!.wakeMs!);
		}
	});

	it('hello: the main thread prints before the wake', async () => {
		const lines = order(await runScene('hello', 1, 0.2));
		expect(lines.indexOf('print hello')).toBeGreaterThanOrEqual(0);
		expect(lines.indexOf('print hello')).toBeLessThan(lines.indexOf('wake thread2'));
	});

	it('join: the main thread prints after the wake', async () => {
		const sample = await runScene('join', 1, 0.2);
		const lines = order(sample);
		expect(lines).toEqual(['sleep thread3', 'wake thread3', 'print hello']);
		const hello = sample.events.find((e) => e.kind === 'print')!;
		expect(hello.atMs).toBeGreaterThanOrEqual(sample.threads[0]!.wakeMs!);
	});

	it('start returns at once: the main thread is done while thread1 still sleeps', async () => {
		const run = await RealRun.prepare(pool, SCENES.start.program({threads: 1, sleep: 0.3}));
		const finished = run.run();
		await new Promise((resolve) => setTimeout(resolve, 100));
		const sample = run.sample();
		expect(sample.main).toBe('done');
		expect(sample.threads[0]!.state).toBe('sleeping');
		expect(sample.finished).toBe(false);
		expect((await finished).threads[0]!.state).toBe('done');
	});

	it('reuses warmed workers across runs', async () => {
		await pool.warm(5);
		const before = pool.size;
		await runScene('sleepers', 5, 0.01);
		expect(pool.size).toBe(before);
	});

	it('abort wakes sleeping threads early', async () => {
		const run = await RealRun.prepare(pool, SCENES.sleepers.program({threads: 3, sleep: 30}));
		const finished = run.run();
		await new Promise((resolve) => setTimeout(resolve, 50));
		const t0 = performance.now();
		await run.abort();
		await finished;
		expect(performance.now() - t0).toBeLessThan(1000);
	});
});
