import {useCallback, useEffect, useRef, useState} from 'react';
import type {RunProgram} from '../../engine/run.js';
import {SLICE_STEPS, SimSession} from '../../engine/sim/session.js';
import {type Snapshot, toSnapshots} from '../../model/snapshot.js';
import {useFrames} from './use-frames.js';
import type {BarSteps} from '../redraw.js';

const LIVE = {maxSteps: Number.POSITIVE_INFINITY};
/** No thread table says how many steps its bars show: key progress by the percent. */
const NO_BARS: BarSteps = {steps: 0};
const snapshotsOf = (s: SimSession) => toSnapshots(s.samples());

export interface Sim {
	snapshots: Snapshot[][];
	paused: boolean;
	togglePause(): void;
	/** One step of the seeded scheduler (pauses the clock). */
	step(): void;
}

/**
 * Runs `lanes` simulated, on a virtual clock that follows the wall clock while
 * not paused, `speed` times as fast (a race runs slower, so that nobody misses
 * its unsafe run). Nothing drawn reads the wall clock: the wall only says how
 * far to advance the virtual one. A new `lanes` or `runKey` starts over.
 */
export function useSim(
	lanes: readonly RunProgram[][],
	seed: number,
	fps: number,
	frameMs: number,
	runKey: number,
	startPaused = false,
	speed = 1,
	bars: BarSteps = NO_BARS,
): Sim {
	// The screen follows the wall clock: no step limit, but at most a slice of steps per tick.
	const session = useRef<SimSession>(new SimSession(lanes, seed, LIVE));
	const frames = useFrames(() => snapshotsOf(session.current), frameMs, bars);
	const [paused, setPaused] = useState(startPaused);
	const {publish: show, reset} = frames;
	const publish = useCallback(() => show(snapshotsOf(session.current)), [show]);

	// biome-ignore lint/correctness/useExhaustiveDependencies: a new runKey (r) starts over with the same lanes.
	useEffect(() => {
		session.current = new SimSession(lanes, seed, LIVE);
		reset();
		publish();
	}, [lanes, seed, runKey, publish, reset]);

	// biome-ignore lint/correctness/useExhaustiveDependencies: a new session (lanes, seed, runKey) needs a new timer.
	useEffect(() => {
		if (paused) return;
		let last = performance.now();
		const timer = setInterval(() => {
			const now = performance.now();
			const s = session.current;
			s.advanceTo(s.time + (now - last) * speed, SLICE_STEPS);
			last = now;
			publish();
			if (s.finished) clearInterval(timer);
		}, 1000 / fps);
		return () => clearInterval(timer);
	}, [paused, fps, lanes, seed, runKey, publish, speed]);

	const step = useCallback(() => {
		setPaused(true);
		session.current.step();
		publish();
	}, [publish]);
	const togglePause = useCallback(() => setPaused((p) => !p), []);
	return {snapshots: frames.snapshots, paused, togglePause, step};
}
