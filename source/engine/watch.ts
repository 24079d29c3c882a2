/**
 * The screen's one clock, without polling. `onChange` is called when the runs may show
 * something new: soon after a worker publishes an event (a sleep, a wake, a print, a
 * failure: `SharedState.emit` notifies the event counter), and at every `frameMs` tick of
 * the clock (spinners, times, bars, a race's counters); never more than `fps` times a second.
 * Between those the main thread sleeps: nothing wakes it 30 times a second to find that
 * nothing moved.
 */
import {H, type SharedState} from './shared.js';

export interface Watched {
	readonly shared: SharedState;
}

export interface Clock {
	/** Something changed that no event announces (a run was added): a change as soon as `fps` allows. */
	poke(): void;
	stop(): void;
}

export interface Timing {
	fps: number;
	frameMs: number;
	/**
	 * Asked after each change: ms until the screen next changes by time alone (Infinity: not
	 * before an event). Without it, the next change is at the next `frameMs` tick.
	 */
	next?: () => number;
}

export function watchRuns(runs: () => Iterable<Watched>, {fps, frameMs, next}: Timing, onChange: () => void): Clock {
	const gap = 1000 / fps;
	// Below 5 fps the ticks slow down too: `fps` bounds every change.
	const tickMs = Math.max(frameMs, gap);
	let stopped = false;
	let pending: ReturnType<typeof setTimeout> | undefined;
	let dueAt = Number.POSITIVE_INFINITY;
	let last = Number.NEGATIVE_INFINITY;
	const waiting = new Set<SharedState>();
	/** A change in `delay` ms, unless one is already due sooner. */
	const schedule = (delay: number) => {
		const at = performance.now() + delay;
		if (pending !== undefined) {
			if (dueAt <= at) return;
			clearTimeout(pending);
		}
		dueAt = at;
		pending = setTimeout(change, delay);
	};
	const change = () => {
		if (stopped) return;
		if (pending !== undefined) clearTimeout(pending);
		pending = undefined;
		dueAt = Number.POSITIVE_INFINITY;
		last = performance.now();
		// Wait first, then look: an event published after this is waited for, not missed.
		const moved = arm();
		onChange();
		// Just after the next tick (a timer may fire a fraction of a millisecond early).
		const wait = moved ? gap : next ? Math.max(gap, next()) : tickMs - (last % tickMs);
		if (Number.isFinite(wait)) schedule(wait + 1);
	};
	/** An event: a change as soon as `fps` allows. */
	const soon = () => {
		if (!stopped) schedule(Math.max(0, last + gap - performance.now()));
	};
	/** One wait on each run's event counter; the wait on a run that is gone is released. True if a counter moved meanwhile. */
	const arm = (): boolean => {
		const current = new Set(Array.from(runs(), (run) => run.shared));
		for (const shared of waiting) if (!current.has(shared)) Atomics.notify(shared.i32, H.events);
		let moved = false;
		for (const shared of current) {
			if (waiting.has(shared)) continue;
			const wait = Atomics.waitAsync(shared.i32, H.events, Atomics.load(shared.i32, H.events));
			if (!wait.async) {
				moved = true;
				continue;
			}
			waiting.add(shared);
			void wait.value.then(() => {
				waiting.delete(shared);
				soon();
			});
		}
		return moved;
	};
	change();
	return {
		poke: soon,
		stop() {
			stopped = true;
			if (pending !== undefined) clearTimeout(pending);
			// Release this clock's waits; anyone else waiting on the counter looks again and waits on.
			for (const shared of waiting) Atomics.notify(shared.i32, H.events);
		},
	};
}
