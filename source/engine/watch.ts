/**
 * The screen's one clock, without polling. `onChange` is called when the runs may show
 * something new: soon after a worker publishes an event (a sleep, a wake, a print, a
 * failure: `SharedState.emit` notifies the event counter), at most `fps` times a second,
 * and at every `frameMs` tick of the clock (spinners, times, bars, a race's counters).
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

export function watchRuns(runs: () => Iterable<Watched>, {fps, frameMs}: {fps: number; frameMs: number}, onChange: () => void): Clock {
	let stopped = false;
	let pending: ReturnType<typeof setTimeout> | undefined;
	let last = 0;
	const waiting = new Set<SharedState>();
	const change = () => {
		if (stopped) return;
		if (pending !== undefined) clearTimeout(pending);
		pending = undefined;
		last = performance.now();
		onChange();
		watch();
		// Just after the next tick (a timer may fire a fraction of a millisecond early).
		pending = setTimeout(change, frameMs - (last % frameMs) + 1);
	};
	/** An event: a change now, or as soon as `fps` allows. */
	const soon = () => {
		if (stopped) return;
		const wait = last + 1000 / fps - performance.now();
		if (wait <= 0) change();
		else if (pending === undefined || wait < frameMs - (performance.now() % frameMs)) {
			if (pending !== undefined) clearTimeout(pending);
			pending = setTimeout(change, wait);
		}
	};
	/** One wait on each run's event counter; the wait on a run that is gone is released. */
	const watch = () => {
		const current = new Set([...runs()].map((run) => run.shared));
		for (const shared of waiting) if (!current.has(shared)) Atomics.notify(shared.i32, H.events);
		for (const shared of current) {
			if (waiting.has(shared)) continue;
			const seen = Atomics.load(shared.i32, H.events);
			const wait = Atomics.waitAsync(shared.i32, H.events, seen);
			if (!wait.async) {
				soon();
				continue;
			}
			waiting.add(shared);
			void wait.value.then(() => {
				waiting.delete(shared);
				soon();
			});
		}
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
