/**
 * When the screen next changes by time alone. A sleeping thread's bar is its elapsed time
 * over its sleep, drawn to the nearest step (an eighth of a cell): it next changes when the
 * elapsed time crosses half a step. The spinners and the clocks change at every `frameMs`
 * tick while anything runs. The screen redraws at the soonest of those, never more than
 * `fps` times a second, and not at all once every run finished (events, such as a wake,
 * redraw by themselves). Pure: the hooks ask it after each redraw.
 */
import {createContext, useContext} from 'react';
import type {Snapshot, ThreadRowModel} from '../model/snapshot.js';

export interface Cadence {
	fps: number;
	/** The spinner's and the clocks' tick, ms. */
	frameMs: number;
	/** Steps of the thread table's bars (cells × steps per cell); 0 with no bar drawn. */
	barSteps: number;
}

/** A row whose bar moves with the clock alone: a sleep (or a timed run) under way; a race's bars move by its events. */
export function timedRow(snapshot: Snapshot, row: ThreadRowModel): boolean {
	return (
		!snapshot.finished &&
		snapshot.race === null &&
		snapshot.deadlock === undefined &&
		row.targetMs > 0 &&
		row.elapsedMs < row.targetMs &&
		(row.state === 'sleeping' || row.state === 'running')
	);
}

/** ms until a bar of `barSteps` steps, at `elapsedMs` of `targetMs`, shows its next step (it rounds to the nearest). */
export function nextStepMs(elapsedMs: number, targetMs: number, barSteps: number): number {
	const step = Math.round((elapsedMs / targetMs) * barSteps);
	return ((step + 0.5) * targetMs) / barSteps - elapsedMs;
}

/** ms from the snapshots' moment to the next redraw time alone brings; at least 1000/fps; Infinity when nothing moves. */
export function nextRedrawMs(lanes: readonly (readonly Snapshot[])[], {fps, frameMs, barSteps}: Cadence): number {
	let soonest = Number.POSITIVE_INFINITY;
	for (const lane of lanes) {
		for (const snapshot of lane) {
			if (snapshot.finished) continue;
			soonest = Math.min(soonest, frameMs - (snapshot.clockMs % frameMs));
			if (barSteps <= 0) continue;
			for (const row of snapshot.threads)
				if (timedRow(snapshot, row)) soonest = Math.min(soonest, nextStepMs(row.elapsedMs, row.targetMs, barSteps));
		}
	}
	return Math.max(1000 / fps, soonest);
}

/**
 * How many steps the thread table's bars show: the table writes it as it draws, the source
 * reads it to know when a bar moves (a mutable box, so writing it redraws nothing).
 */
export interface BarSteps {
	steps: number;
}
export const BarStepsContext = createContext<BarSteps | null>(null);
/** The box to write the bars' steps into; null where no source listens (a rendered frame). */
export const useBarSteps = (): BarSteps | null => useContext(BarStepsContext);
