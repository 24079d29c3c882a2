/**
 * The race on the virtual clock: the shared counter, the mutex, and what each step of a
 * counting thread does to them (lock, read, work, write, add, unlock). `SimRun` keeps the
 * clock and the queue of steps; this decides what a step does and which step comes next.
 */
import type {CounterMode, Job} from '../jobs.js';
import type {ThreadStateName} from '../shared.js';

export type StepKind = 'wake' | 'lock' | 'read' | 'work' | 'write' | 'unlock' | 'add';
export type RaceStep = Exclude<StepKind, 'wake'>;

export interface SimThread {
	state: ThreadStateName;
	startMs: number | null;
	wakeMs: number | null;
	endMs: number | null;
	progress: number;
	local: number;
	reads: number[];
}

/** What the race needs from the run that schedules it. */
export interface SimClock {
	schedule(thread: number, kind: StepKind, delayMs: number): void;
	/** `base` ms with up to `spread` (0..1) of it added, drawn from the run's seeded generator. */
	cost(base: number, spread: number): number;
	/** An integer from 0 to `max`, from the run's seeded generator. */
	random(max: number): number;
	finish(thread: number): void;
}

/** Virtual cost of a read, write or lock operation, in ms (1 µs), before jitter. */
export const OP_MS = 0.001;

/** How many of a thread's last reads are kept: what the collision finder looks at, no more. */
export const READS_KEPT = 256;

/** Keep the last READS_KEPT values, in order, in memory that never grows past twice that. */
function remember(reads: number[], value: number): void {
	reads.push(value);
	if (reads.length >= 2 * READS_KEPT) reads.splice(0, reads.length - READS_KEPT);
}

/** Steps one increment takes in each mode: read, work, write; lock … unlock; work, add. */
export const STEPS_PER_INCREMENT: Record<CounterMode, number> = {unsafe: 3, mutex: 5, atomic: 2};

/** The first step of each increment. */
export const firstStep = (mode: CounterMode): RaceStep => (mode === 'mutex' ? 'lock' : mode === 'atomic' ? 'work' : 'read');

export class SimRace {
	counter = 0;
	holder = -1;
	contended = 0;
	readonly #waiters: number[] = [];

	constructor(
		readonly threads: readonly SimThread[],
		readonly jobs: readonly Job[],
		readonly clock: SimClock,
	) {}

	perform(index: number, kind: RaceStep): void {
		const thread = this.threads[index]!;
		const job = this.jobs[index]!;
		if (job.kind !== 'count') return;
		const {clock} = this;
		const op = () => clock.cost(OP_MS, 0.5);
		const next = () => {
			if (thread.progress < job.increments) clock.schedule(index, firstStep(job.mode), op());
			else clock.finish(index);
		};
		switch (kind) {
			case 'lock':
				if (this.holder < 0) {
					this.holder = index;
					thread.state = 'holding';
					clock.schedule(index, 'read', op());
				} else {
					this.contended++;
					thread.state = 'waiting';
					this.#waiters.push(index);
				}
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
				if (this.holder === index) clock.schedule(index, 'unlock', op());
				else next();
				break;
			case 'add':
				thread.local = this.counter++;
				thread.progress++;
				next();
				break;
			case 'unlock': {
				this.holder = -1;
				thread.state = 'running';
				if (this.#waiters.length > 0) {
					const [woken] = this.#waiters.splice(clock.random(this.#waiters.length - 1), 1);
					this.holder = woken!;
					this.threads[woken!]!.state = 'holding';
					clock.schedule(woken!, 'read', clock.cost(OP_MS * 5, 1));
				}
				next();
				break;
			}
			default: {
				const unknown: never = kind;
				throw new Error(`unknown step ${String(unknown)}`);
			}
		}
	}
}
