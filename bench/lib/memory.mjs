// 5. memory: VmRSS of the interactive app with 1, 64 and 256 sleeping threads, and an empty worker.
import {MEMORY_THREADS, P} from './config.mjs';
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
	const empty = Array.from({length: P.renderRuns}, () => emptyWorkerMb(64)).filter((mb) => mb !== null);
	if (empty.length === 0) rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'the empty workers did not start'));
	else
		rows.push(
			row(
				'memory.emptyWorker',
				'an empty Node worker (64 of them, same resourceLimits)',
				'MB/thread',
				stats(empty),
				null,
				`the floor of one worker per thread on node ${process.versions.node}: no threadlab code in it`,
			),
		);
	return rows;
}
