/**
 * A scene run on a virtual clock with a seeded scheduler: the same program and
 * the same `Sample` as a real run, so the same model and components draw it.
 * Synchronous and deterministic: a seed and a time always give the same frame.
 * Sleepers wake at exact virtual times; in a race every read, work and write
 * of every thread is a step of its own, interleaved by the seeded PRNG.
 */
import type {EventSample, Sample, ThreadSample} from '../../model/types.js';
import type {Lab, ThreadHandle} from '../lab.js';
import type {RunProgram} from '../run.js';
import {type Step, VirtualClock} from './clock.js';
import {type GilStep, SimGil, isGilJob} from './gil.js';
import {type LockMove, SimLocks} from './locks.js';
import {SimMain} from './main.js';
import {OP_MS, SimRace, type SimThread, type StepKind, firstStep} from './race.js';

export type {StepKind} from './race.js';

export class SimRun implements Lab {
	readonly #program: RunProgram;
	readonly #clock: VirtualClock<StepKind>;
	readonly #threads: SimThread[];
	readonly #events: EventSample[] = [];
	readonly #race: SimRace;
	readonly #locks: SimLocks;
	readonly #gil: SimGil;
	#move: LockMove | undefined;
	#steps = 0;
	readonly #main: SimMain;
	#finishedAt: number | undefined;
	#lastStep:
		| {thread: number; kind: StepKind | 'overwrite' | LockMove['kind']; value: number; erased?: {thread: number; updates: number}}
		| undefined;
	/** Who wrote the counter last: the thread whose update an overwrite erases. */
	#lastWriter = -1;

	constructor(program: RunProgram, seed: number) {
		this.#program = program;
		this.#clock = new VirtualClock(seed);
		this.#threads = program.threads.map(() => ({state: 'new', startMs: null, wakeMs: null, endMs: null, progress: 0, local: 0, reads: []}));
		this.#main = new SimMain(this.#threads);
		this.#race = new SimRace(
			this.#threads,
			program.threads.map((spec) => spec.job),
			this.#clock,
			(thread) => this.#finish(thread),
		);
		this.#locks = new SimLocks(
			this.#threads,
			program.threads.map((spec) => spec.job),
			this.#clock,
			(thread) => this.#finish(thread),
			// A wait-for cycle of parked threads never moves again: the run ends there, as it is.
			() => (this.#finishedAt ??= this.#clock.now),
		);
		this.#gil = new SimGil(
			this.#threads,
			program.threads.map((spec) => spec.job),
			{
				schedule: (thread, kind, delayMs) => this.#clock.schedule(thread, kind, delayMs),
				cost: (base, spread) => this.#clock.cost(base, spread),
				finish: (thread) => this.#finish(thread),
				emit: (kind, thread) => this.#events.push({kind, thread, atMs: this.#clock.now}),
				now: () => this.#clock.now,
			},
			program.gil?.cores ?? 1,
		);
	}

	get finished(): boolean {
		return this.#finishedAt !== undefined;
	}

	get finishedAt(): number | undefined {
		return this.#finishedAt;
	}

	/** Virtual ms of the next step, if any. */
	get next(): number | undefined {
		return this.#clock.next;
	}

	/** The main thread starts its program at virtual time 0. */
	begin(): void {
		if (this.#main.state !== 'starting') return;
		this.#main.begin(() => this.#program.main(this));
		this.#checkFinished();
	}

	/** Steps run so far. */
	get steps(): number {
		return this.#steps;
	}

	/**
	 * Run every step due by `ms`, at most `maxSteps` of them; the clock then reads `ms` (or stops
	 * where the run finished). False when `maxSteps` ran out first: the clock is at the last step.
	 */
	advanceTo(ms: number, maxSteps = Number.POSITIVE_INFINITY): boolean {
		this.begin();
		for (let left = maxSteps, next = this.next; next !== undefined && next <= ms; left--, next = this.next) {
			if (left <= 0) return false;
			this.step();
		}
		if (!this.finished) this.#clock.reach(ms);
		return true;
	}

	/** Run exactly one step (one thread's read, work, write…). Returns what it was, or undefined at the end. */
	step(): Step<StepKind> | undefined {
		this.begin();
		const step = this.#clock.pop();
		if (!step) return undefined;
		this.#steps++;
		const before = this.#race.counter;
		this.#move = undefined;
		this.#perform(step);
		const thread = this.#threads[step.thread]!;
		const move = this.#move as LockMove | undefined; // set by #perform for a lock step
		if (move) {
			this.#lastStep = {thread: step.thread, ...move};
			return step;
		}
		// A write that leaves the counter where it was (or lower) overwrote another thread's update.
		const kind = step.kind === 'write' && this.#race.counter <= before ? 'overwrite' : step.kind;
		this.#lastStep = {thread: step.thread, kind, value: step.kind === 'write' ? this.#race.counter : thread.local};
		if (kind === 'overwrite' && this.#lastWriter >= 0)
			this.#lastStep.erased = {thread: this.#lastWriter, updates: before + 1 - this.#race.counter};
		if (step.kind === 'write' || step.kind === 'add') this.#lastWriter = step.thread;
		return step;
	}

	thread(index: number): ThreadHandle {
		return {start: () => this.#start(index), join: () => ({join: index})};
	}

	print(text: string): void {
		this.#events.push({kind: 'print', thread: -1, atMs: this.#clock.now, text});
	}

	sample(): Sample {
		const sample: Sample = {
			scene: this.#program.scene,
			clockMs: this.#finishedAt ?? this.#clock.now,
			main: this.#main.state,
			threads: this.#program.threads.map((spec, t): ThreadSample => {
				const {state, startMs, wakeMs, endMs, progress, local} = this.#threads[t]!;
				return {name: spec.name, state, sleepSeconds: spec.sleepSeconds, startMs, wakeMs, endMs, progress, local};
			}),
			events: [...this.#events],
			finished: this.finished,
		};
		if (this.#lastStep) sample.lastStep = {...this.#lastStep, ...(this.#lastStep.erased ? {erased: {...this.#lastStep.erased}} : {})};
		const {gil, deadlock, race} = this.#program;
		if (gil) sample.gil = this.#gil.sample(gil);
		if (deadlock) sample.deadlock = this.#locks.sample(deadlock);
		if (race) sample.race = this.#race.sample(race, this.finished);
		return sample;
	}

	#start(index: number): void {
		const thread = this.#threads[index]!;
		const job = this.#program.threads[index]!.job;
		thread.startMs = this.#clock.now;
		if (isGilJob(job)) {
			this.#gil.start(index);
		} else if (job.kind === 'sleep') {
			thread.state = 'sleeping';
			this.#events.push({kind: 'sleep', thread: index, atMs: this.#clock.now});
			this.#clock.schedule(index, 'wake', job.ms);
		} else if (job.kind === 'locks') {
			this.#locks.start(index);
		} else if (job.kind === 'count') {
			thread.state = 'running';
			this.#clock.schedule(index, firstStep(job.mode), this.#clock.cost(OP_MS, 20));
		}
	}

	#perform({thread: index, kind}: Step<StepKind>): void {
		// The gil scene's steps first: its 'take' is the GIL's hand-over, not a lock pair's take.
		if (isGilJob(this.#program.threads[index]!.job)) {
			this.#gil.perform(index, kind as GilStep | 'wake');
			return;
		}
		if (kind === 'take' || kind === 'count' || kind === 'release') {
			this.#move = this.#locks.perform(index, kind);
			return;
		}
		if (kind !== 'wake' && kind !== 'slice' && kind !== 'print') {
			this.#race.perform(index, kind);
			return;
		}
		const thread = this.#threads[index]!;
		thread.wakeMs = this.#clock.now;
		this.#events.push({kind: 'wake', thread: index, atMs: this.#clock.now});
		this.#finish(index);
	}

	#finish(index: number): void {
		const thread = this.#threads[index]!;
		thread.state = 'done';
		thread.endMs = this.#clock.now;
		this.#main.ended(index);
		this.#checkFinished();
	}

	#checkFinished(): void {
		if (this.#main.state === 'done' && this.#finishedAt === undefined && this.#threads.every((t) => t.state === 'done')) {
			this.#finishedAt = this.#clock.now;
		}
	}
}
