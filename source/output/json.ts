/**
 * `--json`: one object per finished view (README, "JSON output"; schema/threadlab.schema.json),
 * the same figures the screen and the piped lines show.
 */
import {deadlockOf} from '../model/deadlock.js';
import {gilResult} from '../model/gil.js';
import {type RaceResult, raceResult} from '../model/race.js';
import {summarize, toSnapshot} from '../model/snapshot.js';
import type {Sample} from '../model/types.js';
import type {View} from '../lessons/view.js';

const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 1000) / 1000);

/** A thread scene's `--json` object (README, "JSON output"; schema/threadlab.schema.json). */
export function sceneJson(sample: Sample) {
	const summary = summarize(sample);
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
		// What the main thread printed and when: hello's and join's point is this time against the wake.
		prints: sample.events.filter((event) => event.kind === 'print').map((event) => ({text: event.text ?? '', atMs: round(event.atMs)!})),
		elapsedMs: round(summary.elapsedMs)!,
		sequentialMs: round(summary.sequentialMs)!,
		concurrentMs: round(summary.concurrentMs)!,
		speedup: Math.round(summary.speedup * 1000) / 1000,
		comparison: summary.comparison && {...summary.comparison, baselineMs: round(summary.comparison.baselineMs)!},
		summary: summary.line,
	};
}

export function runJson(r: RaceResult) {
	return {
		mode: r.mode,
		threads: r.threads,
		increments: r.increments,
		workMicros: r.workMicros,
		expected: r.expected,
		actual: r.actual,
		lost: r.lost,
		elapsedMs: round(r.elapsedMs)!,
		opsPerSec: Math.round(r.opsPerSec),
		contended: r.contended,
		...(r.collision ? {collision: r.collision} : {}),
		...(r.failed > 0 ? {failed: r.failed} : {}),
	};
}

/** The gil scene's `--json`: every lane that ran, with its figures; the calibration; which Python ran, or why none did. */
export function gilJson(samples: readonly Sample[]) {
	const result = gilResult(samples.map(toSnapshot));
	const python = result.lanes.find((lane) => lane.lane === 'python')!;
	const build = python.snapshot?.gil?.python;
	return {
		scene: 'gil',
		cores: result.cores,
		switchMs: result.switchMs,
		cpuMs: result.cpuMs,
		simulated: result.simulated,
		calibration: result.simulated ? null : {iterations: result.iterations, measuredMs: round(result.calibrationMs)},
		lanes: result.lanes
			.filter((lane) => lane.status !== 'skipped')
			.map((lane) => ({
				name: lane.lane,
				label: lane.name,
				threads: lane.threads,
				elapsedMs: round(lane.elapsedMs),
				sequentialMs: lane.sequentialMs,
				speedup: Math.round(lane.speedup * 1000) / 1000,
				...(lane.handovers === undefined ? {} : {handovers: lane.handovers}),
			})),
		python: build ? {...build, ran: true} : {ran: false, why: python.note},
		summary: result.summary?.full ?? null,
		...(result.failed > 0 ? {failed: result.failed} : {}),
	};
}

/** The `--json` object of a finished view. */
export function jsonFor(view: View, lanes: readonly Sample[][]): object {
	const samples = lanes.flat();
	const runs = samples.flatMap((sample) => {
		const race = raceResult(sample);
		return race ? [runJson(race)] : [];
	});
	const scene = samples.find((sample) => !sample.race);
	switch (view.kind) {
		case 'scene':
			return sceneJson(scene!);
		case 'race':
			return {scene: 'race', runs};
		case 'dashboard':
			return {scene: 'dashboard', sleepers: sceneJson(scene!), runs};
		case 'deadlock': {
			const deadlocks = samples.map(deadlockJson);
			// One order: its fields at the top level; both: one run per order.
			return deadlocks.length === 1 ? {scene: 'deadlock', ...deadlocks[0]} : {scene: 'deadlock', runs: deadlocks};
		}
		case 'gil':
			return gilJson(samples);
	}
}

/** The JSON of a deadlock run: whether it deadlocked, who was in the cycle, the count. */
export function deadlockJson(sample: Sample) {
	const d = sample.deadlock!;
	const cycle = deadlockOf(sample);
	return {
		order: d.order,
		threads: sample.threads.length,
		increments: d.increments,
		workMicros: d.workMicros,
		deadlocked: cycle !== null,
		...(cycle ? {cycle: cycle.threads.map((t) => sample.threads[t]!.name), formedMs: round(cycle.formedMs)} : {}),
		expected: d.expected,
		actual: d.counter,
		elapsedMs: round(sample.clockMs)!,
	};
}
