/**
 * A thread scene's summary line and its figures: elapsed against the sleeps one after another
 * (sleepers) or all at once (sequential), or when hello was printed against the wake.
 */
import {fixed, plural} from './format.js';
import type {Sample} from './types.js';

/** The comparison the summary line makes: `sequential would take 10.00 s · 4.95× faster`. */
export interface Comparison {
	/** `sequential`: the sleeps one after another (sleepers); `concurrent`: all at once, the longest sleep (sequential). */
	baseline: 'sequential' | 'concurrent';
	baselineMs: number;
	/** baseline ÷ elapsed when faster, elapsed ÷ baseline when slower; two decimals, as printed. */
	factor: number;
	direction: 'faster' | 'slower';
}

export interface Summary {
	elapsedMs: number;
	/** n × sleep: the time the threads' sleeps add up to. */
	sequentialMs: number;
	/** The longest single sleep: what all at once would take. */
	concurrentMs: number;
	/** sequentialMs ÷ elapsedMs: times faster than the sleeps one after another (≈ 1 for `sequential`). */
	speedup: number;
	/** What the line compares with; null for start, hello and join, whose line compares nothing. */
	comparison: Comparison | null;
	failed: number;
	line: string;
}

function summaryLine(sample: Sample, s: Omit<Summary, 'line'>): string {
	const elapsed = `elapsed ${fixed(s.elapsedMs)} s`;
	const first = sample.threads[0];
	const wake = first?.wakeMs;
	const hello = sample.events.find((event) => event.kind === 'print');
	const wakeText = first && wake != null ? `${first.name} woke at ${fixed(wake)} s` : `${first?.name ?? 'the thread'} never woke`;
	let line: string;
	switch (sample.scene) {
		case 'start':
			line = `${elapsed} · start() returned at once · ${wakeText}`;
			break;
		case 'hello':
		case 'join': {
			const at = hello ? `hello at ${fixed(hello.atMs)} s` : 'no hello';
			const order = hello && wake != null ? (hello.atMs < wake ? 'before' : 'after') : 'while';
			line = `${elapsed} · ${at}, ${order} ${wakeText}`;
			break;
		}
		default: {
			const c = s.comparison!;
			const would = c.baseline === 'sequential' ? 'sequential would take' : 'all at once would take';
			line = `${elapsed} · ${would} ${fixed(c.baselineMs)} s · ${c.factor.toFixed(2)}× ${c.direction}`;
		}
	}
	// A failure goes first: it must not be what a narrow terminal cuts off.
	return s.failed > 0 ? `${plural(s.failed, 'thread')} failed · ${line}` : line;
}

export function summarize(sample: Sample): Summary {
	const sleeps = sample.threads.map((thread) => thread.sleepSeconds * 1000);
	const elapsedMs = sample.clockMs;
	const sequentialMs = sleeps.reduce((a, b) => a + b, 0);
	const concurrentMs = Math.max(0, ...sleeps);
	const failed = sample.threads.filter((thread) => thread.state === 'failed').length;
	const speedup = elapsedMs > 0 ? sequentialMs / elapsedMs : 0;
	const partial = {
		elapsedMs,
		sequentialMs,
		concurrentMs,
		speedup,
		comparison: compare(sample.scene, elapsedMs, sequentialMs, concurrentMs, speedup),
		failed,
	};
	return {...partial, line: summaryLine(sample, partial)};
}

/** `x.toFixed(2)` as a number: the factor the line prints, so JSON and screen say the same. */
const printed = (x: number) => Number(x.toFixed(2));

function compare(scene: string, elapsedMs: number, sequentialMs: number, concurrentMs: number, speedup: number): Comparison | null {
	if (scene === 'start' || scene === 'hello' || scene === 'join') return null;
	if (scene === 'sequential')
		return {
			baseline: 'concurrent',
			baselineMs: concurrentMs,
			factor: printed(concurrentMs > 0 ? elapsedMs / concurrentMs : 0),
			direction: 'slower',
		};
	return {baseline: 'sequential', baselineMs: sequentialMs, factor: printed(speedup), direction: 'faster'};
}
