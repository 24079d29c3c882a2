// 7. the GIL: the gil scene's lanes on the library (bench/lib/gil.mjs runs them), each lane's
// speed-up against its goal, CPython's threads beside them, and what the hand-overs cost.
import {P, log} from './config.mjs';
import {benchGil} from './gil.mjs';
import {median, stats} from './proc.mjs';
import {row, skipped} from './table.mjs';

export const GIL_THREADS = 4;
const GIL_SLEEP = 0.5;

/** The gil rows, run on the library `lib` (dist/index.js). */
export async function gilRows(lib) {
	const cpuMs = P.gilCpuMs;
	log(`gil: ${GIL_THREADS} threads × ${cpuMs} ms, sleeps of ${GIL_SLEEP} s, ${P.gilRuns}×`);
	const runs = await benchGil(lib, {runs: P.gilRuns, threads: GIL_THREADS, cpuMs, sleep: GIL_SLEEP});
	const lanes = (name) => runs.map((run) => run.result.lanes.find((lane) => lane.lane === name));
	const speedups = (name) =>
		stats(
			lanes(name)
				.filter((lane) => lane.status === 'done')
				.map((lane) => lane.speedup),
		);
	const elapsed = (name) => `elapsed ${median(lanes(name).map((lane) => lane.elapsedMs)).toFixed(0)} ms (median)`;
	const busy = (key) => {
		const cores = runs.map((run) => run.others[key]).filter((value) => typeof value === 'number');
		return cores.length > 0
			? `other processes kept ${median(cores).toFixed(2)} cores busy meanwhile (median)`
			: 'the load of other processes is unknown here';
	};
	const cores = runs[0].result.cores;
	const out = [
		row(
			'gil.cores',
			'two threads running the loop at once: the slower against the faster',
			'×',
			stats(runs.map((run) => run.cores[0] / run.cores[1])),
			null,
			`ns an iteration, per run: ${runs.map((run) => run.cores.map((ns) => ns.toFixed(2)).join(' / ')).join(', ')}; 1.00× is two equal cores, as lane 1 needs`,
		),
		row(
			'gil.cpu',
			`CPU-bound, no lock: ${GIL_THREADS} threads × ${cpuMs} ms on ${cores} cores`,
			'×',
			speedups('cpu'),
			{op: '>=', value: 1.8, text: '≥ 1.8×'},
			`${elapsed('cpu')} · ${busy('cpu')}`,
		),
		row(
			'gil.gil',
			'CPU-bound under a GIL, handed over every 5 ms',
			'×',
			speedups('gil'),
			{op: '<=', value: 1.1, text: '≤ 1.1×'},
			`${elapsed('gil')} · ${busy('gil')}`,
		),
		row(
			'gil.io',
			`I/O-bound under the GIL: ${GIL_THREADS} × ${GIL_SLEEP} s sleeps`,
			'×',
			speedups('io'),
			{op: '>=', value: 3.8, text: '≥ 3.8×'},
			elapsed('io'),
		),
	];
	const python = lanes('python');
	if (python.every((lane) => lane.status === 'done'))
		out.push(
			row(
				'gil.python',
				`${python[0].name}: its threads, the same job`,
				'×',
				speedups('python'),
				null,
				`expected ≈ 1.0× with a GIL · ${elapsed('python')} · ${busy('python')}`,
			),
		);
	else
		out.push(
			skipped(
				'gil.python',
				'CPython: its threads, the same job',
				'×',
				python.find((lane) => lane.status !== 'done')?.note ?? 'did not run',
			),
		);
	// The hand-overs: lane 2 against the same work with none, 4 × the job alone on one thread.
	const gil = lanes('gil');
	const lostMs = runs.map((run, i) => gil[i].elapsedMs - GIL_THREADS * run.aloneMs);
	// CPU time, which other processes' load moves less: lane 2's against 4 × the job alone's.
	const lostCpuMs = runs.map((run) => run.cpu.gil - GIL_THREADS * run.cpu.alone);
	out.push(
		row(
			'gil.alone',
			`the CPU job alone on one thread (calibrated to ${cpuMs} ms of one core)`,
			'ms',
			stats(runs.map((run) => run.aloneMs)),
			null,
			`${busy('alone')}`,
		),
		row(
			'gil.handoversPerSec',
			'GIL hand-overs per second (lane 2)',
			'1/s',
			stats(gil.map((lane) => lane.handovers / (lane.elapsedMs / 1000))),
			null,
			`${Math.round(median(gil.map((lane) => lane.handovers)))} hand-overs a run (median)`,
		),
		row(
			'gil.lost',
			`time lost to them: lane 2 against ${GIL_THREADS} × the job alone`,
			'%',
			stats(lostMs.map((ms, i) => (ms / (GIL_THREADS * runs[i].aloneMs)) * 100)),
			null,
			`${median(lostMs.map((ms, i) => (ms / gil[i].handovers) * 1000)).toFixed(1)} µs of wall time per hand-over (median); needs the cores free`,
		),
		row(
			'gil.lostCpu',
			'CPU time lost to them, per hand-over (lane 2 against the job alone)',
			'µs',
			stats(lostCpuMs.map((ms, i) => (ms / gil[i].handovers) * 1000)),
			null,
			`${median(lostCpuMs.map((ms, i) => (ms / (GIL_THREADS * runs[i].cpu.alone)) * 100)).toFixed(1)} % of the ${GIL_THREADS} jobs' CPU time (median)`,
		),
	);
	return out;
}
