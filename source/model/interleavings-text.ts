/**
 * The interleavings scene's words and numbers, for every output (the screen, piped lines,
 * --json): one place says how a count and a share are written. Pure.
 */
import type {InterleavingCount, RaceShape} from './interleavings.js';

/** Real runs of the race beside the count: how many, and how many ended at each value. */
export interface RealTally {
	runs: number;
	byFinal: ReadonlyMap<number, number>;
}

/** 17153136n → "17,153,136": exact at any size, the same in every locale. */
export const groupedBig = (value: bigint): string => value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A share of the schedules in percent, never rounded to a false 0 or 100. */
export function percent(part: bigint, whole: bigint): string {
	if (whole === 0n || part === 0n) return '0%';
	if (part === whole) return '100%';
	const tenths = Number((part * 1000n) / whole);
	if (tenths === 0) return '<0.1%';
	if (tenths === 1000) return '>99.9%';
	return `${(tenths / 10).toFixed(1)}%`;
}

/** `2 threads × 3 increments, unsafe: 924 schedules` */
export const shapeLine = (shape: RaceShape, count: InterleavingCount): string =>
	`${shape.threads} threads × ${shape.increments} increment${shape.increments === 1 ? '' : 's'}, ${shape.mode}: ${groupedBig(count.schedules)} schedules`;

/** The finding in one line: the share that loses an update and the smallest outcome, or that every schedule is exact. */
export function findingLine(shape: RaceShape, count: InterleavingCount): string {
	const exact = shape.threads * shape.increments;
	if (count.minFinal === exact) return `every schedule ends at ${exact}: no update is ever lost`;
	const exactCount = count.byFinal.get(exact) ?? 0n;
	const lossy = percent(count.schedules - exactCount, count.schedules);
	return `${lossy} lose an update · smallest final ${count.minFinal}, not ${shape.increments}`;
}

/** Piped: one line per final value, each with its real runs when there were any. */
export function barLines(shape: RaceShape, count: InterleavingCount, real?: RealTally): string[] {
	const exact = shape.threads * shape.increments;
	return [...count.byFinal].map(([final, schedules]) => {
		const realText = real && real.runs > 0 ? ` · real ${real.byFinal.get(final) ?? 0} of ${real.runs}` : '';
		const tag = final === exact ? ' (exact)' : '';
		return `final ${final}${tag}: ${groupedBig(schedules)} schedules (${percent(schedules, count.schedules)})${realText}`;
	});
}

/** Piped: after the bars, what they add up to, and any real outcome the count says is impossible. */
export function summaryLines(shape: RaceShape, count: InterleavingCount, real?: RealTally): string[] {
	const lines = [shapeLine(shape, count), findingLine(shape, count)];
	if (real && real.runs > 0) {
		const hit = [...real.byFinal.keys()].sort((a, b) => a - b);
		lines.push(`real threads, ${real.runs} runs: ended at ${hit.join(', ')}`);
		const impossible = hit.filter((final) => !count.byFinal.has(final));
		if (impossible.length > 0) lines.push(`real runs ended where no schedule ends: ${impossible.join(', ')}`);
	}
	return lines;
}

/**
 * `--json`. Counts of schedules are decimal strings: 4 × 4 has 99,561,092,450,391,000
 * schedules, beyond 2^53, where a JSON number would silently round. Real run counts are numbers.
 */
export function interleavingsJson(shape: RaceShape, count: InterleavingCount, real?: RealTally) {
	const object = (entries: Iterable<[number, bigint | number]>) =>
		Object.fromEntries([...entries].map(([final, n]) => [String(final), typeof n === 'bigint' ? n.toString() : n]));
	return {
		scene: 'interleavings',
		threads: shape.threads,
		increments: shape.increments,
		mode: shape.mode,
		schedules: count.schedules.toString(),
		byFinal: object(count.byFinal),
		lossShare: count.lossShare,
		minFinal: count.minFinal,
		...(real && real.runs > 0 ? {real: {runs: real.runs, byFinal: object([...real.byFinal].sort(([a], [b]) => a - b))}} : {}),
	};
}
