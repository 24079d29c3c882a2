// 4. counter throughput: 4 threads × N increments, --work 0, each mode, in this process on the
// library; Python's threading likewise.
import {COUNTER_THREADS, HAS_PYTHON3, P, log} from './config.mjs';
import {median, stats} from './proc.mjs';
import {PY_COUNTER, python} from './python.mjs';
import {row, skipped} from './table.mjs';

async function benchCounter(lib) {
	log(`counter: ${COUNTER_THREADS} threads × ${P.increments.toLocaleString('en')} increments, work 0, ${P.counterRuns}× per mode`);
	const pool = new lib.WorkerPool();
	await pool.warm(COUNTER_THREADS);
	const node = {unsafe: [], mutex: [], atomic: [], mutexAlone: []};
	const py = {unsafe: [], lock: []};
	try {
		for (let i = 0; i < P.counterRuns; i++) {
			for (const mode of lib.COUNTER_MODES) {
				const run = await lib.RealRun.prepare(
					pool,
					lib.raceProgram(mode, {threads: COUNTER_THREADS, increments: P.increments, workMicros: 0}),
				);
				const result = lib.raceResult(await run.run());
				if (result.failed > 0) throw new Error(`${mode}: ${result.failed} threads failed`);
				node[mode].push(result);
			}
			// The same number of lock, increment, unlock on one thread: what the lock itself costs.
			const alone = await lib.RealRun.prepare(
				pool,
				lib.raceProgram('mutex', {threads: 1, increments: COUNTER_THREADS * P.increments, workMicros: 0}),
			);
			node.mutexAlone.push(lib.raceResult(await alone.run()));
			if (HAS_PYTHON3) {
				py.unsafe.push(python(PY_COUNTER, [COUNTER_THREADS, P.increments, 'unsafe']));
				py.lock.push(python(PY_COUNTER, [COUNTER_THREADS, P.increments, 'lock']));
			}
		}
	} finally {
		await pool.terminate();
	}
	return {node, py};
}

/** The counter rows, measured on the library `lib` (dist/index.js). */
export async function counterRows(lib) {
	const rows = [];
	const counter = await benchCounter(lib);
	const work = `${COUNTER_THREADS} × ${P.increments.toLocaleString('en')}`;
	const rate = (runs) => stats(runs.map((r) => r.opsPerSec));
	const pyLock = counter.py.lock.length > 0 ? median(counter.py.lock.map((r) => r.opsPerSec)) : null;
	const lost = (runs) =>
		`lost ${Math.round(median(runs.map((r) => r.lost))).toLocaleString('en')} of ${(COUNTER_THREADS * P.increments).toLocaleString('en')} (median)`;
	rows.push(row('counter.unsafe', `unsafe (read, write) ${work}`, '/s', rate(counter.node.unsafe), null, lost(counter.node.unsafe)));
	const contended = `contended ${Math.round(median(counter.node.mutex.map((r) => r.contended))).toLocaleString('en')} (median)`;
	const vs = (factor) => (pyLock === null ? null : {op: '>=', value: factor * pyLock, text: `≥ ${factor}× Python Lock`});
	rows.push(row('counter.mutex', `mutex (Atomics futex) ${work}`, '/s', rate(counter.node.mutex), vs(4), contended));
	rows.push(row('counter.atomic', `atomic (Atomics.add) ${work}`, '/s', rate(counter.node.atomic), vs(10)));
	const alone = `1 × ${(COUNTER_THREADS * P.increments).toLocaleString('en')}`;
	rows.push(
		row(
			'counter.mutexAlone',
			`mutex, one thread alone ${alone}`,
			'/s',
			rate(counter.node.mutexAlone),
			null,
			'no contention: the cost of the lock itself, without hand-offs between cores',
		),
	);
	if (pyLock !== null) {
		rows.push(row('counter.pythonUnsafe', `Python unsafe ${work}`, '/s', rate(counter.py.unsafe), null, lost(counter.py.unsafe)));
		rows.push(row('counter.pythonLock', `Python threading.Lock ${work}`, '/s', rate(counter.py.lock)));
		const ratio = (mode) => stats(counter.node[mode].map((r, i) => r.opsPerSec / median(counter.py.lock.map((p) => p.opsPerSec)) + 0 * i));
		rows.push(row('counter.mutexVsLock', 'mutex / Python Lock', '×', ratio('mutex'), {op: '>=', value: 4, text: '≥ 4×'}));
		rows.push(row('counter.atomicVsLock', 'atomic / Python Lock', '×', ratio('atomic'), {op: '>=', value: 10, text: '≥ 10×'}));
	} else {
		for (const [id, label, unit, goal] of [
			['counter.pythonUnsafe', `Python unsafe ${work}`, '/s'],
			['counter.pythonLock', `Python threading.Lock ${work}`, '/s'],
			['counter.mutexVsLock', 'mutex / Python Lock', '×', {text: '≥ 4×'}],
			['counter.atomicVsLock', 'atomic / Python Lock', '×', {text: '≥ 10×'}],
		])
			rows.push(skipped(id, label, unit, 'python3 not found', goal));
	}
	return rows;
}
