/**
 * The shared-memory layout of one scene run. Both the main thread and every
 * worker build a `SharedState` over the same `SharedArrayBuffer`, so this file
 * is bundled into the worker script too: it imports only the model's pure state names.
 *
 * Int32 header, per-thread Int32 cells, per-thread Float64 times, an event
 * ring (Int32 kind/thread/arg + Float64 time), per-thread read logs (race) and a
 * region of `locks` locks, each a `LockCells` for `new Mutex(i32, lockCells(k))`.
 */

import type {LockCells} from './mutex.js';
import {THREAD_STATES, type ThreadStateName} from '../model/types.js';

/** Thread state codes as stored in shared memory. */
export const Code = {
	new: 0,
	sleeping: 1,
	awake: 2,
	running: 3,
	waiting: 4,
	holding: 5,
	done: 6,
	failed: 7,
} as const;
export type StateCode = (typeof Code)[keyof typeof Code];
/** Code → state name: the model's list is in code order. */
export const CODE_NAMES = THREAD_STATES;
export type {ThreadStateName};

/** Event kinds in the event ring. 0 means "slot reserved, not yet published". */
export const Ev = {sleep: 1, wake: 2, print: 3, fail: 4} as const;
export type EventKind = (typeof Ev)[keyof typeof Ev];

/** Header cells (Int32 indexes). */
export const H = {
	events: 0, // number of events reserved so far
	abort: 1, // 1: every worker returns as soon as it can
	counter: 2, // the race's shared counter
	mutex: 3, // 0 free, 1 locked, 2 locked with waiters
	holder: 4, // thread index + 1 of the mutex holder, 0 none
	contended: 5, // acquisitions that had to wait
	occupancy: 6, // threads inside the critical section (must stay <= 1)
	// The gil scene's bookkeeping around its global lock (engine/gil.ts); the lock itself is lock
	// GIL_LOCK of the locks region, a Mutex like any other.
	gilWaiters: 7, // threads waiting for the GIL now
	gilLast: 8, // thread index + 1 of the last holder: a new one is a hand-over
	gilHandovers: 9, // times the GIL passed from one thread to another
	gilInside: 10, // threads holding the GIL (must stay <= 1)
} as const;
const HEADER_INTS = 16;

/** The race's lock: the mutex that guards the shared counter. */
export const RACE_LOCK: LockCells = {state: H.mutex, holder: H.holder, contended: H.contended};

/** Per-thread Int32 cells. */
export const T = {
	state: 0,
	go: 1,
	sleep: 2,
	progress: 3,
	local: 4,
	readCursor: 5,
	/** Bit k set: this thread holds lock k of the locks region (deadlock). */
	holds: 6,
	/** Lock index + 1 this thread is waiting for, 0 none (deadlock). */
	waits: 7,
} as const;
const THREAD_INTS = 16; // 64 bytes: one cache line per thread, no false sharing
/** Per-thread Float64 cells (milliseconds of `epochNow()`). */
export const F = {startAt: 0, wakeAt: 1, endAt: 2, waitAt: 3} as const;
const THREAD_FLOATS = 4;
const EVENT_INTS = 4;
/** Int32 cells per lock of the locks region: state, holder, contended (and one spare). */
const LOCK_INTS = 4;

export interface SharedDims {
	threads: number;
	events: number;
	readLog: number;
	/** Locks of the locks region (none when absent): a scene that needs several has them here. */
	locks?: number;
}

export function bytesFor({threads, events, readLog, locks = 0}: SharedDims): number {
	const ints = HEADER_INTS + threads * THREAD_INTS + events * EVENT_INTS + threads * readLog + locks * LOCK_INTS;
	const intBytes = Math.ceil((ints * 4) / 8) * 8;
	return intBytes + (threads * THREAD_FLOATS + events) * 8;
}

/**
 * Milliseconds on a clock every thread of the process shares (CLOCK_MONOTONIC, as libuv reads it);
 * only differences of it mean anything. Not `performance`: its first read in a worker loads
 * perf_hooks, ~0.1 MB of RSS per thread on Node 24 (bench/RESULTS.md, goal 3).
 */
export function epochNow(): number {
	const [seconds, nanoseconds] = process.hrtime();
	return seconds * 1000 + nanoseconds / 1e6;
}

export class SharedState {
	readonly i32: Int32Array;
	readonly f64: Float64Array;
	readonly dims: SharedDims;
	readonly #eventBase: number;
	readonly #readBase: number;
	readonly #lockBase: number;

	constructor(
		readonly buffer: SharedArrayBuffer,
		dims: SharedDims,
	) {
		this.dims = dims;
		this.#eventBase = HEADER_INTS + dims.threads * THREAD_INTS;
		this.#readBase = this.#eventBase + dims.events * EVENT_INTS;
		this.#lockBase = this.#readBase + dims.threads * dims.readLog;
		const ints = this.#lockBase + (dims.locks ?? 0) * LOCK_INTS;
		this.i32 = new Int32Array(buffer, 0, ints);
		const floatOffset = Math.ceil((ints * 4) / 8) * 8;
		this.f64 = new Float64Array(buffer, floatOffset, dims.threads * THREAD_FLOATS + dims.events);
	}

	static create(dims: SharedDims): SharedState {
		return new SharedState(new SharedArrayBuffer(bytesFor(dims)), dims);
	}

	/** Int32 index of a per-thread cell. */
	cell(thread: number, field: number): number {
		return HEADER_INTS + thread * THREAD_INTS + field;
	}

	/** The cells of lock `k` of the locks region. */
	lockCells(k: number): LockCells {
		const base = this.#lockBase + k * LOCK_INTS;
		return {state: base, holder: base + 1, contended: base + 2};
	}

	time(thread: number, field: number): number {
		return this.f64[thread * THREAD_FLOATS + field] ?? 0;
	}

	setTime(thread: number, field: number, value: number): void {
		this.f64[thread * THREAD_FLOATS + field] = value;
	}

	state(thread: number): StateCode {
		return Atomics.load(this.i32, this.cell(thread, T.state)) as StateCode;
	}

	/** Publish a state change and wake anyone joining on it. */
	setState(thread: number, code: StateCode): void {
		const index = this.cell(thread, T.state);
		Atomics.store(this.i32, index, code);
		Atomics.notify(this.i32, index);
	}

	get aborted(): boolean {
		return Atomics.load(this.i32, H.abort) === 1;
	}

	/** Append an event; `thread` is -1 for the main thread. Lock-free: reserve, fill, publish. */
	emit(kind: EventKind, thread: number, arg = 0, at = epochNow()): void {
		const seq = Atomics.add(this.i32, H.events, 1);
		if (seq >= this.dims.events) return; // the ring is sized for every event a scene makes
		const base = this.#eventBase + seq * EVENT_INTS;
		this.i32[base + 1] = thread;
		this.i32[base + 2] = arg;
		this.f64[this.dims.threads * THREAD_FLOATS + seq] = at;
		Atomics.store(this.i32, base, kind);
		Atomics.notify(this.i32, H.events);
	}

	/** The published event at `seq`, or undefined while it is still being written. */
	event(seq: number): {kind: EventKind; thread: number; arg: number; at: number} | undefined {
		if (seq >= this.dims.events) return undefined;
		const base = this.#eventBase + seq * EVENT_INTS;
		const kind = Atomics.load(this.i32, base) as EventKind | 0;
		if (kind === 0) return undefined;
		return {
			kind,
			thread: this.i32[base + 1] ?? -1,
			arg: this.i32[base + 2] ?? 0,
			at: this.f64[this.dims.threads * THREAD_FLOATS + seq] ?? 0,
		};
	}

	/** Record a value a racing thread read, in its ring of the last `readLog` reads. */
	logRead(thread: number, value: number): void {
		const {readLog} = this.dims;
		if (readLog === 0) return;
		const cursorIndex = this.cell(thread, T.readCursor);
		const cursor = this.i32[cursorIndex] ?? 0;
		this.i32[this.#readBase + thread * readLog + (cursor % readLog)] = value;
		this.i32[cursorIndex] = cursor + 1;
	}

	/** The values a thread read, oldest first (at most `readLog`). */
	reads(thread: number): number[] {
		const {readLog} = this.dims;
		const cursor = Atomics.load(this.i32, this.cell(thread, T.readCursor));
		const count = Math.min(cursor, readLog);
		const out: number[] = [];
		for (let k = cursor - count; k < cursor; k++) {
			out.push(this.i32[this.#readBase + thread * readLog + (k % readLog)] ?? 0);
		}
		return out;
	}
}
