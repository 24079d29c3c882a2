/**
 * The screen's clock (engine/watch.ts) on real worker threads: it wakes when a worker
 * publishes an event, not on a poll, and otherwise only at the screen's ticks.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {WorkerPool} from '../../source/engine/pool.js';
import {RealRun} from '../../source/engine/run.js';
import {watchRuns} from '../../source/engine/watch.js';
import {SCENES} from '../../source/lessons/index.js';

const pool = new WorkerPool();
afterAll(async () => pool.terminate());

/** How many changes the clock gives in one second while two threads sleep 5 s. */
async function changesInASecond(timing: {fps: number; frameMs: number; next?: () => number}): Promise<number> {
	const run = await RealRun.prepare(pool, SCENES.sleepers.program({threads: 2, sleep: 5}));
	let changes = 0;
	const clock = watchRuns(
		() => [run],
		timing,
		() => changes++,
	);
	void run.run();
	await new Promise((resolve) => setTimeout(resolve, 1000));
	clock.stop();
	await run.abort();
	return changes;
}

describe('watchRuns', () => {
	it('sees a wake at once, long before the next tick; between events only the ticks', async () => {
		// One thread sleeps 300 ms; the ticks are 2 s apart, so only its events can explain a change in between.
		const run = await RealRun.prepare(pool, SCENES.start.program({threads: 1, sleep: 0.3}));
		const changes: Array<{at: number; events: number}> = [];
		const started = performance.now();
		const clock = watchRuns(
			() => [run],
			{fps: 30, frameMs: 2000},
			() => {
				changes.push({at: performance.now() - started, events: run.sample().events.length});
			},
		);
		const ran = run.run();
		clock.poke();
		const sample = await ran;
		await new Promise((resolve) => setTimeout(resolve, 100));
		clock.stop();
		const wake = sample.events.find((event) => event.kind === 'wake')!;
		const sawWake = changes.find((change) => change.events >= sample.events.indexOf(wake) + 1);
		expect(sawWake).toBeDefined();
		// Seen within a few frames at 30 fps of the wake (a loaded machine is slow), not at the 2 s tick.
		expect(sawWake!.at).toBeLessThan(wake.atMs + 400);
		// A handful of changes (start, events, end), nowhere near 30 a second for 400 ms.
		expect(changes.length).toBeGreaterThanOrEqual(2);
		expect(changes.length).toBeLessThan(8);
	});

	it('with nothing happening, one change per tick', async () => {
		const changes = await changesInASecond({fps: 30, frameMs: 100});
		// 10 ticks in a second, and the two threads' sleep events at the start.
		expect(changes).toBeGreaterThanOrEqual(8);
		expect(changes).toBeLessThanOrEqual(15);
	});

	it('fps bounds the ticks too: at 2 fps, about two changes a second', async () => {
		const changes = await changesInASecond({fps: 2, frameMs: 100});
		expect(changes).toBeGreaterThanOrEqual(2);
		expect(changes).toBeLessThanOrEqual(4);
	});

	it('with `next`, the caller says when time next changes the screen: every 100 ms, or never (events only)', async () => {
		const every100 = await changesInASecond({fps: 30, frameMs: 10_000, next: () => 100});
		expect(every100).toBeGreaterThanOrEqual(7);
		expect(every100).toBeLessThanOrEqual(13);
		// Nothing moves by time: the start and the sleep events, then no change for the rest of the second.
		const never = await changesInASecond({fps: 30, frameMs: 100, next: () => Number.POSITIVE_INFINITY});
		expect(never).toBeGreaterThanOrEqual(1);
		expect(never).toBeLessThanOrEqual(4);
	});

	it('`next` never brings changes closer than 1000 / fps', async () => {
		const changes = await changesInASecond({fps: 5, frameMs: 10_000, next: () => 1});
		expect(changes).toBeGreaterThanOrEqual(3);
		expect(changes).toBeLessThanOrEqual(7);
	});
});
