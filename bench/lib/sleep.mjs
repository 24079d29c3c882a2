// 3. sleep accuracy: five sleepers on RealRun, in this process on the library; Python's cell likewise.
import {HAS_PYTHON3, P, SLEEPERS, log} from './config.mjs';
import {stats} from './proc.mjs';
import {PY_SLEEPERS, python} from './python.mjs';
import {row, skipped} from './table.mjs';

async function benchSleep(lib) {
	log(`sleep accuracy: ${SLEEPERS} sleepers × ${P.sleepSeconds} s, ${P.sleepRuns}×`);
	const pool = new lib.WorkerPool();
	await pool.warm(SLEEPERS);
	const node = [];
	const py = [];
	try {
		for (let i = 0; i < P.sleepRuns; i++) {
			const run = await lib.RealRun.prepare(pool, lib.SCENES.sleepers.program({threads: SLEEPERS, sleep: P.sleepSeconds}));
			const sample = await run.run();
			const ideal = P.sleepSeconds * 1000;
			node.push({
				elapsedMs: sample.clockMs,
				ratio: sample.clockMs / ideal,
				wakeErrorMs: sample.threads.map((t) => t.wakeMs - t.startMs - ideal),
				failed: sample.threads.filter((t) => t.state !== 'done').length,
			});
			if (HAS_PYTHON3) {
				const r = python(PY_SLEEPERS, [SLEEPERS, P.sleepSeconds]);
				py.push({...r, ratio: r.elapsedMs / ideal});
			}
		}
	} finally {
		await pool.terminate();
	}
	return {node, py};
}

/** The sleep rows, measured on the library `lib` (dist/index.js). */
export async function sleepRows(lib) {
	const rows = [];
	const sleepResult = await benchSleep(lib);
	const ideal = `${SLEEPERS} × ${P.sleepSeconds} s`;
	const worst = (runs) => runs.map((r) => Math.max(...r.wakeErrorMs));
	const errors = (r) => r.wakeErrorMs.map((e) => e.toFixed(2)).join(', ');
	const mid = (runs) => [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)];
	const nodeMid = mid(sleepResult.node);
	rows.push(
		row(
			'sleep.node',
			`RealRun ${ideal}: elapsed / ideal`,
			'ratio',
			stats(sleepResult.node.map((r) => r.ratio)),
			{op: '<=', value: 1.002, text: '≤ 1.002'},
			`median run: elapsed ${nodeMid.elapsedMs.toFixed(1)} ms, wake error per thread (ms) ${errors(nodeMid)}`,
		),
	);
	rows.push(row('sleep.nodeWake', 'RealRun: worst wake error of a thread', 'ms', stats(worst(sleepResult.node))));
	if (sleepResult.py.length > 0) {
		const pyMid = mid(sleepResult.py);
		rows.push(
			row(
				'sleep.python',
				`Python threading ${ideal}: elapsed / ideal`,
				'ratio',
				stats(sleepResult.py.map((r) => r.ratio)),
				null,
				`median run: elapsed ${pyMid.elapsedMs.toFixed(1)} ms, wake error per thread (ms) ${errors(pyMid)}`,
			),
		);
		rows.push(row('sleep.pythonWake', 'Python threading: worst wake error of a thread', 'ms', stats(worst(sleepResult.py))));
	} else {
		rows.push(skipped('sleep.python', `Python threading ${ideal}: elapsed / ideal`, 'ratio', 'python3 not found'));
		rows.push(skipped('sleep.pythonWake', 'Python threading: worst wake error of a thread', 'ms', 'python3 not found'));
	}
	return rows;
}
