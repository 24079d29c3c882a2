/**
 * The gil scene's global interpreter lock (GIL): the project's Mutex over cells of its own in the
 * run's shared memory (H.gil…), held by one thread at a time and handed over as CPython does.
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

/** The GIL's mutex: the one place that says which cells it lives in. */
export const gilMutex = (i32: Int32Array): Mutex => new Mutex(i32, H.gil, H.gilHolder, H.gilContended);

/** A thread that failed or died holding the GIL lets go of it, so that the others finish. */
export function abandonGil(i32: Int32Array, thread: number): void {
	if (Atomics.load(i32, H.gilHolder) !== thread + 1) return;
	Atomics.store(i32, H.gilInside, 0);
	gilMutex(i32).abandon(thread);
}

/** The GIL as the screen shows it, and the lane's calibration. */
export function readGil(gil: GilProgram, i32: Int32Array): GilSample {
	const [rate = 0, measured = 0] = new Float64Array(gil.calibration);
	const {lane, cpuMs, switchMs, cores, simulated} = gil;
	const holder = Atomics.load(i32, H.gilHolder) - 1;
	const handovers = Atomics.load(i32, H.gilHandovers);
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
		this.#mutex = gilMutex(s.i32);
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
