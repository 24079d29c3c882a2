/**
 * Output without a terminal: the notebook's lines as threads print them and
 * one line per race mode (piped, CI), or one JSON object (`--json`). No Ink,
 * no escape codes.
 */
import {prepareRun} from '../engine/live.js';
import type {WorkerPool} from '../engine/pool.js';
import {type RunProgram, programLabel} from '../engine/run.js';
import {sceneStarted} from './record.js';
import {H} from '../engine/shared.js';
import {SimSession, advanceInSlices} from '../engine/sim/session.js';
import {cycleLine, deadlockOf, formedLine} from '../model/deadlock.js';
import {raceLine, raceResult} from '../model/race.js';
import {gilClosingLines, gilProgramLine} from '../model/gil.js';
import {summarize, toSnapshot} from '../model/snapshot.js';
import {logText} from '../model/wording.js';
import type {Sample} from '../model/types.js';
import {type View, lanesFor} from '../lessons/view.js';

export type Write = (line: string) => void;

/** Run one program, calling `onLine` with each log line the moment a thread publishes it. */
export async function streamRun(pool: WorkerPool, program: RunProgram, onLine?: Write): Promise<Sample> {
	const run = await prepareRun(pool, program);
	sceneStarted(programLabel(program));
	let printed = 0;
	const flush = () => {
		const sample = run.sample();
		for (; printed < sample.events.length; printed++) {
			const event = sample.events[printed]!;
			// A worker publishes its failure before its message reaches this thread: a printed
			// line is final, so hold it until the message is in (#settle wakes the loop below).
			if (event.kind === 'fail' && sample.threads[event.thread]?.error === undefined && !run.finished) break;
			onLine?.(logText(event, sample.threads));
		}
		return sample;
	};
	let done = false;
	const finished = run.run().finally(() => {
		done = true;
		Atomics.notify(run.shared.i32, H.events); // wake the loop below
	});
	while (!done) {
		const seen = Atomics.load(run.shared.i32, H.events);
		const sample = flush();
		// A deadlock never ends by itself: once the cycle is stable, report it and stop the threads.
		if (deadlockOf(sample)) {
			await run.abort();
			await finished;
			return {...sample, finished: true};
		}
		const wait = Atomics.waitAsync(run.shared.i32, H.events, seen, 250);
		if (wait.async) await wait.value;
	}
	await finished;
	return flush();
}

/** Run every lane of the view; race modes print their line as each one ends. Samples per lane. */
export async function runHeadless(pool: WorkerPool, view: View, onLine?: Write): Promise<Sample[][]> {
	return Promise.all(
		lanesFor(view).map(async (lane) => {
			const samples: Sample[] = [];
			for (const program of lane) {
				// The gil scene prints one line per lane, not its sleepers' lines.
				const sample = await streamRun(pool, program, program.gil ? undefined : onLine);
				const race = raceResult(sample);
				if (race) onLine?.(raceLine(race));
				const gil = gilProgramLine(toSnapshot(sample));
				if (gil) onLine?.(gil);
				for (const line of deadlockLines(sample)) onLine?.(line);
				samples.push(sample);
			}
			return samples;
		}),
	);
}

/** A deadlock run's closing lines: the cycle and when it formed, or the exact count. */
export function deadlockLines(sample: Sample): string[] {
	const d = sample.deadlock;
	if (!d) return [];
	const cycle = deadlockOf(sample);
	const names = sample.threads.map((t) => t.name);
	if (cycle) return [`deadlock (${d.order}): ${cycleLine(cycle, names)}`, `deadlock (${d.order}): ${formedLine(cycle)}`];
	return [`finished (${d.order}): count ${d.counter} of ${d.expected}${d.counter === d.expected ? ', exact' : ''}`];
}

/**
 * The summary line of a thread scene, the lesson of the gil scene; none for a race or a
 * deadlock (their lines are already out).
 */
export function closingLines(samples: readonly Sample[]): string[] {
	const gil = samples.filter((sample) => sample.gil);
	return [
		...samples.filter((sample) => !sample.race && !sample.deadlock && !sample.gil).map((sample) => summarize(sample).line),
		...(gil.length > 0 ? gilClosingLines(gil.map(toSnapshot)) : []),
	];
}

export function failedThreads(samples: readonly Sample[]): number {
	return samples.reduce((sum, sample) => sum + sample.threads.filter((t) => t.state === 'failed').length, 0);
}

/** A simulated run, start to end, at once: its lines are the same bytes for the same seed. */
export async function simulateHeadless(view: View, seed: number, onLine?: Write): Promise<Sample[][]> {
	const session = new SimSession(lanesFor(view), seed, {toTheEnd: true});
	await advanceInSlices(session, Number.MAX_SAFE_INTEGER);
	const lanes = session.samples();
	for (const sample of lanes.flat()) {
		if (!sample.gil) for (const event of sample.events) onLine?.(logText(event, sample.threads));
		const race = raceResult(sample);
		if (race) onLine?.(raceLine(race));
		const gil = gilProgramLine(toSnapshot(sample));
		if (gil) onLine?.(gil);
		for (const line of deadlockLines(sample)) onLine?.(line);
	}
	return lanes;
}
