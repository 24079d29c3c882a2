/**
 * Every lane of a view on one virtual clock: lanes side by side, the programs
 * of a lane one after another (the next starts the instant the previous one
 * finished). Drives `SimRun`s to a time, or one step at a time.
 */
import {type RunProgram, programLabel} from './run.js';
import {SimRun} from './sim.js';
import {idleSample} from '../model/idle.js';
import type {Sample} from '../model/types.js';

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

export class SimSession {
	readonly #seed: number;
	readonly #lanes: Lane[];
	#time = 0;

	constructor(lanes: readonly RunProgram[][], seed: number) {
		this.#seed = seed;
		this.#lanes = lanes.map((programs, index) => ({programs, done: [], run: this.#create(programs, index, 0), offset: 0}));
	}

	/** Session time in ms. */
	get time(): number {
		return this.#time;
	}

	/** Labels of the programs started so far, lane by lane in start order (`race unsafe`, `sleepers`). */
	get started(): string[] {
		return this.#lanes.flatMap((lane) =>
			lane.programs.slice(0, lane.done.length + (lane.run ? 1 : 0)).map(programLabel),
		);
	}

	get finished(): boolean {
		return this.#lanes.every((lane) => lane.run === undefined);
	}

	/** Bring every lane to session time `ms`. */
	advanceTo(ms: number): void {
		for (const lane of this.#lanes) {
			while (lane.run) {
				lane.run.advanceTo(ms - lane.offset);
				if (!lane.run.finished) break;
				this.#next(lane);
			}
		}
		this.#time = Math.max(this.#time, ms);
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
				return idleSample(program.scene, program.threads, program.race);
			}),
		);
	}

	#create(programs: readonly RunProgram[], lane: number, index: number): SimRun | undefined {
		const program = programs[index];
		return program && new SimRun(program, seedFor(this.#seed, lane, index));
	}

	#next(lane: Lane): void {
		const run = lane.run!;
		lane.done.push(run.sample());
		lane.offset += run.finishedAt!;
		lane.run = this.#create(lane.programs, this.#lanes.indexOf(lane), lane.done.length);
	}
}
