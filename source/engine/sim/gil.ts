/**
 * The gil scene on the virtual clock: CPU-bound threads sharing `cores` simulated cores in time
 * slices, and a GIL handed to a waiting thread every switch interval, as engine/gil.ts does with
 * real threads. `SimRun` keeps the clock and the queue of steps; this decides what a step does.
 */
import {CPU_PROGRESS_UNITS} from '../../model/types.js';
import type {GilSample} from '../../model/types.js';
import type {Job} from '../jobs.js';
import type {RunProgram} from '../run.js';
import type {SimThread} from './race.js';

/** A time slice on a core ended; a waiter was handed the GIL; an I/O thread printed its line. */
export type GilStep = 'slice' | 'take' | 'print';

/** What the GIL needs from the run that schedules it. */
export interface GilClock {
	schedule(thread: number, kind: GilStep | 'wake', delayMs: number): void;
	/** `base` ms with up to `spread` (0..1) of it added, from the run's seeded generator. */
	cost(base: number, spread: number): number;
	finish(thread: number): void;
	emit(kind: 'sleep' | 'wake', thread: number): void;
	now(): number;
}

/** A core's time slice among CPU-bound threads that outnumber the cores (Linux gives them a few ms). */
export const QUANTUM_MS = 10;
/** A hand-over of the GIL: a futex wake and a switch of threads (the bench measures the real one). */
export const HANDOVER_MS = 0.05;
/** An I/O thread's print, with the GIL held. */
const PRINT_MS = 0.02;

/** The jobs the GIL simulation runs: the CPU job, and the sleeper under a GIL. */
export const isGilJob = (job: Job): boolean => job.kind === 'cpu' || (job.kind === 'sleep' && job.gil === true);

/** Steps a thread's job takes, at most: for the simulation's limit on a run's steps. */
export function gilSteps(job: Job): number {
	return job.kind === 'cpu' ? 2 * Math.ceil(job.ms / Math.min(job.switchMs ?? QUANTUM_MS, QUANTUM_MS)) + 2 : 4;
}

export class SimGil {
	/** Thread index holding the GIL (or handed it and waking up), -1 for none. */
	holder = -1;
	handovers = 0;
	#last = -1;
	#busy = 0;
	readonly #waiters: number[] = [];
	readonly #ready: number[] = [];
	/** Ms of CPU each thread still needs, and the slice it runs now. */
	readonly #left: number[];
	readonly #slice: number[];
	readonly #woke = new Set<number>();

	constructor(
		readonly threads: readonly SimThread[],
		readonly jobs: readonly Job[],
		readonly clock: GilClock,
		readonly cores: number,
	) {
		this.#left = jobs.map((job) => (job.kind === 'cpu' ? job.ms : 0));
		this.#slice = jobs.map(() => 0);
	}

	start(index: number): void {
		const job = this.jobs[index]!;
		if (job.kind === 'cpu' && job.switchMs === undefined) {
			this.threads[index]!.state = 'running';
			this.#ready.push(index);
			this.#dispatch();
		} else this.#request(index);
	}

	perform(index: number, kind: GilStep | 'wake'): void {
		if (kind === 'slice') this.#sliced(index);
		else if (kind === 'take') this.#granted(index);
		else if (kind === 'print') this.#printed(index);
		else {
			// The sleeper woke: it needs the GIL back to print its line.
			this.#woke.add(index);
			this.#request(index);
		}
	}

	/** Free cores take the runnable threads in turn, each for a time slice. */
	#dispatch(): void {
		while (this.#busy < this.cores && this.#ready.length > 0) {
			this.#busy++;
			this.#run(this.#ready.shift()!, this.clock.cost(QUANTUM_MS, 0.2));
		}
	}

	#run(index: number, slice: number): void {
		this.#slice[index] = Math.min(slice, this.#left[index]!);
		this.clock.schedule(index, 'slice', this.#slice[index]!);
	}

	#sliced(index: number): void {
		const thread = this.threads[index]!;
		const job = this.jobs[index]!;
		if (job.kind !== 'cpu') return;
		const left = Math.max(0, this.#left[index]! - this.#slice[index]!);
		this.#left[index] = left;
		thread.progress = left === 0 ? CPU_PROGRESS_UNITS : Math.floor(((job.ms - left) / job.ms) * CPU_PROGRESS_UNITS);
		if (job.switchMs === undefined) {
			this.#busy--;
			if (left === 0) this.clock.finish(index);
			else this.#ready.push(index);
			this.#dispatch();
		} else if (left === 0) {
			this.#release();
			this.clock.finish(index);
		} else if (this.#waiters.length === 0) {
			this.#run(index, job.switchMs);
		} else {
			// The switch interval is up and a thread waits: let go, and queue for the GIL again.
			thread.state = 'waiting';
			this.#release();
			this.#waiters.push(index);
		}
	}

	#request(index: number): void {
		if (this.holder < 0) this.#granted(index);
		else {
			this.threads[index]!.state = 'waiting';
			this.#waiters.push(index);
		}
	}

	/** The GIL goes to the first waiter, which holds it once it is awake. */
	#release(): void {
		const next = this.#waiters.shift();
		this.holder = next ?? -1;
		if (next !== undefined) this.clock.schedule(next, 'take', this.clock.cost(HANDOVER_MS, 0.5));
	}

	#granted(index: number): void {
		if (this.#last >= 0 && this.#last !== index) this.handovers++;
		this.#last = index;
		this.holder = index;
		this.threads[index]!.state = 'holding';
		const job = this.jobs[index]!;
		if (job.kind === 'cpu') this.#run(index, job.switchMs ?? QUANTUM_MS);
		else this.clock.schedule(index, 'print', this.clock.cost(PRINT_MS, 0.5));
	}

	/** An I/O thread printed, holding the GIL: before its sleep, it lets go and sleeps; after it, it is done. */
	#printed(index: number): void {
		const thread = this.threads[index]!;
		const job = this.jobs[index]!;
		const woke = this.#woke.has(index);
		if (woke) thread.wakeMs = this.clock.now();
		else thread.startMs = this.clock.now();
		this.clock.emit(woke ? 'wake' : 'sleep', index);
		thread.state = woke ? 'awake' : 'sleeping';
		this.#release();
		if (woke) this.clock.finish(index);
		else this.clock.schedule(index, 'wake', job.kind === 'sleep' ? job.ms : 0);
	}

	/** The sample's GIL: the program's settings, who holds it now and how often it changed hands. */
	sample({lane, cpuMs, switchMs, cores, simulated}: NonNullable<RunProgram['gil']>): GilSample {
		return {lane, cpuMs, switchMs, cores, simulated, iterations: 0, calibrationMs: 0, holder: this.holder, handovers: this.handovers};
	}
}
