/**
 * Output without a terminal: the notebook's lines as they happen, then the
 * summary (piped, CI), or one JSON object (`--json`). No Ink, no escape codes.
 */
import type {WorkerPool} from './engine/pool.js';
import {RealRun} from './engine/run.js';
import {H} from './engine/shared.js';
import {logText, toSnapshot} from './model/snapshot.js';
import type {Sample} from './model/types.js';
import type {Scene, SceneOptions} from './scenes/index.js';

export type Write = (line: string) => void;

/** Run the scene, calling `onLine` with each log line the moment a thread publishes it. */
export async function runHeadless(pool: WorkerPool, scene: Scene, options: SceneOptions, onLine?: Write): Promise<Sample> {
	const run = await RealRun.prepare(pool, scene.program(options));
	let printed = 0;
	const flush = () => {
		const sample = run.sample();
		for (; printed < sample.events.length; printed++) onLine?.(logText(sample.events[printed]!, sample.threads));
		return sample;
	};
	const finished = run.run();
	let done = false;
	void finished.finally(() => {
		done = true;
		Atomics.notify(run.shared.i32, H.events); // wake the loop below
	});
	while (!done) {
		const seen = Atomics.load(run.shared.i32, H.events);
		flush();
		const wait = Atomics.waitAsync(run.shared.i32, H.events, seen, 250);
		if (wait.async) await wait.value;
	}
	await finished;
	return flush();
}

export interface JsonResult {
	scene: string;
	threads: Array<{name: string; sleepSeconds: number; startMs: number | null; wakeMs: number | null; state: string; error?: string}>;
	elapsedMs: number;
	sequentialMs: number;
	speedup: number;
}

export function jsonResult(sample: Sample): JsonResult {
	const summary = toSnapshot(sample).summary!;
	const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 1000) / 1000);
	return {
		scene: sample.scene,
		threads: sample.threads.map((t) => ({
			name: t.name,
			sleepSeconds: t.sleepSeconds,
			startMs: round(t.startMs),
			wakeMs: round(t.wakeMs),
			state: t.state,
			...(t.error === undefined ? {} : {error: t.error}),
		})),
		elapsedMs: round(summary.elapsedMs)!,
		sequentialMs: summary.sequentialMs,
		speedup: Math.round(summary.speedup * 1000) / 1000,
	};
}
