/**
 * The gil scene's CPU job, run by the pooled workers: a loop of arithmetic, calibrated once per
 * run on one core, and run by every thread of a lane, with or without the GIL (engine/gil.ts).
 * Bundled into the worker script.
 */
import {readFileSync} from 'node:fs';
import {CPU_PROGRESS_UNITS} from '../model/types.js';
import {Gil} from './gil.js';
import type {Job} from './jobs.js';
import {Code, F, type SharedState, T, epochNow} from './shared.js';

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
