/**
 * Every lane of a view on one virtual clock: lanes side by side, the programs
 * of a lane one after another (the next starts the instant the previous one
 * finished). Drives `SimRun`s to a time, or one step at a time.
 */
import {type RunProgram, programLabel} from '../run.js';
import {SimRun} from './run.js';
import {UsageError} from '../../model/errors.js';
import {idleSample} from '../../model/idle.js';
import {gilSteps} from './gil.js';
import {STEPS_PER_INCREMENT} from './race.js';
import type {Sample} from '../../model/types.js';

interface Lane {
	programs: readonly RunProgram[];
	/** Samples of the programs that finished, in order. */
	done: Sample[];
	run: SimRun | undefined;
	/** Session time at which the current run started. */
	offset: number;
}

/** A distinct, reproducible seed for each program of each lane. */
const seedFor = (seed: number, lane: number, index: number) => (seed + Math.imul(0x9e3779b1, lane * 64 + index + 1)) >>> 0;

/**
 * The most steps a simulation takes for a frame, a recording or a run to its end: every read and
 * write of every thread is a step (2 to 3 million a second here), so this is up to 10 s of
 * work. Past it the run is refused with one line: it could not finish in reasonable time.
 */
export const MAX_SIM_STEPS = 20_000_000;

/** Steps a program takes to its end: its threads' increments step by step, or a sleeper's one wake. */
export function programSteps(program: RunProgram): number {
	const race = program.race;
	// A deadlock run takes at most take, take, count, release per increment (and ends sooner if it deadlocks).
	if (program.deadlock) return program.threads.length * program.deadlock.increments * 4;
	if (race) return program.threads.length * race.increments * STEPS_PER_INCREMENT[race.mode];
	return program.gil ? program.threads.reduce((sum, thread) => sum + gilSteps(thread.job), 0) : program.threads.length;
}

/** `needed`: the steps to the end, when known (a run to its end); else more than `limit` were needed to reach a time. */
const tooLong = (limit: number, needed?: number) =>
	new UsageError(
		needed === undefined
			? `with --seed every read and write of every thread is simulated, and this time takes more than ${limit.toLocaleString('en')} steps to reach: use fewer threads or increments, or an earlier time`
			: `with --seed every read and write of every thread is simulated, and this run takes ${needed.toLocaleString('en')} steps, more than the ${limit.toLocaleString('en')} simulated at most: use fewer threads or increments`,
	);

export interface SessionLimits {
	/** Refuse at once a session whose programs would take more than MAX_SIM_STEPS to finish. */
	toTheEnd?: boolean;
	/** Stop with a UsageError once this many steps ran (default MAX_SIM_STEPS; Infinity: never, for a live screen). */
	maxSteps?: number;
}

export class SimSession {
	readonly #seed: number;
	readonly #lanes: Lane[];
	readonly #maxSteps: number;
	#time = 0;
	/** Steps of the runs that finished. */
	#stepsDone = 0;

	constructor(lanes: readonly RunProgram[][], seed: number, {toTheEnd = false, maxSteps = MAX_SIM_STEPS}: SessionLimits = {}) {
		const needed = lanes.flat().reduce((sum, program) => sum + programSteps(program), 0);
		if (toTheEnd && needed > maxSteps) throw tooLong(maxSteps, needed);
		this.#maxSteps = maxSteps;
		this.#seed = seed;
		this.#lanes = lanes.map((programs, index) => ({programs, done: [], run: this.#create(programs, index, 0), offset: 0}));
	}

	/** Session time in ms. */
	get time(): number {
		return this.#time;
	}

	/** Labels of the programs started so far, lane by lane in start order (`race unsafe`, `sleepers`). */
	get started(): string[] {
		return this.#lanes.flatMap((lane) => lane.programs.slice(0, lane.done.length + (lane.run ? 1 : 0)).map(programLabel));
	}

	get finished(): boolean {
		return this.#lanes.every((lane) => lane.run === undefined);
	}

	/** Steps run so far, in every lane. */
	get steps(): number {
		return this.#stepsDone + this.#lanes.reduce((sum, lane) => sum + (lane.run?.steps ?? 0), 0);
	}

	/**
	 * Bring every lane to session time `ms`, running at most `maxSteps` steps, shared out among
	 * the lanes (a screen that must stay responsive does the rest at its next tick). False when
	 * they ran out first.
	 */
	advanceTo(ms: number, maxSteps = Number.POSITIVE_INFINITY): boolean {
		const share = Math.ceil(maxSteps / Math.max(1, this.#lanes.length));
		let reached = true;
		for (const lane of this.#lanes) {
			let left = share;
			while (lane.run) {
				const before = this.steps;
				const done = lane.run.advanceTo(ms - lane.offset, Math.min(left, this.#maxSteps - before + 1));
				left -= this.steps - before;
				if (this.steps > this.#maxSteps) throw tooLong(this.#maxSteps);
				if (!done) reached = false;
				if (!done || !lane.run.finished) break;
				this.#next(lane);
			}
		}
		if (reached) this.#time = Math.max(this.#time, ms);
		return reached;
	}

	/** One step of whichever lane is due first. Returns false when everything has finished. */
	step(): boolean {
		let due: Lane | undefined;
		for (const lane of this.#lanes) {
			for (lane.run?.begin(); lane.run?.finished; lane.run?.begin()) this.#next(lane);
			const at = lane.run?.next;
			if (at === undefined) continue;
			if (!due || at + lane.offset < due.run!.next! + due.offset) due = lane;
		}
		if (!due?.run) return false;
		const step = due.run.step()!;
		this.#time = Math.max(this.#time, step.at + due.offset);
		this.advanceTo(this.#time); // let the lane roll on to its next program if this finished it
		return true;
	}

	/** Per lane, per program: finished, running, or not started yet. */
	samples(): Sample[][] {
		return this.#lanes.map((lane) =>
			lane.programs.map((program, index) => {
				if (index < lane.done.length) return lane.done[index]!;
				if (index === lane.done.length && lane.run) return lane.run.sample();
				return idleSample(program.scene, program.threads, program.race, program.gil);
			}),
		);
	}

	#create(programs: readonly RunProgram[], lane: number, index: number): SimRun | undefined {
		const program = programs[index];
		return program && new SimRun(program, seedFor(this.#seed, lane, index));
	}

	#next(lane: Lane): void {
		const run = lane.run!;
		this.#stepsDone += run.steps;
		lane.done.push(run.sample());
		lane.offset += run.finishedAt!;
		lane.run = this.#create(lane.programs, this.#lanes.indexOf(lane), lane.done.length);
	}
}

/** Steps in one slice of simulation: about 20 ms of work here. */
export const SLICE_STEPS = 60_000;
/** The longest the event loop waits while a simulation runs: signals are handled within this. */
const BREATHE_MS = 50;
let breathed = performance.now();

/** Let the event loop run (signals, keys) if it has not for BREATHE_MS. */
export async function breathe(): Promise<void> {
	if (performance.now() - breathed < BREATHE_MS) return;
	await new Promise((resolve) => setImmediate(resolve));
	breathed = performance.now();
}

/**
 * `session.advanceTo(ms)` in slices, letting the event loop run between them, so that a signal
 * is handled within a slice however long the simulation is, and however many frames are drawn.
 */
export async function advanceInSlices(session: SimSession, ms: number): Promise<void> {
	for (let reached = false; !reached; await breathe()) reached = session.advanceTo(ms, SLICE_STEPS);
}
