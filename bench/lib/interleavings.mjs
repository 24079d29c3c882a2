// The interleavings section of bench/bench.mjs: counting every schedule of a small unsafe race
// exactly (source/model/interleavings.ts, imported from the built dist/index.js).
import {once} from 'node:events';
import {performance} from 'node:perf_hooks';
import {Worker} from 'node:worker_threads';

/** Timed in the bench's process: the two cases, its goal ≤ 1 s each, then 4 × 4 (past 2^53). */
export const TIMED = [
	{shape: {threads: 3, increments: 3, mode: 'unsafe'}, goal: {op: '<=', value: 1000, text: '≤ 1 s'}},
	{shape: {threads: 4, increments: 2, mode: 'unsafe'}, goal: {op: '<=', value: 1000, text: '≤ 1 s'}},
	{shape: {threads: 4, increments: 4, mode: 'unsafe'}, goal: null},
];

const factorial = (n) => (n <= 1 ? 1n : BigInt(n) * factorial(n - 1));
/** An unsafe race's schedules: (2KT)! / ((2K)!)^T, known without counting: the search's order. */
export const unsafeSchedules = (threads, increments) => factorial(2 * increments * threads) / factorial(2 * increments) ** BigInt(threads);

/** ms to count `shape` once, with what the count found. */
export function timeCount(countInterleavings, shape) {
	const start = performance.now();
	const result = countInterleavings(shape);
	return {ms: performance.now() - start, schedules: result.schedules, states: result.states};
}

/** Counts `shape` in the worker below, the worker's own clock around the count alone. */
const WORKER = `
const {parentPort, workerData} = require('node:worker_threads');
const {performance} = require('node:perf_hooks');
import(workerData.index).then(({countInterleavings}) => {
	parentPort.on('message', (shape) => {
		const start = performance.now();
		const {schedules, states} = countInterleavings(shape);
		parentPort.postMessage({ms: performance.now() - start, schedules: String(schedules), states});
	});
	parentPort.postMessage('ready');
});
`;

/**
 * The largest unsafe T × K (T 2..4, K 1..8) counted within `budgetMs` of counting in all:
 * the shapes in order of their number of schedules, counted one after the other in a worker
 * (which loads the library once, before the budget starts); the count still running when
 * the budget is spent is stopped there.
 */
export async function largestWithin(index, budgetMs) {
	const shapes = [2, 3, 4]
		.flatMap((threads) => [1, 2, 3, 4, 5, 6, 7, 8].map((increments) => ({threads, increments, mode: 'unsafe'})))
		.sort((a, b) => Number(unsafeSchedules(a.threads, a.increments) - unsafeSchedules(b.threads, b.increments)));
	const worker = new Worker(WORKER, {eval: true, workerData: {index}});
	/** The worker's next message, or null if none came within `timeoutMs`. */
	const reply = async (timeoutMs) => {
		try {
			const [message] = await once(worker, 'message', {signal: AbortSignal.timeout(Math.max(0, Math.ceil(timeoutMs)))});
			return message;
		} catch (error) {
			if (error?.name === 'AbortError') return null;
			throw error;
		}
	};
	if ((await reply(60_000)) !== 'ready') throw new Error('the counting worker did not start');
	const counted = [];
	let stopped = null;
	let spentMs = 0;
	for (const shape of shapes) {
		const start = performance.now();
		worker.postMessage(shape);
		const answer = await reply(budgetMs - spentMs);
		spentMs += performance.now() - start;
		if (answer === null) {
			stopped = {shape, afterMs: performance.now() - start};
			break;
		}
		counted.push({shape, ms: answer.ms, schedules: BigInt(answer.schedules), states: answer.states});
	}
	await worker.terminate();
	return {counted, largest: counted.at(-1) ?? null, stopped, spentMs};
}
