/**
 * A mutex on shared memory: the three-state futex lock (Drepper, "Futexes Are
 * Tricky"). 0 free, 1 locked, 2 locked and somebody may be asleep on it.
 * Taking it is one compare-exchange when free; a contended taker first backs off
 * a few times, then sleeps in `Atomics.wait`, and an unlock with waiters wakes
 * exactly one.
 *
 * A lock is an object over three cells of its own (`LockCells`), so a run can hold several
 * in one buffer. Its rules are written once: `lock` is `tryLock`, then `contend` and `claim`
 * around `Atomics.wait`; the seeded simulator runs the same `tryLock`, `contend`, `claim`
 * and `unlock`, parking a thread where a real one sleeps.
 * Bundled into the worker script: no imports besides node:os.
 */
import {availableParallelism} from 'node:os';

/** Int32 indexes of a lock's cells. */
export interface LockCells {
	/** 0 free, 1 locked, 2 locked and a taker may be asleep on it. */
	state: number;
	/** Thread index + 1 of the holder, 0 none. */
	holder: number;
	/** Acquisitions that had to wait. */
	contended: number;
}

const FREE = 0;
const LOCKED = 1;
const CONTENDED = 2;

/**
 * A taker that finds the lock held waits a little, without touching the lock's cache line,
 * and looks again: 32, 64, … 512 steps of local arithmetic (JavaScript has no pause
 * instruction), about 2 µs in all, before it goes to sleep. As Go's sync.Mutex spins a few
 * times before it parks, and only with more than one core (the holder needs one to run).
 * Measured, 4 threads × 1,000,000 increments on 2 cores: 17.7 → 37.7 M/s, and a tenth of
 * the sleeps; with a critical section of 200 µs it changes nothing.
 */
const BACKOFF_ROUNDS = availableParallelism() > 1 ? 5 : 0;
/** How long `lockUnless` sleeps at most before it looks at its stop flag again. */
const STOP_CHECK_MS = 100;
/** Where the back-off's arithmetic goes, so that it is not optimised away. */
let sink = 0;

export class Mutex {
	// The cells as plain numbers: the uncontended lock and unlock read no other object.
	readonly #state: number;
	readonly #holder: number;
	readonly #contended: number;

	constructor(
		readonly i32: Int32Array,
		readonly cells: LockCells,
	) {
		this.#state = cells.state;
		this.#holder = cells.holder;
		this.#contended = cells.contended;
	}

	/** Take the lock for `owner` (a thread index), sleeping while it is held. Returns true when it had to wait. */
	lock(owner: number, onWait?: () => void): boolean {
		if (this.tryLock(owner)) return false;
		this.contend();
		onWait?.();
		const c = this.#backOff(owner);
		if (c === FREE) return true;
		// Drepper's third mutex: mark the lock contended, sleep, and try again each time it is released.
		if (c === CONTENDED || !this.claim(owner)) {
			do Atomics.wait(this.i32, this.#state, CONTENDED);
			while (!this.claim(owner));
		}
		return true;
	}

	/**
	 * Take the lock unless `stopped()` turns true while waiting: false then, and not held. A
	 * deadlocked thread waits here forever, so whoever stops the run sets its flag and notifies
	 * the lock's state cell; the timed sleep covers a notify that came just before it.
	 */
	lockUnless(owner: number, stopped: () => boolean, onWait?: () => void): boolean {
		if (this.tryLock(owner)) return true;
		this.contend();
		onWait?.();
		while (!this.claim(owner)) {
			if (stopped()) return false;
			Atomics.wait(this.i32, this.#state, CONTENDED, STOP_CHECK_MS);
		}
		return true;
	}

	/** Take the lock for `owner` if it is free, without waiting. True when `owner` now holds it. */
	tryLock(owner: number): boolean {
		if (Atomics.compareExchange(this.i32, this.#state, FREE, LOCKED) !== FREE) return false;
		this.#hold(owner);
		return true;
	}

	/** Count a taker that found the lock held and is going to wait for it (once per acquisition). */
	contend(): void {
		Atomics.add(this.i32, this.#contended, 1);
	}

	/**
	 * A waiting taker's try: mark the lock contended (somebody may now sleep on it, so its
	 * unlock must wake one) and take it if it was free. True when `owner` now holds it.
	 */
	claim(owner: number): boolean {
		if (Atomics.exchange(this.i32, this.#state, CONTENDED) !== FREE) return false;
		this.#hold(owner);
		return true;
	}

	/**
	 * Release the lock. Only its holder may: anyone else gets an error and the lock stays held.
	 * True when it was contended: one sleeper was woken, and should `claim` it.
	 */
	unlock(owner: number): boolean {
		const holder = this.i32[this.#holder] ?? 0;
		if (holder !== owner + 1) {
			throw new Error(
				holder === 0 ? `thread ${owner} unlocked a mutex nobody holds` : `thread ${owner} unlocked a mutex held by thread ${holder - 1}`,
			);
		}
		this.i32[this.#holder] = 0;
		if (Atomics.sub(this.i32, this.#state, 1) === LOCKED) return false;
		Atomics.store(this.i32, this.#state, FREE);
		Atomics.notify(this.i32, this.#state, 1);
		return true;
	}

	/**
	 * The holder died without unlocking (its worker exited): free the lock and wake every
	 * waiter, so the others finish instead of waiting forever. Only for a dead holder.
	 */
	abandon(owner: number): void {
		if (Atomics.compareExchange(this.i32, this.#holder, owner + 1, 0) !== owner + 1) return;
		Atomics.store(this.i32, this.#state, FREE);
		Atomics.notify(this.i32, this.#state);
	}

	/** Thread index of the holder, or -1. */
	get holder(): number {
		return Atomics.load(this.i32, this.#holder) - 1;
	}

	get contended(): number {
		return Atomics.load(this.i32, this.#contended);
	}

	/** The lock's state cell: 0 free, 1 locked, 2 locked and contended. */
	get state(): number {
		return Atomics.load(this.i32, this.#state);
	}

	// A plain write: the lock's compare-exchange and release order it for every later holder;
	// the screen's Atomics.load of a display-only value may see it a moment late.
	#hold(owner: number): void {
		this.i32[this.#holder] = owner + 1;
	}

	/** Waits a little and tries again, a few times; the lock's last value (FREE: taken). */
	#backOff(owner: number): number {
		let c: number = LOCKED;
		for (let round = 0; round < BACKOFF_ROUNDS; round++) {
			for (let i = 0, steps = 32 << round; i < steps; i++) sink = (Math.imul(sink, 31) + i) | 0;
			c = Atomics.load(this.i32, this.#state);
			if (c !== FREE) continue;
			if (this.tryLock(owner)) return FREE;
			c = LOCKED; // another taker was first
		}
		return c;
	}
}
