/**
 * A scene run on a virtual clock with a seeded scheduler: the same program and
 * the same `Sample` as a real run, so the same model and components draw it.
 * Synchronous and deterministic: a seed and a time always give the same frame.
 * Sleepers wake at exact virtual times; in a race every read, work and write
 * of every thread is a step of its own, interleaved by the seeded PRNG.
 */
import {uniformInt} from 'pure-rand/distribution/uniformInt';
import {xoroshiro128plus} from 'pure-rand/generator/xoroshiro128plus';
import type {EventSample, MainState, Sample, ThreadSample} from '../../model/types.js';
import {MinHeap} from './heap.js';
import type {Join, Lab, ThreadHandle} from '../lab.js';
import type {RunProgram} from '../run.js';
import {type GilStep, SimGil, isGilJob} from './gil.js';
import {OP_MS, READS_KEPT, SimRace, type SimThread, type StepKind, firstStep} from './race.js';

export type {StepKind} from './race.js';

interface Step {
	at: number;
	order: number;
	thread: number;
	kind: StepKind | GilStep;
}

export class SimRun implements Lab {
	readonly #program: RunProgram;
	readonly #rng: ReturnType<typeof xoroshiro128plus>;
	readonly #queue = new MinHeap<Step>((a, b) => a.at < b.at || (a.at === b.at && a.order < b.order));
	readonly #threads: SimThread[];
	readonly #events: EventSample[] = [];
	readonly #race: SimRace;
	readonly #gil: SimGil;
	#steps = 0;
	/** Steps scheduled so far: breaks ties between steps due at the same instant. */
	#scheduled = 0;
	#now = 0;
	#main: MainState = 'starting';
	#blockedOn = -1;
	#mainProgram: Generator<Join, void, void> | undefined;
	#finishedAt: number | undefined;
	#lastStep: {thread: number; kind: StepKind | GilStep | 'overwrite'; value: number} | undefined;

	constructor(program: RunProgram, seed: number) {
		this.#program = program;
		this.#rng = xoroshiro128plus(seed | 0);
		this.#threads = program.threads.map(() => ({state: 'new', startMs: null, wakeMs: null, endMs: null, progress: 0, local: 0, reads: []}));
		this.#race = new SimRace(
			this.#threads,
			program.threads.map((spec) => spec.job),
			{
				schedule: (thread, kind, delayMs) => this.#schedule(thread, kind, delayMs),
				cost: (base, spread) => this.#cost(base, spread),
				random: (max) => this.#random(max),
				finish: (thread) => this.#finish(thread),
			},
		);
		this.#gil = new SimGil(
			this.#threads,
			program.threads.map((spec) => spec.job),
			{
				schedule: (thread, kind, delayMs) => this.#schedule(thread, kind, delayMs),
				cost: (base, spread) => this.#cost(base, spread),
				finish: (thread) => this.#finish(thread),
				emit: (kind, thread) => this.#events.push({kind, thread, atMs: this.#now}),
				now: () => this.#now,
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
		return this.#queue.peek()?.at;
	}

	/** The main thread starts its program at virtual time 0. */
	begin(): void {
		if (this.#main !== 'starting') return;
		this.#main = 'running';
		this.#mainProgram = this.#program.main(this);
		this.#resume();
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
		for (let left = maxSteps; this.#queue.size > 0 && this.#queue.peek()!.at <= ms; left--) {
			if (left <= 0) return false;
			this.step();
		}
		if (!this.finished) this.#now = Math.max(this.#now, ms);
		return true;
	}

	/** Run exactly one step (one thread's read, work, write…). Returns what it was, or undefined at the end. */
	step(): Step | undefined {
		this.begin();
		const step = this.#queue.pop();
		if (!step) return undefined;
		this.#steps++;
		this.#now = Math.max(this.#now, step.at);
		const before = this.#race.counter;
		this.#perform(step);
		const thread = this.#threads[step.thread]!;
		// A write that leaves the counter where it was (or lower) overwrote another thread's update.
		const kind = step.kind === 'write' && this.#race.counter <= before ? 'overwrite' : step.kind;
		this.#lastStep = {thread: step.thread, kind, value: step.kind === 'write' ? this.#race.counter : thread.local};
		return step;
	}

	thread(index: number): ThreadHandle {
		return {start: () => this.#start(index), join: () => ({join: index})};
	}

	print(text: string): void {
		this.#events.push({kind: 'print', thread: -1, atMs: this.#now, text});
	}

	sample(): Sample {
		const sample: Sample = {
			scene: this.#program.scene,
			clockMs: this.#finishedAt ?? this.#now,
			main: this.#main,
			threads: this.#program.threads.map((spec, t): ThreadSample => {
				const {state, startMs, wakeMs, endMs, progress, local} = this.#threads[t]!;
				return {name: spec.name, state, sleepSeconds: spec.sleepSeconds, startMs, wakeMs, endMs, progress, local};
			}),
			events: [...this.#events],
			finished: this.finished,
		};
		if (this.#lastStep) sample.lastStep = {...this.#lastStep};
		if (this.#program.gil) {
			const {lane, cpuMs, switchMs, cores, simulated} = this.#program.gil;
			const {holder, handovers} = this.#gil;
			sample.gil = {lane, cpuMs, switchMs, cores, simulated, iterations: 0, calibrationMs: 0, holder, handovers};
		}
		const race = this.#program.race;
		if (race) {
			const {mode, increments, workMicros} = race;
			const {counter, holder, contended} = this.#race;
			sample.race = {mode, increments, workMicros, expected: increments * this.#threads.length, counter, holder, contended};
			if (this.finished && mode === 'unsafe') sample.race.reads = this.#threads.map((t) => t.reads.slice(-READS_KEPT));
		}
		return sample;
	}

	#random(max: number): number {
		return uniformInt(this.#rng, 0, max);
	}

	/** `base` ms with up to `spread` (0..1) of it added, in whole nanoseconds so every machine agrees. */
	#cost(base: number, spread: number): number {
		const ns = Math.round(base * 1e6);
		return (ns + this.#random(Math.round(ns * spread))) / 1e6;
	}

	#schedule(thread: number, kind: StepKind | GilStep, delayMs: number): void {
		this.#queue.push({at: this.#now + delayMs, order: this.#random(0x3fffffff) * 1024 + (this.#scheduled++ % 1024), thread, kind});
	}

	#start(index: number): void {
		const thread = this.#threads[index]!;
		const job = this.#program.threads[index]!.job;
		thread.startMs = this.#now;
		if (isGilJob(job)) {
			this.#gil.start(index);
		} else if (job.kind === 'sleep') {
			thread.state = 'sleeping';
			this.#events.push({kind: 'sleep', thread: index, atMs: this.#now});
			this.#schedule(index, 'wake', job.ms);
		} else if (job.kind === 'count') {
			thread.state = 'running';
			this.#schedule(index, firstStep(job.mode), this.#cost(OP_MS, 20));
		}
	}

	#perform({thread: index, kind}: Step): void {
		if (isGilJob(this.#program.threads[index]!.job)) {
			this.#gil.perform(index, kind as GilStep | 'wake');
			return;
		}
		if (kind !== 'wake') {
			this.#race.perform(index, kind as Exclude<StepKind, 'wake'>);
			return;
		}
		const thread = this.#threads[index]!;
		thread.wakeMs = this.#now;
		this.#events.push({kind: 'wake', thread: index, atMs: this.#now});
		this.#finish(index);
	}

	#finish(index: number): void {
		const thread = this.#threads[index]!;
		thread.state = 'done';
		thread.endMs = this.#now;
		if (this.#blockedOn === index) {
			this.#blockedOn = -1;
			this.#main = 'running';
			this.#resume();
		}
		this.#checkFinished();
	}

	/** Run the main program until it joins a thread that is still going, or ends. */
	#resume(): void {
		const program = this.#mainProgram!;
		for (let step = program.next(); ; step = program.next()) {
			if (step.done) {
				this.#main = 'done';
				break;
			}
			if (this.#threads[step.value.join]!.state !== 'done') {
				this.#main = 'joining';
				this.#blockedOn = step.value.join;
				return;
			}
		}
		this.#checkFinished();
	}

	#checkFinished(): void {
		if (this.#main === 'done' && this.#finishedAt === undefined && this.#threads.every((t) => t.state === 'done')) {
			this.#finishedAt = this.#now;
		}
	}
}
