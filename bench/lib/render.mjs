// 2. render cost while bars move: `sleepers -t n -s 2` at 100 columns, on a pty tall enough for
// every row. A 2 s sleep over a bar of 70 cells is an eighth of a cell every 3.6 ms, so the app
// redraws at its cap (--fps 30) the whole time the threads sleep.
//
// The first run of a process is start-up as much as rendering: V8 compiles the render code on
// its background threads meanwhile (measured: 15-20 % of a core in the first second). So each
// session runs the scene, then `r` (run again) twice, and measures the last run, warm; the first
// run's figures are reported beside it. --quick measures the first run only.
import {performance} from 'node:perf_hooks';
import {CLI, FPS, NODE, P, QUICK, RENDER_ROWS, log} from './config.mjs';
import {cpuNs, median, stats} from './proc.mjs';
import {KeyPty} from './key-pty.mjs';
import {PYTHON} from './pty.mjs';
import {row, skipped} from './table.mjs';

const SLEEP_S = 2;
const COLUMNS = 100;
/** The window inside a 2 s run: after the first frames, before the wake. */
const WINDOW = {fromMs: 300, toMs: 1700};
const GOALS = {
	cpu: {8: {op: '<=', value: 3, text: '≤ 3 %'}, 256: {op: '<=', value: 15, text: '≤ 15 %'}},
	msPerFrame: {8: {op: '<=', value: 1, text: '≤ 1 ms'}},
};

/**
 * What the footer says while threads run (`⠋ running · 0.3 s`, latin1 of its UTF-8), and the
 * summary once they ended (`elapsed 2.00 s · sequential would take 16.00 s · …`; not
 * `elapsed`, which the lesson line above the table says too).
 */
const RUNNING = Buffer.from('running ·').toString('latin1');
const ENDED = 'sequential would take';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU (every thread, and the main thread), frames and bytes over the window of the run that just started. */
async function measureRun(pty) {
	await sleep(WINDOW.fromMs);
	const [c0, t0, f0, b0] = [cpuNs(pty.pid), performance.now(), pty.frames, pty.bytes];
	await sleep(WINDOW.toMs - WINDOW.fromMs);
	const [c1, t1, f1, b1] = [cpuNs(pty.pid), performance.now(), pty.frames, pty.bytes];
	const wallNs = (t1 - t0) * 1e6;
	const frames = f1 - f0;
	return {
		cpuPercent: ((c1.total - c0.total) / wallNs) * 100,
		mainPercent: ((c1.main - c0.main) / wallNs) * 100,
		fps: frames / ((t1 - t0) / 1000),
		msPerFrame: frames > 0 ? (c1.total - c0.total) / 1e6 / frames : null,
		bytesPerFrame: frames > 0 ? (b1 - b0) / frames : null,
	};
}

/** One process: the first run measured, then (unless --quick) `r` twice and the last run measured. */
async function session(threads) {
	const rows = threads + 16; // header, table, the log, summary, footer: every row drawn
	const args = [NODE, CLI, 'sleepers', '-t', String(threads), '-s', String(SLEEP_S), '--fps', String(FPS)];
	const pty = new KeyPty(args, {cols: COLUMNS, rows});
	try {
		// "running ·" replaces "starting threads…" once every worker is ready and started.
		if (!(await pty.until(RUNNING, 180_000, {seen: true}))) throw new Error(`${threads} workers did not start`);
		const first = await measureRun(pty);
		let warm = first;
		for (let rerun = 0; rerun < (QUICK ? 0 : 2); rerun++) {
			if (!(await pty.until(ENDED, 30_000, {seen: true}))) throw new Error('the run did not end');
			await sleep(200);
			pty.key('r');
			if (!(await pty.until(RUNNING, 60_000))) throw new Error('r did not run again');
			warm = await measureRun(pty);
		}
		return {rows, first, warm};
	} finally {
		await pty.close();
	}
}

/** The render rows: CPU % of a core (goals), frames/s and CPU per frame, for 8, 64 and 256 rows. */
export async function renderRows() {
	if (!PYTHON) {
		return RENDER_ROWS.map((n) =>
			skipped(`render.rows${n}`, `sleepers -t ${n} -s ${SLEEP_S}: CPU while bars move`, '%', 'no python3 pty', GOALS.cpu[n]),
		);
	}
	log(
		`render: sleepers -t ${RENDER_ROWS.join('/')} -s ${SLEEP_S} --fps ${FPS} at ${COLUMNS} columns, ${P.renderRuns}× each, ${QUICK ? 'the first run' : 'the third run (r twice)'} from ${WINDOW.fromMs} to ${WINDOW.toMs} ms`,
	);
	const rows = [];
	for (const n of RENDER_ROWS) {
		const runs = [];
		for (let run = 0; run < P.renderRuns; run++) {
			log(`  render -t ${n}`);
			runs.push(await session(n));
		}
		const of = (which, key) => runs.map((r) => r[which][key]).filter((v) => v !== null);
		const tenths = (values) => values.map((v) => Math.round(v * 10) / 10);
		const m = (which, key, digits = 1) => median(of(which, key))?.toFixed(digits);
		const measured = QUICK ? 'first run' : 'third run, warm';
		rows.push(
			row(
				`render.rows${n}`,
				`sleepers -t ${n} -s ${SLEEP_S} at ${COLUMNS} columns: CPU while bars move (${measured})`,
				'%',
				stats(of('warm', 'cpuPercent')),
				GOALS.cpu[n] ?? null,
				[
					`${m('warm', 'fps')} frames/s`,
					`${m('warm', 'msPerFrame', 2)} ms CPU per frame`,
					`${m('warm', 'bytesPerFrame', 0)} bytes per frame`,
					`main thread ${m('warm', 'mainPercent')} %`,
					QUICK ? null : `first run of the process: ${m('first', 'cpuPercent')} % at ${m('first', 'fps')} frames/s`,
					`pty ${COLUMNS}×${runs[0].rows}`,
				]
					.filter(Boolean)
					.join(' · '),
			),
			row(`render.fps${n}`, `sleepers -t ${n}: frames per second while bars move`, 'frames/s', stats(tenths(of('warm', 'fps'))), null),
			row(
				`render.msPerFrame${n}`,
				`sleepers -t ${n}: CPU per frame (every thread)`,
				'ms',
				stats(of('warm', 'msPerFrame')),
				GOALS.msPerFrame[n] ?? null,
			),
		);
	}
	return rows;
}
