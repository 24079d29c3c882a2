/**
 * The deadlock scene's thread, run by the worker: take one lock, work, take the next, count,
 * release both. It publishes what it holds and what it waits for in its own cells (T.holds,
 * T.waits, F.waitAt), so the screen can draw who waits on whom without a message.
 * Bundled into the worker script.
 */
import type {Job} from './jobs.js';
import {Mutex} from './mutex.js';
import {Code, F, H, type SharedState, T, epochNow} from './shared.js';
import type {DeadlockSample, LockOrder} from '../model/types.js';

type LocksJob = Extract<Job, {kind: 'locks'}>;

/** The two locks thread `t` takes, in its order: its own and the next, or the lower-numbered first. */
export function lockPair(t: number, locks: number, order: LocksJob['order']): [number, number] {
	const own = t % locks;
	const next = (t + 1) % locks;
	return order === 'ordered' ? [Math.min(own, next), Math.max(own, next)] : [own, next];
}

export function lockPairThread(s: SharedState, t: number, job: LocksJob, onIteration: (i: number) => void): void {
	const {i32} = s;
	const locks = Array.from({length: job.locks}, (_, k) => new Mutex(i32, s.lockCells(k)));
	const holds = s.cell(t, T.holds);
	const waits = s.cell(t, T.waits);
	const stateCell = s.cell(t, T.state);
	const stopped = () => s.aborted;
	const take = (k: number): boolean => {
		const taken = locks[k]!.lockUnless(t, stopped, () => {
			s.setTime(t, F.waitAt, epochNow());
			Atomics.store(i32, waits, k + 1);
			Atomics.store(i32, stateCell, Code.waiting);
		});
		Atomics.store(i32, waits, 0);
		if (!taken) return false;
		Atomics.or(i32, holds, 1 << k);
		Atomics.store(i32, stateCell, Code.holding);
		return true;
	};
	const release = (k: number) => {
		Atomics.and(i32, holds, ~(1 << k));
		locks[k]!.unlock(t);
	};
	const [first, second] = lockPair(t, job.locks, job.order);
	s.setTime(t, F.startAt, epochNow());
	s.setState(t, Code.running);
	for (let i = 0; i < job.increments && !s.aborted; i++) {
		onIteration(i);
		if (!take(first)) break;
		if (job.workMicros > 0) Atomics.wait(i32, s.cell(t, T.sleep), 0, job.workMicros / 1000);
		if (!take(second)) {
			release(first);
			break;
		}
		// Threads that share no lock (t0 and t2 of four) count at once: the counter is atomic.
		Atomics.store(i32, s.cell(t, T.local), Atomics.add(i32, H.counter, 1));
		Atomics.store(i32, s.cell(t, T.progress), i + 1);
		release(second);
		release(first);
		Atomics.store(i32, stateCell, Code.running);
	}
}

/** A thread that failed or stopped holding locks must not take them with it. */
export function releaseLocks(s: SharedState, t: number): void {
	const held = Atomics.load(s.i32, s.cell(t, T.holds));
	for (let k = 0; k < (s.dims.locks ?? 0); k++) {
		if ((held & (1 << k)) === 0) continue;
		Atomics.and(s.i32, s.cell(t, T.holds), ~(1 << k));
		new Mutex(s.i32, s.lockCells(k)).abandon(t);
	}
}

/** The main thread's read of the locks and every thread's wait, for the model's wait-for graph. */
export function lockSample(
	shared: SharedState,
	{order, locks, increments, workMicros}: {order: LockOrder; locks: number; increments: number; workMicros: number},
	threads: number,
	origin: number,
): DeadlockSample {
	const waits = Array.from({length: threads}, (_, t) => Atomics.load(shared.i32, shared.cell(t, T.waits)) - 1);
	return {
		order,
		increments,
		workMicros,
		expected: increments * threads,
		counter: Atomics.load(shared.i32, H.counter),
		holders: Array.from({length: locks}, (_, k) => Atomics.load(shared.i32, shared.lockCells(k).holder) - 1),
		waits,
		waitMs: waits.map((lock, t) => (lock < 0 ? null : shared.time(t, F.waitAt) - origin)),
	};
}
