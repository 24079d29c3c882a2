import {useEffect, useRef} from 'react';
import {useFrames} from './use-frames.js';
import type {WorkerPool} from '../../engine/pool.js';
import {type LiveRun, prepareRun} from '../../engine/live.js';
import {type RunProgram, programLabel} from '../../engine/run.js';
import {watchRuns} from '../../engine/watch.js';
import {idleSample} from '../../model/idle.js';
import {type Snapshot, toSnapshot} from '../../model/snapshot.js';
import {useMarker} from '../markers.js';
import {type BarSteps, nextRedrawMs} from '../redraw.js';

const idle = (lanes: readonly RunProgram[][]) =>
	lanes.map((lane) => lane.map((program) => toSnapshot(idleSample(program.scene, program.threads, program.race, program.gil))));

/**
 * Runs `lanes` on real workers: lanes side by side, the programs of a lane one
 * after another. One clock (engine/watch.ts) wakes on the workers' events and when
 * time alone moves something (a bar's next eighth, a spinner, a clock: ui/redraw.ts),
 * never more than `fps` times a second; the snapshots only change (so Ink only
 * re-renders or patches: use-frames.ts) when something visible moved. `bars` says how many
 * steps the bars show.
 * A new `lanes` or `runKey` aborts what runs and starts again (`r`).
 */
export function useRuns(
	pool: WorkerPool,
	lanes: readonly RunProgram[][],
	fps: number,
	frameMs: number,
	runKey: number,
	onError: (error: unknown) => void,
	bars: BarSteps,
): Snapshot[][] {
	const frames = useFrames(() => idle(lanes), frameMs, bars);
	const previous = useRef<Promise<unknown>>(Promise.resolve());
	const mark = useMarker();
	const {publish: show, reset} = frames;
	// biome-ignore lint/correctness/useExhaustiveDependencies: a new runKey (r) runs the same lanes again.
	useEffect(() => {
		let cancelled = false;
		const current = idle(lanes);
		const live = new Map<LiveRun, [number, number]>();
		reset();
		const publish = () => {
			for (const [run, [lane, index]] of live) current[lane]![index] = toSnapshot(run.sample());
			show(current);
		};
		const next = () => nextRedrawMs(current, {fps, frameMs, barSteps: bars.steps});
		const clock = watchRuns(() => live.keys(), {fps, frameMs, next}, publish);
		const runLane = async (programs: readonly RunProgram[], lane: number) => {
			for (const [index, program] of programs.entries()) {
				if (cancelled) return;
				const run = await prepareRun(pool, program);
				live.set(run, [lane, index]);
				if (cancelled) return run.abort();
				mark(programLabel(program));
				const ran = run.run();
				clock.poke();
				await ran;
				publish();
				live.delete(run);
			}
		};
		// A rerun starts only once the previous run's workers are back in the pool.
		const all = previous.current.then(async () => Promise.all(lanes.map(runLane)));
		all.then(() => clock.stop(), onError);
		return () => {
			cancelled = true;
			clock.stop();
			for (const run of live.keys()) void run.abort();
			previous.current = all.catch(() => undefined);
		};
	}, [pool, lanes, fps, frameMs, runKey, onError, mark, bars, show, reset]);
	return frames.snapshots;
}
