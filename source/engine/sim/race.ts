/**
 * The race on the virtual clock: the shared counter, the mutex, and what each step of a
 * counting thread does to them (lock, read, work, write, add, unlock). `SimRun` keeps the
 * clock and the queue of steps; this decides what a step does and which step comes next.
 * The mutex is the real `Mutex` over cells of its own: the same tryLock, contend, claim
 * and unlock as on worker threads; a thread that would sleep in `Atomics.wait` is parked
 * here, and an unlock that wakes one hands the lock to a waiter drawn by the seed.
 */
import type {RaceSample} from '../../model/types.js';
import {type CounterMode, type Job, READ_LOG} from '../jobs.js';
import type {RunProgram} from '../run.js';
import {Mutex} from '../mutex.js';
import type {ThreadStateName} from '../shared.js';
import type {VirtualClock} from './clock.js';

/** Every step the simulator runs: a sleeper's wake, the race's, the lock pairs' (sim/locks.ts) and the GIL's (sim/gil.ts: take, slice, print). */
export type StepKind = 'wake' | 'lock' | 'read' | 'work' | 'write' | 'unlock' | 'add' | 'take' | 'count' | 'release' | 'slice' | 'print';
export type RaceStep = Exclude<StepKind, 'wake' | 'take' | 'count' | 'release' | 'slice' | 'print'>;

export interface SimThread {
	state: ThreadStateName;
	startMs: number | null;
	wakeMs: number | null;
	endMs: number | null;
	progress: number;
	local: number;
	reads: number[];
}

/** Virtual cost of a read, write or lock operation, in ms (1 µs), before jitter. */
export const OP_MS = 0.001;

/** Keep the last READ_LOG values, in order, in memory that never grows past twice that. */
function remember(reads: number[], value: number): void {
	reads.push(value);
	if (reads.length >= 2 * READ_LOG) reads.splice(0, reads.length - READ_LOG);
}

/** Steps one increment takes in each mode: read, work, write; lock … unlock; work, add. */
export const STEPS_PER_INCREMENT: Record<CounterMode, number> = {unsafe: 3, mutex: 5, atomic: 2};

/** The first step of each increment. */
export const firstStep = (mode: CounterMode): RaceStep => (mode === 'mutex' ? 'lock' : mode === 'atomic' ? 'work' : 'read');

export class SimRace {
	counter = 0;
	/** The lock, in memory of its own: nobody else shares it. */
	readonly mutex = new Mutex(new Int32Array(3), {state: 0, holder: 1, contended: 2});
	/** Threads parked on the lock, where a real one sleeps in `Atomics.wait`. */
	readonly #waiters: number[] = [];

	constructor(
		readonly threads: readonly SimThread[],
		readonly jobs: readonly Job[],
		readonly clock: VirtualClock<StepKind>,
		readonly finish: (thread: number) => void,
	) {}

	get holder(): number {
		return this.mutex.holder;
	}

	get contended(): number {
		return this.mutex.contended;
	}

	perform(index: number, kind: RaceStep): void {
		const thread = this.threads[index]!;
		const job = this.jobs[index]!;
		if (job.kind !== 'count') return;
		const {clock, mutex} = this;
		const op = () => clock.cost(OP_MS, 0.5);
		const next = () => {
			if (thread.progress < job.increments) clock.schedule(index, firstStep(job.mode), op());
			else this.finish(index);
		};
		switch (kind) {
			case 'lock':
				if (!mutex.tryLock(index)) {
					mutex.contend();
					if (!mutex.claim(index)) {
						thread.state = 'waiting';
						this.#waiters.push(index);
						break;
					}
				}
				thread.state = 'holding';
				clock.schedule(index, 'read', op());
				break;
			case 'read':
				thread.local = this.counter;
				if (job.mode === 'unsafe') remember(thread.reads, thread.local);
				clock.schedule(index, 'work', op());
				break;
			case 'work':
				clock.schedule(index, job.mode === 'atomic' ? 'add' : 'write', clock.cost(job.workMicros / 1000, 0.1));
				break;
			case 'write':
				this.counter = thread.local + 1;
				thread.progress++;
				if (mutex.holder === index) clock.schedule(index, 'unlock', op());
				else next();
				break;
			case 'add':
				thread.local = this.counter++;
				thread.progress++;
				next();
				break;
			case 'unlock':
				thread.state = 'running';
				if (mutex.unlock(index) && this.#waiters.length > 0) this.#wake();
				next();
				break;
			default: {
				const unknown: never = kind;
				throw new Error(`unknown step ${String(unknown)}`);
			}
		}
	}

	/** The unlock woke one sleeper: the seed draws which, and its `claim` takes the lock. */
	#wake(): void {
		const [woken] = this.#waiters.splice(this.clock.random(this.#waiters.length - 1), 1);
		if (!this.mutex.claim(woken!)) throw new Error(`thread ${woken} was woken but the lock is taken`);
		this.threads[woken!]!.state = 'holding';
		this.clock.schedule(woken!, 'read', this.clock.cost(OP_MS * 5, 1));
	}

	/** The sample's counter; once an unsafe run is over, each thread's last reads (to find who collided). */
	sample({mode, increments, workMicros}: NonNullable<RunProgram['race']>, finished: boolean): RaceSample {
		const {counter, holder, contended} = this;
		const race: RaceSample = {mode, increments, workMicros, expected: increments * this.threads.length, counter, holder, contended};
		if (finished && mode === 'unsafe') race.reads = this.threads.map((t) => t.reads.slice(-READ_LOG));
		return race;
	}
}
