/**
 * The main thread's program on the virtual clock: it runs until it joins a thread that is
 * still going, and goes on when that thread ends.
 */
import type {MainState} from '../../model/types.js';
import type {Join} from '../lab.js';
import type {SimThread} from './race.js';

export class SimMain {
	state: MainState = 'starting';
	readonly #threads: readonly SimThread[];
	#program: Generator<Join, void, void> | undefined;
	#blockedOn = -1;

	constructor(threads: readonly SimThread[]) {
		this.#threads = threads;
	}

	/** Start the program (once): it runs at once, up to its first join of a thread still going. */
	begin(program: () => Generator<Join, void, void>): void {
		if (this.state !== 'starting') return;
		this.state = 'running';
		this.#program = program();
		this.#resume();
	}

	/** A thread ended: if the program was joining it, it goes on. */
	ended(index: number): void {
		if (this.#blockedOn !== index) return;
		this.#blockedOn = -1;
		this.state = 'running';
		this.#resume();
	}

	#resume(): void {
		const program = this.#program!;
		for (let step = program.next(); !step.done; step = program.next()) {
			if (this.#threads[step.value.join]!.state !== 'done') {
				this.state = 'joining';
				this.#blockedOn = step.value.join;
				return;
			}
		}
		this.state = 'done';
	}
}
