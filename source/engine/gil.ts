/**
 * The gil scene's jobs, run by the pooled workers: the CPU job's loop, its calibration, and a
 * global interpreter lock (GIL) built on the project's Mutex over cells of its own (H.gil…).
 * Bundled into the worker script: it imports only the layout, the mutex and the model's types.
 */
import {readFileSync} from 'node:fs';
import {CPU_PROGRESS_UNITS, type GilLane, type GilSample} from '../model/types.js';
import type {Job} from './jobs.js';
import {Mutex} from './mutex.js';
import {Code, F, H, type SharedState, type StateCode, T, epochNow} from './shared.js';

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

/**
 * The CPU job: `count` iterations of the loop from `from`, folded into `total`. The Python lane
 * runs the same loop (`total += i * i % 7`), here in 32-bit integers that V8 compiles to a few
 * instructions: 1.7 ns an iteration here. (A signed `Math.imul(i, i) % 7` may be -0, which
 * kept V8 in floating point: 13.6 ns.)
 */
export function spin(from: number, count: number, total: number): number {
	let sum = total | 0;
	const start = from | 0;
	for (let k = 0; k < count; k++) {
		const i = (start + k) | 0;
		sum = (sum + ((Math.imul(i, i) >>> 0) % 7)) | 0;
	}
	return sum;
}

/** Before measuring: time for V8 to optimise the loop, and to size a chunk. */
const WARM_MS = 30;
/** How often the calibration reads this thread's CPU time (a read is a system call). */
const LOOK_MS = 5;
/** A chunk of the loop between two looks at the clock (and at the GIL): about this long. */
const CHUNK_MS = 0.2;
/** The longest a thread that let go of the GIL waits for another to take it. */
const HANDOVER_WAIT_MS = 50;

/**
 * This thread's CPU time in ms: Linux counts it per thread in /proc/thread-self/schedstat (ns).
 * Undefined elsewhere: the calibration then reads the wall clock.
 */
function threadCpuMs(): number | undefined {
	try {
		const ns = Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]);
		return Number.isFinite(ns) ? ns / 1e6 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Runs the loop on this thread until it has had `job.ms` of CPU time (after a warm-up), and writes
 * its rate. CPU time, not the wall clock: on a busy machine the other processes' share of this
 * core would make the job too short. The lane's CPU jobs then run as many iterations as take
 * `cpuMs` of one core: the same work on every thread.
 */
export function calibrate(s: SharedState, t: number, job: Extract<Job, {kind: 'calibrate'}>): void {
	const result = new Float64Array(job.calibration);
	s.setTime(t, F.startAt, epochNow());
	s.setState(t, Code.running);
	let total = 0;
	let chunk = 1024;
	for (const end = performance.now() + WARM_MS; performance.now() < end; ) {
		const before = performance.now();
		total = spin(0, chunk, total);
		if (performance.now() - before < CHUNK_MS) chunk *= 2;
	}
	const wall = performance.now();
	const cpu = threadCpuMs();
	const spent = () => {
		const now = threadCpuMs();
		return cpu === undefined || now === undefined ? performance.now() - wall : now - cpu;
	};
	let done = 0;
	let measured = 0;
	for (let look = wall + LOOK_MS; measured < job.ms && !s.aborted; ) {
		total = spin(done, chunk, total);
		done += chunk;
		if (performance.now() < look) continue;
		measured = spent();
		look = performance.now() + LOOK_MS;
	}
	result[1] = measured;
	result[0] = measured > 0 ? done / measured : 0;
	Atomics.store(s.i32, s.cell(t, T.local), total);
}

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

/**
 * The CPU job: the calibrated number of iterations, in chunks; progress in thousandths after
 * each. Under a GIL (`switchMs`) only while holding it. `halfway` runs once, half-way through.
 */
export function cpuJob(s: SharedState, t: number, job: Extract<Job, {kind: 'cpu'}>, halfway?: () => void): void {
	const [rate = 0] = new Float64Array(job.calibration);
	if (!(rate > 0)) throw new Error('the CPU job ran before its calibration');
	const n = Math.max(1, Math.round(rate * job.ms));
	const chunk = Math.max(1, Math.min(Math.ceil(n / CPU_PROGRESS_UNITS), Math.round(rate * CHUNK_MS)));
	const gil = job.switchMs === undefined ? undefined : new Gil(s, t, job.switchMs);
	const progress = s.cell(t, T.progress);
	s.setTime(t, F.startAt, epochNow());
	if (gil) gil.take();
	else s.setState(t, Code.running);
	let total = 0;
	let failAt = halfway ? Math.floor(n / 2) : Number.POSITIVE_INFINITY;
	for (let done = 0; done < n && !s.aborted; ) {
		const count = Math.min(chunk, n - done);
		total = spin(done, count, total);
		done += count;
		Atomics.store(s.i32, progress, Math.floor((done * CPU_PROGRESS_UNITS) / n));
		if (done >= failAt) {
			failAt = Number.POSITIVE_INFINITY;
			halfway?.();
		}
		gil?.tick();
	}
	Atomics.store(s.i32, s.cell(t, T.local), total);
	gil?.release(Code.running);
}
