/**
 * One scene run on real worker threads. Workers publish their state and times
 * into a SharedArrayBuffer; `sample()` reads it (no message per frame).
 * `join` waits on the thread's state cell with `Atomics.waitAsync`.
 */
import type {Worker} from 'node:worker_threads';
import type {EventSample, LockOrder, MainState, Sample, ThreadSample} from '../model/types.js';
import {GIL_LOCKS, type GilProgram, abandonGil, readGil} from './gil.js';
import type {CounterMode, Job} from './jobs.js';
import type {Lab, MainProgram, ThreadHandle} from './lab.js';
import type {RunOutcome, WorkerPool} from './pool.js';
import {lockSample} from './lock-pair.js';
import {Mutex} from './mutex.js';
import {CODE_NAMES, Code, Ev, F, H, RACE_LOCK, SharedState, T, epochNow} from './shared.js';

export interface ThreadSpec {
	name: string;
	job: Job;
	/** Seconds as given by the user, for the notebook's wording. */
	sleepSeconds: number;
}

export interface RunProgram {
	scene: string;
	threads: ThreadSpec[];
	main: MainProgram;
	/** Set for a race: the counter's settings, and how many reads each thread logs. */
	race?: {mode: CounterMode; increments: number; workMicros: number; readLog: number};
	/** Set for the deadlock scene: the lock order, and how many locks the threads share. */
	deadlock?: {order: LockOrder; locks: number; increments: number; workMicros: number};
	/** Set for a lane of the gil scene. */
	gil?: GilProgram;
}

/** How recordings and markers name a program: `sleepers`, `race unsafe`, `gil cpu`. */
export const programLabel = (program: RunProgram): string => {
	const mode = program.race?.mode ?? program.deadlock?.order ?? program.gil?.lane;
	return mode ? `${program.scene} ${mode}` : program.scene;
};

const EVENT_KINDS = {[Ev.sleep]: 'sleep', [Ev.wake]: 'wake', [Ev.print]: 'print', [Ev.fail]: 'fail'} as const;

export class RealRun implements Lab {
	readonly shared: SharedState;
	readonly #lock: Mutex;
	readonly #program: RunProgram;
	readonly #outcomes: Array<Promise<RunOutcome>>;
	readonly #errors: Array<string | undefined>;
	readonly #prints: string[] = [];
	readonly #events: EventSample[] = [];
	#origin = 0;
	#finishedAt: number | undefined;
	#main: MainState = 'starting';

	private constructor(pool: WorkerPool, program: RunProgram, workers: Worker[]) {
		this.#program = program;
		const threads = program.threads.length;
		const locks = program.deadlock?.locks ?? (program.gil ? GIL_LOCKS : 0);
		this.shared = SharedState.create({threads, events: threads * 3 + 16, readLog: program.race?.readLog ?? 0, locks});
		this.#lock = new Mutex(this.shared.i32, RACE_LOCK);
		this.#errors = program.threads.map(() => undefined);
		// Python's Thread(target=..., name=...): the job is handed over now, it runs on start().
		this.#outcomes = program.threads.map((spec, thread) =>
			pool
				.run(workers[thread]!, {type: 'run', buffer: this.shared.buffer, dims: this.shared.dims, thread, job: spec.job})
				.then((outcome) => this.#settle(thread, outcome)),
		);
	}

	/** Take warmed workers for every thread of the program and hand them their jobs. */
	static async prepare(pool: WorkerPool, program: RunProgram): Promise<RealRun> {
		return new RealRun(pool, program, await pool.acquire(program.threads.length));
	}

	/** Run the main thread's program, then wait for every thread, as the interpreter does at exit. */
	async run(): Promise<Sample> {
		this.#origin = epochNow();
		this.#main = 'running';
		try {
			const program = this.#program.main(this);
			for (let step = program.next(); !step.done; step = program.next()) await this.#join(step.value.join);
		} finally {
			this.#main = 'done';
			await Promise.all(this.#outcomes);
			this.#finishedAt = epochNow();
		}
		return this.sample();
	}

	thread(index: number): ThreadHandle {
		const {shared} = this;
		return {
			start: () => {
				const go = shared.cell(index, T.go);
				Atomics.store(shared.i32, go, 1);
				Atomics.notify(shared.i32, go);
			},
			join: () => ({join: index}),
		};
	}

	/** Block the main program until the thread is done or failed, waiting on its state cell. */
	async #join(index: number): Promise<void> {
		const {shared} = this;
		this.#main = 'joining';
		const cell = shared.cell(index, T.state);
		for (;;) {
			const code = Atomics.load(shared.i32, cell);
			if (code === Code.done || code === Code.failed) break;
			const wait = Atomics.waitAsync(shared.i32, cell, code);
			if (wait.async) await wait.value;
		}
		this.#main = 'running';
	}

	print(text: string): void {
		this.#prints.push(text);
		this.shared.emit(Ev.print, -1, this.#prints.length - 1);
	}

	/** Stop early: sleepers wake, counters stop, unstarted threads never start. Resolves when all are back. */
	async abort(): Promise<void> {
		const {shared} = this;
		Atomics.store(shared.i32, H.abort, 1);
		for (let t = 0; t < this.#program.threads.length; t++) {
			Atomics.notify(shared.i32, shared.cell(t, T.go));
			Atomics.notify(shared.i32, shared.cell(t, T.sleep));
			Atomics.notify(shared.i32, shared.cell(t, T.state));
		}
		// A deadlocked thread sleeps on a lock's state cell: wake it to see the abort.
		for (let k = 0; k < (shared.dims.locks ?? 0); k++) Atomics.notify(shared.i32, shared.lockCells(k).state);
		await Promise.all(this.#outcomes);
	}

	get finished(): boolean {
		return this.#finishedAt !== undefined;
	}

	sample(): Sample {
		const {shared} = this;
		const ms = (at: number) => (at === 0 ? null : at - this.#origin);
		const started = this.#main !== 'starting';
		const threads = this.#program.threads.map((spec, t): ThreadSample => {
			const sample: ThreadSample = {
				name: spec.name,
				state: CODE_NAMES[shared.state(t)],
				sleepSeconds: spec.sleepSeconds,
				startMs: ms(shared.time(t, F.startAt)),
				wakeMs: ms(shared.time(t, F.wakeAt)),
				endMs: ms(shared.time(t, F.endAt)),
				progress: Atomics.load(shared.i32, shared.cell(t, T.progress)),
				local: Atomics.load(shared.i32, shared.cell(t, T.local)),
			};
			const error = this.#errors[t];
			if (error !== undefined) sample.error = error;
			return sample;
		});
		for (let event = shared.event(this.#events.length); event; event = shared.event(this.#events.length)) {
			const sample: EventSample = {kind: EVENT_KINDS[event.kind], thread: event.thread, atMs: event.at - this.#origin};
			if (event.kind === Ev.print) sample.text = this.#prints[event.arg] ?? '';
			this.#events.push(sample);
		}
		const now = this.#finishedAt ?? epochNow();
		const sample: Sample = {
			scene: this.#program.scene,
			clockMs: started ? now - this.#origin : 0,
			main: this.#main,
			threads,
			events: [...this.#events],
			finished: this.finished,
		};
		if (this.#program.gil) sample.gil = readGil(this.#program.gil, shared);
		const {race} = this.#program;
		if (race) {
			sample.race = {
				mode: race.mode,
				increments: race.increments,
				workMicros: race.workMicros,
				expected: race.increments * threads.length,
				counter: Atomics.load(shared.i32, H.counter),
				holder: this.#lock.holder,
				contended: this.#lock.contended,
			};
			if (this.finished && race.mode === 'unsafe') sample.race.reads = threads.map((_, t) => shared.reads(t));
		}
		if (this.#program.deadlock) sample.deadlock = lockSample(shared, this.#program.deadlock, threads.length, this.#origin);
		return sample;
	}

	/** A worker that died without saying so is marked failed, so no join waits forever. */
	#settle(thread: number, outcome: RunOutcome): RunOutcome {
		if (!outcome.ok) {
			this.#errors[thread] = outcome.message;
			this.#lock.abandon(thread);
			// The GIL first: it also clears its own count of holders.
			abandonGil(this.shared, thread);
			for (let k = 0; k < (this.shared.dims.locks ?? 0); k++) new Mutex(this.shared.i32, this.shared.lockCells(k)).abandon(thread);
			if (this.shared.state(thread) !== Code.failed) {
				this.shared.setTime(thread, F.endAt, epochNow());
				this.shared.emit(Ev.fail, thread);
				this.shared.setState(thread, Code.failed);
			}
			// Whoever streams the events (headless.ts) may be holding this thread's failure line.
			Atomics.notify(this.shared.i32, H.events);
		}
		return outcome;
	}
}
