/**
 * The deadlock scene on the virtual clock: each thread takes its first lock, works, takes its
 * second, counts, releases both. The locks are real `Mutex`es over cells of their own (the same
 * tryLock, contend, claim and unlock as on worker threads); a taker that would sleep in
 * `Atomics.wait` is parked. When every thread of a wait-for cycle is parked nobody can ever
 * unpark them: the run ends there, deadlocked, as a real one would stay forever.
 */
import type {DeadlockSample} from '../../model/types.js';
import type {Job} from '../jobs.js';
import type {RunProgram} from '../run.js';
import {lockPair} from '../lock-pair.js';
import {Mutex} from '../mutex.js';
import type {VirtualClock} from './clock.js';
import {OP_MS, type SimThread, type StepKind} from './race.js';

type LocksJob = Extract<Job, {kind: 'locks'}>;
export type LockStep = 'take' | 'count' | 'release';
/** What a step did, for the narration: `took`, `waits` (value: the lock), `counted` (the counter), `released`. */
export interface LockMove {
	kind: 'took' | 'waits' | 'counted' | 'released';
	value: number;
}

export class SimLocks {
	counter = 0;
	readonly mutexes: Mutex[];
	/** Per thread: the lock it is parked on, -1 none; and since when. */
	readonly waits: number[];
	readonly waitMs: Array<number | null>;
	readonly #parked: number[][];
	/** Per thread: 0 taking its first lock, 1 its second. */
	readonly #phase: number[];

	constructor(
		readonly threads: readonly SimThread[],
		readonly jobs: readonly Job[],
		readonly clock: VirtualClock<StepKind>,
		readonly finish: (thread: number) => void,
		readonly deadlocked: () => void,
	) {
		const locks = (jobs.find((job) => job.kind === 'locks') as LocksJob | undefined)?.locks ?? 0;
		const i32 = new Int32Array(locks * 3);
		this.mutexes = Array.from({length: locks}, (_, k) => new Mutex(i32, {state: 3 * k, holder: 3 * k + 1, contended: 3 * k + 2}));
		this.#parked = this.mutexes.map(() => []);
		this.waits = threads.map(() => -1);
		this.waitMs = threads.map(() => null);
		this.#phase = threads.map(() => 0);
	}

	/** A real thread needs 50–550 µs to wake on start here: the seed draws each thread's start, so some pairs never overlap. */
	start(index: number): void {
		this.threads[index]!.state = 'running';
		this.clock.schedule(index, 'take', this.clock.cost(0.05, 10));
	}

	perform(index: number, kind: LockStep): LockMove {
		const job = this.jobs[index] as LocksJob;
		const thread = this.threads[index]!;
		const [first, second] = lockPair(index, job.locks, job.order);
		const op = () => this.clock.cost(OP_MS, 0.5);
		switch (kind) {
			case 'take': {
				const k = this.#phase[index] === 0 ? first : second;
				const mutex = this.mutexes[k]!;
				if (!mutex.tryLock(index)) {
					mutex.contend();
					if (!mutex.claim(index)) {
						thread.state = 'waiting';
						this.waits[index] = k;
						this.waitMs[index] = this.clock.now;
						this.#parked[k]!.push(index);
						if (this.#cycle()) this.deadlocked();
						return {kind: 'waits', value: k};
					}
				}
				this.#took(index, job);
				return {kind: 'took', value: k};
			}
			case 'count':
				thread.local = this.counter++;
				thread.progress++;
				this.clock.schedule(index, 'release', op());
				return {kind: 'counted', value: this.counter};
			case 'release': {
				thread.state = 'running';
				for (const k of [second, first]) if (this.mutexes[k]!.unlock(index)) this.#wake(k, job);
				this.#phase[index] = 0;
				if (thread.progress < job.increments) this.clock.schedule(index, 'take', op());
				else this.finish(index);
				return {kind: 'released', value: first};
			}
		}
	}

	/** After a take: work before the second lock, or count once both are held. */
	#took(index: number, job: LocksJob): void {
		this.threads[index]!.state = 'holding';
		if (this.#phase[index] === 0) {
			this.#phase[index] = 1;
			this.clock.schedule(index, 'take', this.clock.cost(job.workMicros / 1000, 0.5));
		} else this.clock.schedule(index, 'count', this.clock.cost(OP_MS, 0.5));
	}

	/** The unlock woke one sleeper of lock `k`: the seed draws which, and its `claim` takes the lock. */
	#wake(k: number, job: LocksJob): void {
		const parked = this.#parked[k]!;
		if (parked.length === 0) return;
		const [woken] = parked.splice(this.clock.random(parked.length - 1), 1);
		if (!this.mutexes[k]!.claim(woken!)) throw new Error(`thread ${woken} was woken but lock ${k} is taken`);
		this.waits[woken!] = -1;
		this.waitMs[woken!] = null;
		this.#took(woken!, job);
	}

	/** Whether the parked threads wait on each other in a loop. */
	#cycle(): boolean {
		for (let start = 0; start < this.threads.length; start++) {
			const seen = new Set<number>();
			for (let t = start; t >= 0 && !seen.has(t); ) {
				seen.add(t);
				const k = this.waits[t]!;
				t = k < 0 ? -1 : this.mutexes[k]!.holder;
				if (t === start) return true;
			}
		}
		return false;
	}

	/** The sample's locks: who holds each, who waits for which and since when, and the counter they guard. */
	sample({order, increments, workMicros}: NonNullable<RunProgram['deadlock']>): DeadlockSample {
		return {
			order,
			increments,
			workMicros,
			expected: increments * this.waits.length,
			counter: this.counter,
			holders: this.mutexes.map((mutex) => mutex.holder),
			waits: [...this.waits],
			waitMs: [...this.waitMs],
		};
	}
}
