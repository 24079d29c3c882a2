/** The lock panel's figures, reduced from a race sample. Pure. */
import type {CounterMode, Sample} from './types.js';

export interface Collision {
	first: string;
	second: string;
	/** The value both threads read; both then wrote value + 1. */
	value: number;
	/** Every thread whose last reads hold that value (two or more), in thread order. */
	readers?: string[];
}

export interface RaceResult {
	mode: CounterMode;
	threads: number;
	increments: number;
	workMicros: number;
	expected: number;
	actual: number;
	lost: number;
	/** 0..100 */
	lostPercent: number;
	elapsedMs: number;
	opsPerSec: number;
	contended: number;
	/** Name of the thread holding the mutex now, if any. */
	holder: string | null;
	collision: Collision | null;
	finished: boolean;
	failed: number;
}

/**
 * One concrete lost update: a value that two different threads both read
 * (each then wrote value + 1, so one increment vanished). `reads[t]` are the
 * values thread t read, oldest first. Of all the values read twice it takes
 * the highest, the latest collision, so the pair named is whichever threads
 * really collided last, not the first two threads that ever did.
 */
export function findCollision(
	reads: readonly (readonly number[])[],
	names: readonly string[],
	finished: readonly boolean[] = [],
): Collision | null {
	// A thread still counting may not have written its last read yet: that read cannot be
	// said to have `wrote value + 1`, so it is left out until the thread is done.
	reads = reads.map((values, thread) => (finished[thread] === false ? values.slice(0, -1) : values));
	const readBy = new Map<number, number>();
	let found: {value: number; first: number; second: number} | null = null;
	for (const [thread, values] of reads.entries()) {
		for (const value of values) {
			const other = readBy.get(value);
			if (other === undefined) readBy.set(value, thread);
			else if (other !== thread && (found === null || value > found.value)) found = {value, first: other, second: thread};
		}
	}
	if (!found) return null;
	const name = (index: number) => names[index] ?? `thread ${index}`;
	const value = found.value;
	const readers = reads.flatMap((values, thread) => (values.includes(value) ? [name(thread)] : []));
	return {first: name(found.first), second: name(found.second), value, readers};
}

/** `thread_1 and thread_3 both read 41 and wrote 42: one update lost` (three readers: two lost). */
export function collisionText({first, second, value, readers = [first, second]}: Collision): string {
	const lost = readers.length - 1;
	const who = readers.length > 2 ? `${readers.slice(0, -1).join(', ')} and ${readers.at(-1)} all` : `${readers[0]} and ${readers[1]} both`;
	return `${who} read ${value} and wrote ${value + 1}: ${lost === 1 ? 'one update' : `${lost} updates`} lost`;
}

export function raceResult(sample: Sample): RaceResult | null {
	const race = sample.race;
	if (!race) return null;
	const names = sample.threads.map((thread) => thread.name);
	const done = sample.threads.reduce((sum, thread) => sum + thread.progress, 0);
	// "Lost" compares with the increments the threads did so far: while running, and when a
	// failed thread never did the rest of its share.
	const target = done;
	const lost = Math.max(0, target - race.counter);
	return {
		mode: race.mode,
		threads: sample.threads.length,
		increments: race.increments,
		workMicros: race.workMicros,
		expected: race.expected,
		actual: race.counter,
		lost,
		lostPercent: target > 0 ? (lost / target) * 100 : 0,
		elapsedMs: sample.clockMs,
		opsPerSec: sample.clockMs > 0 ? (done / sample.clockMs) * 1000 : 0,
		contended: race.contended,
		holder: race.holder >= 0 ? (names[race.holder] ?? null) : null,
		collision: race.reads
			? findCollision(
					race.reads,
					names,
					sample.threads.map((thread) => thread.state === 'done' || thread.state === 'failed'),
				)
			: null,
		finished: sample.finished,
		failed: sample.threads.filter((thread) => thread.state === 'failed').length,
	};
}

/** `1234567` → `1.23M`, `3199` → `3.2k`: rates in one format, side by side. */
export function compact(value: number): string {
	if (value >= 1e9) return `${(value / 1e9).toFixed(2)}G`;
	if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
	if (value >= 999.5) return `${(value / 1e3).toFixed(1)}k`;
	return String(Math.round(value));
}

/** The one plain line per mode: expected / actual / lost / elapsed / rate. */
export function raceLine(r: RaceResult): string {
	const parts = [
		r.mode.padEnd(6),
		`expected ${r.expected}`,
		`actual ${r.actual}`,
		`lost ${r.lost} (${r.lostPercent.toFixed(1)}%)`,
		`elapsed ${(r.elapsedMs / 1000).toFixed(2)} s`,
		`${compact(r.opsPerSec)} increments/s`,
	];
	if (r.mode === 'mutex') parts.push(`contended ${r.contended}`);
	if (r.failed > 0) parts.push(`${r.failed} failed`);
	return parts.join(' · ');
}
