// 5. memory: VmRSS of the interactive app with 1, 64 and 256 sleeping threads, and an empty worker.
import {MEMORY_THREADS} from './config.mjs';
import {median, stats} from './proc.mjs';
import {emptyWorkerMb} from './python.mjs';
import {row, skipped} from './table.mjs';

/** The memory rows from the shared sessions (null without a pty). */
export function memoryRows(sessions) {
	const rows = [];
	if (!sessions) {
		for (const n of MEMORY_THREADS) rows.push(skipped(`memory.threads${n}`, `sleepers -t ${n}: VmRSS`, 'MB', 'no pty'));
		rows.push(skipped('memory.perThread', 'MB per extra thread', 'MB/thread', 'no pty', {text: '≤ 6 MB'}));
		rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'no pty'));
		rows.push(skipped('memory.overhead', 'threadlab per thread above an empty worker', 'MB/thread', 'no pty', {text: '≤ 0.3 MB'}));
		return rows;
	}
	const rss = (n) => stats(sessions.get(n).map((r) => r.rssMb));
	for (const n of MEMORY_THREADS) rows.push(row(`memory.threads${n}`, `sleepers -t ${n} on a pty: VmRSS`, 'MB', rss(n)));
	const [low, high] = [MEMORY_THREADS[0], MEMORY_THREADS.at(-1)];
	const perThread = sessions.get(high).map((r, i) => (r.rssMb - sessions.get(low)[i].rssMb) / (high - low));
	const mid = MEMORY_THREADS[1];
	const perMid = median(sessions.get(mid).map((r, i) => (r.rssMb - sessions.get(low)[i].rssMb) / (mid - low)));
	rows.push(
		row(
			'memory.perThread',
			`MB per extra thread (${low} → ${high} threads)`,
			'MB/thread',
			stats(perThread),
			{op: '<=', value: 6, text: '≤ 6 MB'},
			`${low} → ${mid} threads: ${perMid.toFixed(2)} MB per thread`,
		),
	);
	// As many empty workers as the sessions add (1 → 256: 255), one measurement per session run.
	const empty = Array.from({length: perThread.length}, () => emptyWorkerMb(high - low));
	const goal = {op: '<=', value: 0.3, text: '≤ 0.3 MB'};
	if (empty.every((mb) => mb === null)) {
		rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'the empty workers did not start'));
		rows.push(skipped('memory.overhead', 'threadlab per thread above an empty worker', 'MB/thread', 'no empty workers', goal));
		return rows;
	}
	rows.push(
		row(
			'memory.emptyWorker',
			`an empty Node worker (${high - low} started at once, same resourceLimits)`,
			'MB/thread',
			stats(empty),
			null,
			`the floor of one worker per thread on node ${process.versions.node}: no threadlab code in it`,
		),
	);
	const overhead = perThread.map((mb, i) => (empty[i] === null ? null : mb - empty[i]));
	rows.push(
		row(
			'memory.overhead',
			'threadlab per thread above an empty worker (paired runs)',
			'MB/thread',
			stats(overhead),
			goal,
			'per extra thread of the app (1 → 256) minus an empty worker: the worker bundle, the run, the row on screen',
		),
	);
	return rows;
}
