/**
 * The simulator's virtual clock: the time, the queue of pending steps, and the seeded generator
 * that draws every cost and breaks every tie. Every draw goes through here, in the order the
 * steps ask for them, so a seed always gives the same run.
 */
import {uniformInt} from 'pure-rand/distribution/uniformInt';
import {xoroshiro128plus} from 'pure-rand/generator/xoroshiro128plus';
import {MinHeap} from './heap.js';

export interface Step<Kind extends string> {
	at: number;
	/** A seeded draw: which of two steps due at the same instant comes first. */
	order: number;
	thread: number;
	kind: Kind;
}

export class VirtualClock<Kind extends string> {
	readonly #rng: ReturnType<typeof xoroshiro128plus>;
	readonly #queue = new MinHeap<Step<Kind>>((a, b) => a.at < b.at || (a.at === b.at && a.order < b.order));
	/** Steps scheduled so far: breaks ties between steps due at the same instant and draw. */
	#scheduled = 0;
	#now = 0;

	constructor(seed: number) {
		this.#rng = xoroshiro128plus(seed | 0);
	}

	/** Virtual ms. */
	get now(): number {
		return this.#now;
	}

	/** Move the clock on to `ms` (never back). */
	reach(ms: number): void {
		this.#now = Math.max(this.#now, ms);
	}

	/** Virtual ms of the next step, if any. */
	get next(): number | undefined {
		return this.#queue.peek()?.at;
	}

	/** An integer from 0 to `max`. */
	random(max: number): number {
		return uniformInt(this.#rng, 0, max);
	}

	/** `base` ms with up to `spread` (0..1) of it added, in whole nanoseconds so every machine agrees. */
	cost(base: number, spread: number): number {
		const ns = Math.round(base * 1e6);
		return (ns + this.random(Math.round(ns * spread))) / 1e6;
	}

	/** `thread` takes a `kind` step `delayMs` from now. */
	schedule(thread: number, kind: Kind, delayMs: number): void {
		this.#queue.push({at: this.#now + delayMs, order: this.random(0x3fffffff) * 1024 + (this.#scheduled++ % 1024), thread, kind});
	}

	/** Take the step due first and move the clock to it. */
	pop(): Step<Kind> | undefined {
		const step = this.#queue.pop();
		if (step) this.reach(step.at);
		return step;
	}
}
