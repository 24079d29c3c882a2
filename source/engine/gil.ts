/**
 * The gil scene's global interpreter lock (GIL): the project's Mutex over lock GIL_LOCK of the
 * run's locks region (a lane's program asks for one lock), held by one thread at a time and
 * handed over as CPython does; its bookkeeping (waiters, hand-overs) is in the header (H.gil…).
 * Bundled into the worker script: it imports only the layout, the mutex and the model's types.
 */
import type {GilLane, GilSample} from '../model/types.js';
import {Mutex} from './mutex.js';
import {Code, H, type SharedState, type StateCode} from './shared.js';

/** What a program of the gil scene is, besides its threads. */
export interface GilProgram {
	lane: GilLane;
	cpuMs: number;
	switchMs: number;
	cores: number;
	simulated: boolean;
	/** Float64 [iterations per ms, ms measured]: written by the lane's calibration, read by its CPU jobs. */
	calibration: SharedArrayBuffer;
	/** Lane 4: the interpreter to run (`python3`). */
	python?: string;
}

/** The GIL's lock in the locks region: a lane's run has this one lock. */
export const GIL_LOCK = 0;
/** Locks of the locks region a gil lane's run needs. */
export const GIL_LOCKS = GIL_LOCK + 1;

/** The GIL's mutex: the one place that says which cells it lives in. */
export const gilMutex = (s: SharedState): Mutex => new Mutex(s.i32, s.lockCells(GIL_LOCK));

/** A thread that failed or died holding the GIL lets go of it, so that the others finish. */
export function abandonGil(s: SharedState, thread: number): void {
	if ((s.dims.locks ?? 0) < GIL_LOCKS) return;
	const mutex = gilMutex(s);
	if (mutex.holder !== thread) return;
	Atomics.store(s.i32, H.gilInside, 0);
	mutex.abandon(thread);
}

/** The GIL as the screen shows it, and the lane's calibration. */
export function readGil(gil: GilProgram, s: SharedState): GilSample {
	const [rate = 0, measured = 0] = new Float64Array(gil.calibration);
	const {lane, cpuMs, switchMs, cores, simulated} = gil;
	const holder = gilMutex(s).holder;
	const handovers = Atomics.load(s.i32, H.gilHandovers);
	return {lane, cpuMs, switchMs, cores, simulated, iterations: Math.round(rate * cpuMs), calibrationMs: measured, holder, handovers};
}

/** The longest a thread that let go of the GIL waits for another to take it. */
const HANDOVER_WAIT_MS = 50;

/**
 * One thread's side of the GIL. It computes only while it holds it; after a switch interval, if
 * another thread waits, it lets go and waits until that thread has it (CPython's FORCE_SWITCHING:
 * else the one that let go takes it straight back, before the woken waiter is even running).
 */
export class Gil {
	readonly #mutex: Mutex;
	#since = 0;

	constructor(
		readonly s: SharedState,
		readonly t: number,
		readonly switchMs = 0,
	) {
		this.#mutex = gilMutex(s);
	}

	take(): void {
		const {s, t} = this;
		const {i32} = s;
		const waited = this.#mutex.lock(t, () => {
			Atomics.add(i32, H.gilWaiters, 1);
			s.setState(t, Code.waiting);
		});
		if (waited) Atomics.sub(i32, H.gilWaiters, 1);
		if (Atomics.add(i32, H.gilInside, 1) !== 0) throw new Error('two threads hold the GIL');
		const last = Atomics.exchange(i32, H.gilLast, t + 1);
		if (last !== 0 && last !== t + 1) {
			Atomics.add(i32, H.gilHandovers, 1);
			Atomics.notify(i32, H.gilHandovers);
		}
		s.setState(t, Code.holding);
		this.#since = performance.now();
	}

	/** Let go, showing `next` first: two rows never both say they hold it. */
	release(next: StateCode): void {
		this.s.setState(this.t, next);
		Atomics.sub(this.s.i32, H.gilInside, 1);
		this.#mutex.unlock(this.t);
	}

	/** Between two chunks of work: CPython's eval breaker, once the switch interval is up and a thread waits. */
	tick(): void {
		const {i32} = this.s;
		if (performance.now() - this.#since < this.switchMs || Atomics.load(i32, H.gilWaiters) === 0) return;
		const before = Atomics.load(i32, H.gilHandovers);
		this.release(Code.waiting);
		const end = performance.now() + HANDOVER_WAIT_MS;
		for (let left = HANDOVER_WAIT_MS; left > 0 && Atomics.load(i32, H.gilHandovers) === before && !this.s.aborted; ) {
			Atomics.wait(i32, H.gilHandovers, before, left);
			left = end - performance.now();
		}
		this.take();
	}
}
