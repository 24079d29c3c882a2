/**
 * The wait-for graph of a deadlock run, from one sample: thread t → the holder of the lock t
 * waits for. Each thread waits for at most one lock, so each node has at most one edge and a
 * walk from any node either ends or comes back round: that loop is the deadlock.
 */
import {fixed} from './format.js';
import {lockName} from './wording.js';
import type {DeadlockSample, Sample} from './types.js';

/**
 * A cycle seen for this long is a deadlock, not a taker about to get its lock: a contended
 * wait in this scene lasts about one `--work` (≤ 100 ms), a deadlock lasts forever.
 */
export const STABLE_MS = 120;

export interface WaitCycle {
	/** Thread indexes in the cycle, from the lowest, each waiting for the next's lock. */
	threads: number[];
	/** Per thread of `threads`: the lock it waits for. */
	waitsFor: number[];
	/** When the last of its waits began, ms since the scene started. */
	formedMs: number;
}

export {lockName} from './wording.js';

export function findCycle(d: DeadlockSample): WaitCycle | null {
	const next = (t: number): number => {
		const lock = d.waits[t] ?? -1;
		const holder = lock < 0 ? -1 : (d.holders[lock] ?? -1);
		return holder === t ? -1 : holder;
	};
	for (let start = 0; start < d.waits.length; start++) {
		const path: number[] = [];
		for (let t = start; t >= 0 && path.length <= d.waits.length; t = next(t)) {
			const at = path.indexOf(t);
			if (at >= 0) {
				const loop = path.slice(at);
				const low = loop.indexOf(Math.min(...loop));
				const threads = [...loop.slice(low), ...loop.slice(0, low)];
				const formedMs = Math.max(...threads.map((u) => d.waitMs[u] ?? 0));
				return {threads, waitsFor: threads.map((u) => d.waits[u]!), formedMs};
			}
			path.push(t);
		}
	}
	return null;
}

/** The cycle once it has lasted STABLE_MS (or the run ended in it): nobody in it can move. */
export function deadlockOf(sample: Sample): WaitCycle | null {
	if (!sample.deadlock) return null;
	const cycle = findCycle(sample.deadlock);
	if (!cycle) return null;
	return sample.finished || sample.clockMs - cycle.formedMs >= STABLE_MS ? cycle : null;
}

/** `thread_0 holds A, waits for B → thread_1 holds B, waits for A → thread_0`. */
export function cycleLine(cycle: WaitCycle, names: readonly string[]): string {
	const n = cycle.threads.length;
	const hops = cycle.threads.map((t, i) => {
		const holds = cycle.waitsFor[(i + n - 1) % n]!;
		return `${names[t]} holds ${lockName(holds)}, waits for ${lockName(cycle.waitsFor[i]!)}`;
	});
	return `${hops.join(' → ')} → ${names[cycle.threads[0]!]}`;
}

/** When it formed, for the line under the cycle. */
export const formedLine = (cycle: WaitCycle): string => `formed at ${fixed(cycle.formedMs, 3)} s: no thread can move`;

/** A waiting row's text: `waiting for B (held by thread_1)`. */
export function waitingText(d: DeadlockSample, thread: number, names: readonly string[]): string | null {
	const lock = d.waits[thread] ?? -1;
	if (lock < 0) return null;
	const holder = d.holders[lock] ?? -1;
	return `waiting for ${lockName(lock)}${holder >= 0 && holder !== thread ? ` (held by ${names[holder]})` : ''}`;
}

/** What the screen shows of a deadlock run: a note per thread row, and the cycle once it is stable. */
export interface DeadlockModel {
	order: DeadlockSample['order'];
	expected: number;
	counter: number;
	/** Per thread: `waiting for B (held by thread_1)`, `holds A`, or '' (neither). */
	notes: string[];
	/** The stable cycle: `deadlock: no thread can move`. */
	cycle: WaitCycle | null;
	/** The cycle as hops, `thread_0 holds A, waits for B`, each followed by ` → `; the last is `thread_0`. */
	hops: string[];
}

export function deadlockModel(sample: Sample): DeadlockModel | null {
	const d = sample.deadlock;
	if (!d) return null;
	const names = sample.threads.map((t) => t.name);
	const notes = names.map((_, t) => {
		const waiting = waitingText(d, t, names);
		if (waiting) return waiting;
		const held = d.holders.flatMap((holder, k) => (holder === t ? [lockName(k)] : []));
		return held.length > 0 ? `holds ${held.join(', ')}` : '';
	});
	const cycle = deadlockOf(sample);
	const hops = cycle ? cycleLine(cycle, names).split(' → ') : [];
	return {order: d.order, expected: d.expected, counter: d.counter, notes, cycle, hops};
}

/** A deadlock run before it starts: nobody holds or waits for anything yet. */
export function idleDeadlockSample(order: DeadlockSample['order'], threads: number, increments: number, workMicros: number): Sample {
	const none = Array.from({length: threads}, () => -1);
	return {
		scene: 'deadlock',
		clockMs: 0,
		main: 'starting',
		threads: none.map((_, i) => ({
			name: `thread_${i}`,
			state: 'new',
			sleepSeconds: 0,
			startMs: null,
			wakeMs: null,
			endMs: null,
			progress: 0,
			local: 0,
		})),
		events: [],
		finished: false,
		deadlock: {
			order,
			increments,
			workMicros,
			expected: increments * threads,
			counter: 0,
			holders: none,
			waits: none,
			waitMs: none.map(() => null),
		},
	};
}
