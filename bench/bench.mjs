#!/usr/bin/env node
/**
 * `npm run bench`: threadlab against bare Node and Python's threading, every figure
 * measured in this run on this machine, each repeated (min / median / max) and printed
 * beside its goal. `--json` prints the same rows as JSON; `--quick` runs each
 * measurement once and shorter (the smoke test).
 *
 * Plain Node ESM, no build step: it drives dist/cli.js (in a real pseudo-terminal) and
 * imports the library from dist/index.js, so `npm run build` must have run (the `bench`
 * script does it).
 *
 *   1. first frame   spawn → first byte of the first frame on a pty (100×30), against
 *                    spawn → first byte of `node -e "process.stdout.write('x')"`
 *   2. render cost   CPU of the whole process (every thread, /proc/<pid>/task/*\/schedstat)
 *                    per wall second at 30 fps while the threads sleep; frame intervals
 *   3. sleep         five 2 s sleepers on RealRun; the notebook's cell in Python
 *   4. counter       4 threads × 1,000,000 increments, --work 0, each mode; Python likewise
 *   5. memory        VmRSS of the interactive process with 1, 64 and 256 sleeping threads
 *   6. interleavings counting every schedule of an unsafe race exactly (3 × 3, 4 × 2, 4 × 4),
 *                    and the largest T × K counted within 10 s in all
 *   7. gil           the gil scene's lanes: 4 threads × a calibrated CPU job without a lock, under
 *                    a GIL, 4 sleepers under it, CPython's threads; the GIL's hand-overs and their cost
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {TIMED, largestWithin, timeCount} from './lib/interleavings.mjs';
import {cpuNs, median, quantile, rssMb, stats} from './lib/proc.mjs';
import {BSU, ESU, PTY_METHOD, Pty, has} from './lib/pty.mjs';
import {benchGil} from './lib/gil.mjs';
import {PY_COUNTER, PY_SLEEPERS, emptyWorkerMb, python} from './lib/python.mjs';

const SECTIONS = ['first-frame', 'render', 'sleep', 'counter', 'memory', 'interleavings', 'gil'];
const argv = process.argv.slice(2);
let only = new Set(SECTIONS);
for (const arg of argv) {
	if (arg.startsWith('--only=')) {
		only = new Set(arg.slice('--only='.length).split(','));
		for (const name of only) {
			if (!SECTIONS.includes(name)) {
				process.stderr.write(`bench: unknown section ${name}; the sections are ${SECTIONS.join(', ')}\n`);
				process.exit(2);
			}
		}
	} else if (!['--quick', '--json', '--help', '-h'].includes(arg)) {
		process.stderr.write(`bench: unknown argument ${arg}\n`);
		process.exit(2);
	}
}
if (argv.includes('--help') || argv.includes('-h')) {
	process.stdout.write(`usage: node bench/bench.mjs [--quick] [--json] [--only=${SECTIONS.join(',')}]\n`);
	process.exit(0);
}
const QUICK = argv.includes('--quick');
const JSON_OUT = argv.includes('--json');

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${root}dist/cli.js`;
const INDEX = `${root}dist/index.js`;
if (!existsSync(CLI) || !existsSync(INDEX)) {
	process.stderr.write('bench: dist/ is missing; run `npm run build` first (`npm run bench` does)\n');
	process.exit(1);
}

/** How much of everything: the full run, or the smoke test's. */
const P = QUICK
	? {
			firstFrameRuns: 3,
			renderRuns: 1,
			renderSettleMs: 400,
			renderWindowMs: 1000,
			sleepRuns: 1,
			sleepSeconds: 0.5,
			counterRuns: 1,
			increments: 100_000,
			interleavingRuns: 1,
			interleavingBudgetMs: 2000,
			gilRuns: 1,
			gilCpuMs: 100,
		}
	: {
			firstFrameRuns: 10,
			renderRuns: 3,
			renderSettleMs: 10000,
			renderWindowMs: 10000,
			sleepRuns: 3,
			sleepSeconds: 2,
			counterRuns: 3,
			increments: 1_000_000,
			interleavingRuns: 3,
			interleavingBudgetMs: 10000,
			gilRuns: 5,
			gilCpuMs: 500,
		};
const FIRST_FRAME_SIZE = {cols: 100, rows: 30};
const RENDER_ROWS = [8, 64, 256];
const MEMORY_THREADS = [1, 64, 256];
const COUNTER_THREADS = 4;
const SLEEPERS = 5;
const GIL_THREADS = 4;
const GIL_SLEEP = 0.5;
const FPS = 30;

const BENCH_T0 = performance.now();
const LOAD_START = Math.round(os.loadavg()[0] * 100) / 100;
const log = (text) => process.stderr.write(`bench: [${((performance.now() - BENCH_T0) / 1000).toFixed(1)} s] ${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------
// 1. first frame

const NODE = process.execPath;
const BARE_WRITE = [NODE, '-e', "process.stdout.write('x')"];
const BARE_EXIT = [NODE, '-e', '0'];
const APP = [NODE, CLI, 'sleepers'];

/**
 * Spawn → first byte. With `frame`, spawn → the first byte of the first frame: the write
 * that starts with Ink's begin-synchronized-update (or, without one, shows the header);
 * anything the app wrote before it (e.g. erasing the echoed line) does not count.
 */
async function firstByte(cmd, {frame = false, linger = 0, env} = {}) {
	const pty = new Pty(cmd, {...FIRST_FRAME_SIZE, keep: 1 << 16, env});
	const first = await pty.until(() => pty.chunks[0]?.t, 10_000);
	let start = first;
	let complete = first;
	if (frame) {
		start = await pty.until(() => pty.frames[0] ?? (pty.text.includes('threadlab ·') ? pty.chunks.at(-1).t : null), 10_000);
		complete = await pty.until(() => (pty.text.includes(ESU) || pty.text.includes('threadlab ·') ? pty.chunks.at(-1).t : null), 10_000);
	}
	if (linger > 0) await sleep(linger);
	await pty.close();
	const ms = (t) => (t === null ? null : t * 1000);
	return {firstMs: ms(start), anyMs: ms(first), completeMs: ms(complete), text: pty.text};
}

async function spawnToExit(cmd) {
	const pty = new Pty(cmd, {...FIRST_FRAME_SIZE, keep: 0});
	const exited = await pty.until(() => pty.exited, 10_000);
	await pty.close();
	return exited ? pty.exitAt * 1000 : null;
}

const NO_CACHE = {THREADLAB_NO_CACHE: '1'};

async function benchFirstFrame() {
	log(`first frame: ${P.firstFrameRuns} runs each, pty ${FIRST_FRAME_SIZE.cols}×${FIRST_FRAME_SIZE.rows} (${PTY_METHOD})`);
	// One unmeasured round, the app left running a second: every file is in the page cache,
	// and an app that keeps a compile cache has written it (as after any first run).
	await firstByte(BARE_WRITE);
	await firstByte(APP, {frame: true, linger: 1000});
	const bare = [];
	const bareExit = [];
	const app = [];
	const appComplete = [];
	const appNoCache = [];
	const ratios = [];
	let sawFrame = false;
	let before = 0;
	for (let i = 0; i < P.firstFrameRuns; i++) {
		const b = await firstByte(BARE_WRITE);
		const e = await spawnToExit(BARE_EXIT);
		const a = await firstByte(APP, {frame: true});
		const n = await firstByte(APP, {frame: true, env: NO_CACHE});
		bare.push(b.firstMs);
		bareExit.push(e);
		app.push(a.firstMs);
		appComplete.push(a.completeMs);
		appNoCache.push(n.firstMs);
		if (a.text.includes(BSU) && a.text.includes('threadlab')) sawFrame = true;
		if (a.anyMs !== null && a.firstMs !== null && a.anyMs < a.firstMs) before++;
		if (a.firstMs && b.firstMs) ratios.push(a.firstMs / b.firstMs);
	}
	const note = `${sawFrame ? "a frame starts at ESC[?2026h (Ink's begin-synchronized-update)" : 'no ESC[?2026h: the frame is found by its header'}${before > 0 ? `; in ${before} of ${P.firstFrameRuns} runs the app wrote something else first, not counted` : ''}`;
	return {
		bare: stats(bare),
		bareExit: stats(bareExit),
		app: stats(app),
		appComplete: stats(appComplete),
		appNoCache: stats(appNoCache),
		ratio: stats(ratios),
		medianRatio: median(app) / median(bare),
		note,
	};
}

// ---------------------------------------------------------------------------------
// 2. render cost and 5. memory: `sleepers -t n -s 600` on a pty tall enough for every row

/**
 * Waits for the n workers to exist and the run to settle, then measures CPU over a window:
 * whole process (every thread) and the main thread alone, frames written, and VmRSS.
 */
async function sleepingSession(threads, {windowMs, settleMs}) {
	const rows = threads + 16; // header, table, three log lines, summary, footer: every row drawn
	const pty = new Pty([NODE, CLI, 'sleepers', '-t', String(threads), '-s', '600', '--fps', String(FPS)], {
		cols: 100,
		rows,
		keep: 0,
		watch: 'running ·',
	});
	try {
		const pid = await pty.until(() => pty.pid, 10_000);
		if (!pid) throw new Error('no pid');
		// The summary line says "starting threads…" until every worker is ready and started.
		const spawnedAt = await pty.until(() => pty.watchedAt, 180_000);
		if (spawnedAt === null) throw new Error(`${threads} workers did not start`);
		// The first seconds after the workers start are start-up: V8 is still compiling the
		// render code that got hot, in the background (measured: 2 % of a core on top of the
		// main thread's in seconds 3-8, gone after ~20 s). They are reported apart.
		const tStart = performance.now();
		const cStart = cpuNs(pid);
		await sleep(settleMs);
		const t0 = performance.now();
		const c0 = cpuNs(pid);
		const frames0 = pty.frames.length;
		await sleep(windowMs);
		const c1 = cpuNs(pid);
		const t1 = performance.now();
		const memory = rssMb(pid);
		const windowFrames = pty.frames.slice(frames0);
		const wallNs = (t1 - t0) * 1e6;
		const intervals = windowFrames.slice(1).map((t, i) => (t - windowFrames[i]) * 1000);
		return {
			threads,
			rows,
			spawnedS: spawnedAt,
			cpuPercent: ((c1.total - c0.total) / wallNs) * 100,
			settlePercent: ((c0.total - cStart.total) / ((t0 - tStart) * 1e6)) * 100,
			mainPercent: ((c1.main - c0.main) / wallNs) * 100,
			fps: windowFrames.length / ((t1 - t0) / 1000),
			cpuMsPerFrame: windowFrames.length > 0 ? (c1.total - c0.total) / 1e6 / windowFrames.length : null,
			intervalP50: quantile(intervals, 0.5),
			intervalP99: quantile(intervals, 0.99),
			rssMb: memory?.rss ?? null,
			tasks: c1.tasks,
		};
	} finally {
		await pty.close();
	}
}

async function benchSessions() {
	const sizes = [...new Set([...(only.has('memory') ? MEMORY_THREADS : []), ...(only.has('render') ? RENDER_ROWS : [])])].sort(
		(a, b) => a - b,
	);
	const results = new Map(sizes.map((n) => [n, []]));
	log(
		`render cost and memory: sleepers -t ${sizes.join('/')} -s 600 --fps ${FPS}, ${P.renderRuns}× each, ${P.renderWindowMs} ms window after the workers start + ${P.renderSettleMs} ms`,
	);
	for (let run = 0; run < P.renderRuns; run++) {
		for (const n of sizes) {
			const render = RENDER_ROWS.includes(n);
			log(`  session -t ${n}`);
			results.get(n).push(await sleepingSession(n, {windowMs: render ? P.renderWindowMs : 300, settleMs: render ? P.renderSettleMs : 300}));
		}
	}
	return results;
}

// ---------------------------------------------------------------------------------
// 3. sleep accuracy and 4. counter throughput, in this process on the library

const HAS_PYTHON3 = has('python3', ['-c', 'import threading']);

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

// ---------------------------------------------------------------------------------
// 7. the GIL, on the library

async function gilRows(lib) {
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

// ---------------------------------------------------------------------------------
// the table

/** One row: a figure over runs, and its goal if it has one (judged on the median). */
function row(id, label, unit, s, goal, detail) {
	const out = {id, label, unit, min: s.min, median: s.median, max: s.max, runs: s.runs.length};
	if (goal) {
		out.goal = goal.text;
		out.holds = s.median === null ? false : goal.op === '<=' ? s.median <= goal.value : s.median >= goal.value;
	} else {
		out.goal = null;
		out.holds = null;
	}
	if (detail) out.detail = detail;
	return out;
}

const skipped = (id, label, unit, why, goal) => ({
	id,
	label,
	unit,
	min: null,
	median: null,
	max: null,
	runs: 0,
	goal: goal?.text ?? null,
	holds: null,
	skipped: why,
});

const fmt = {
	ms: (v) => `${v.toFixed(1)} ms`,
	'×': (v) => `${v.toFixed(2)}×`,
	ratio: (v) => v.toFixed(4),
	'%': (v) => `${v.toFixed(1)} %`,
	'/s': (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : `${(v / 1e3).toFixed(1)} k/s`),
	MB: (v) => `${v.toFixed(1)} MB`,
	'MB/thread': (v) => `${v.toFixed(2)} MB`,
	'1/s': (v) => `${v.toFixed(0)} /s`,
	µs: (v) => `${v.toFixed(1)} µs`,
};
const show = (unit, v) => (v === null || v === undefined ? '—' : (fmt[unit] ?? String)(v));

function machine() {
	const cpus = os.cpus();
	return {
		nproc: os.availableParallelism?.() ?? cpus.length,
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		memGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		python: HAS_PYTHON3 ? spawnSync('python3', ['--version'], {encoding: 'utf8'}).stdout.trim() : null,
		kernel: `${os.type()} ${os.release()}`,
		pty: PTY_METHOD,
		// Other work on the machine skews every figure: the 1-minute load average at start and end.
		loadStart: LOAD_START,
		loadEnd: Math.round(os.loadavg()[0] * 100) / 100,
	};
}

function table(report) {
	const m = report.machine;
	const lines = [];
	lines.push(
		`threadlab bench${report.quick ? ' (--quick: single short runs, figures indicative only)' : ''} · ${new Date(report.date).toISOString()}`,
	);
	lines.push(`${m.nproc} CPUs · ${m.cpu} · ${m.memGB} GB · node ${m.node} · ${m.python ?? 'no python3'} · ${m.kernel}`);
	lines.push(`load average ${m.loadStart} at start, ${m.loadEnd} at end · ${report.seconds.toFixed(0)} s · pty: ${m.pty ?? 'none'}`);
	lines.push('');
	const header = ['', 'measure', 'min', 'median', 'max', 'goal', 'holds'];
	const body = [];
	let section = '';
	for (const r of report.rows) {
		const s = r.id.split('.')[0];
		if (s !== section) {
			section = s;
			body.push({section: SECTION_TITLES[s] ?? s});
		}
		body.push({
			cells: [
				'',
				r.label,
				show(r.unit, r.min),
				show(r.unit, r.median),
				show(r.unit, r.max),
				r.goal ?? '—',
				r.skipped ? `skipped: ${r.skipped}` : r.holds === null ? '' : r.holds ? 'yes' : 'NO',
			],
			detail: r.detail,
		});
	}
	const widths = header.map((h, i) => Math.max([...h].length, ...body.filter((b) => b.cells).map((b) => [...b.cells[i]].length)));
	const pad = (cells) =>
		cells
			.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	lines.push(pad(header));
	lines.push(pad(widths.map((w) => '-'.repeat(w))));
	for (const b of body) {
		if (b.section) lines.push(b.section);
		else {
			lines.push(pad(b.cells));
			if (b.detail) lines.push(`      ${b.detail}`);
		}
	}
	lines.push('');
	const goals = report.rows.filter((r) => r.goal);
	const held = goals.filter((r) => r.holds === true).length;
	lines.push(`goals: ${held} of ${goals.length} hold (judged on the median)`);
	for (const n of report.notes) lines.push(`note: ${n}`);
	return lines.join('\n');
}

const SECTION_TITLES = {
	firstFrame: '1. first frame (spawn → first bytes on a pty)',
	render: `2. render cost at ${FPS} fps while the threads sleep (whole process, % of one core)`,
	sleep: '3. sleep accuracy',
	counter: '4. counter throughput',
	memory: '5. memory (VmRSS while the threads sleep)',
	interleavings: '6. every interleaving of an unsafe race, counted exactly',
	gil: `7. the GIL: the same CPU job on ${GIL_THREADS} threads (speed-up = ${GIL_THREADS} × one job / elapsed)`,
};

// ---------------------------------------------------------------------------------

async function main() {
	const started = Date.now();
	const rows = [];
	const notes = [];
	// The library (it imports React and Ink from node_modules): only for the sections that use it.
	const lib = only.has('sleep') || only.has('counter') || only.has('interleavings') || only.has('gil') ? await import(INDEX) : null;

	// 1. first frame
	if (!only.has('first-frame')) {
		// not asked for
	} else if (PTY_METHOD) {
		const ff = await benchFirstFrame();
		rows.push(row('firstFrame.bare', `node -e "process.stdout.write('x')": spawn → first byte`, 'ms', ff.bare));
		rows.push(row('firstFrame.bareExit', 'node -e 0: spawn → exit', 'ms', ff.bareExit));
		rows.push(row('firstFrame.app', 'threadlab sleepers: spawn → first byte of the first frame', 'ms', ff.app, null, ff.note));
		rows.push(row('firstFrame.appComplete', 'threadlab sleepers: spawn → first frame complete', 'ms', ff.appComplete));
		rows.push(
			row(
				'firstFrame.appNoCache',
				'threadlab sleepers, THREADLAB_NO_CACHE=1: first frame byte',
				'ms',
				ff.appNoCache,
				null,
				'without the V8 code cache the build writes beside the bundle (what a Node that rejects it gets)',
			),
		);
		rows.push(
			row(
				'firstFrame.ratio',
				'first frame / bare node first byte (paired runs)',
				'×',
				ff.ratio,
				{op: '<=', value: 2.5, text: '≤ 2.5×'},
				`ratio of the medians ${ff.medianRatio.toFixed(2)}×`,
			),
		);
	} else {
		for (const [id, label, unit, goal] of [
			['firstFrame.bare', 'bare node: spawn → first byte', 'ms'],
			['firstFrame.bareExit', 'node -e 0: spawn → exit', 'ms'],
			['firstFrame.app', 'threadlab sleepers: spawn → first byte of the first frame', 'ms'],
			['firstFrame.appComplete', 'threadlab sleepers: spawn → first frame complete', 'ms'],
			['firstFrame.appNoCache', 'threadlab sleepers, THREADLAB_NO_CACHE=1: first frame byte', 'ms'],
			['firstFrame.ratio', 'first frame / bare node', '×', {text: '≤ 2.5×'}],
		])
			rows.push(skipped(id, label, unit, 'no pty (install python3 or util-linux script)', goal));
	}

	// 2. render cost, 5. memory
	let sessions = null;
	if (PTY_METHOD && (only.has('render') || only.has('memory'))) sessions = await benchSessions();
	const RENDER_GOALS = {8: {op: '<=', value: 3, text: '≤ 3 %'}, 256: {op: '<=', value: 15, text: '≤ 15 %'}};
	for (const n of only.has('render') ? RENDER_ROWS : []) {
		const id = `render.rows${n}`;
		const label = `sleepers -t ${n}: CPU per wall second`;
		if (!sessions) {
			rows.push(skipped(id, label, '%', 'no pty', RENDER_GOALS[n]));
			continue;
		}
		const runs = sessions.get(n);
		const s = (key) => median(runs.map((r) => r[key]).filter((v) => v !== null));
		const detail = [
			`${s('fps').toFixed(1)} frames/s`,
			`frame interval p50 ${s('intervalP50')?.toFixed(1)} ms, p99 ${s('intervalP99')?.toFixed(1)} ms`,
			`${s('cpuMsPerFrame')?.toFixed(2)} ms CPU per frame`,
			`main thread ${s('mainPercent').toFixed(1)} %`,
			`pty 100×${runs[0].rows}`,
			`the ${(P.renderSettleMs / 1000).toFixed(1)} s after the workers started, before the window: ${s('settlePercent').toFixed(1)} %`,
		].join(' · ');
		rows.push(row(id, label, '%', stats(runs.map((r) => r.cpuPercent)), RENDER_GOALS[n], detail));
	}

	// 3. sleep accuracy
	if (only.has('sleep')) {
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
	}

	// 4. counter throughput
	if (only.has('counter')) {
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
			const ratio = (mode) =>
				stats(counter.node[mode].map((r, i) => r.opsPerSec / median(counter.py.lock.map((p) => p.opsPerSec)) + 0 * i));
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
	}

	// 5. memory
	if (!only.has('memory')) {
		// not asked for
	} else if (sessions) {
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
		if (empty.length === 0)
			rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'the empty workers did not start'));
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
	} else {
		for (const n of MEMORY_THREADS) rows.push(skipped(`memory.threads${n}`, `sleepers -t ${n}: VmRSS`, 'MB', 'no pty'));
		rows.push(skipped('memory.perThread', 'MB per extra thread', 'MB/thread', 'no pty', {text: '≤ 6 MB'}));
		rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'no pty'));
	}

	// 6. interleavings
	if (only.has('interleavings')) {
		const exact = (n) => n.toLocaleString('en');
		for (const {shape, goal} of TIMED) {
			const {threads: t, increments: k} = shape;
			log(`interleavings: counting ${t} × ${k} unsafe, ${P.interleavingRuns} runs`);
			const runs = Array.from({length: P.interleavingRuns}, () => timeCount(lib.countInterleavings, shape));
			const detail = `${exact(runs[0].states)} states · runs in order: ${runs.map((r) => `${r.ms.toFixed(1)} ms`).join(', ')}`;
			rows.push(
				row(
					`interleavings.count${t}x${k}`,
					`count ${t} × ${k} exactly: ${exact(runs[0].schedules)} schedules`,
					'ms',
					stats(runs.map((r) => r.ms)),
					goal,
					detail,
				),
			);
		}
		const budget = P.interleavingBudgetMs;
		log(`interleavings: the largest T × K counted within ${budget / 1000} s`);
		const search = await largestWithin(INDEX, budget);
		const name = ({threads, increments}) => `${threads} × ${increments}`;
		const label = `largest T × K counted within ${budget / 1000} s in all: ${search.largest ? name(search.largest.shape) : 'none'}`;
		const stopped = search.stopped
			? `; the next, ${name(search.stopped.shape)}, stopped unfinished after ${(search.stopped.afterMs / 1000).toFixed(1)} s`
			: '; every shape counted';
		const detail = search.largest
			? `${exact(search.largest.schedules)} schedules, ${exact(search.largest.states)} states; ${search.counted.length} shapes counted in order of their schedules (T 2..4, K 1..8)${stopped}`
			: 'nothing counted';
		rows.push(row('interleavings.largest', label, 'ms', stats(search.largest ? [search.largest.ms] : []), null, detail));
	}

	// 7. the GIL
	if (only.has('gil')) rows.push(...(await gilRows(lib)));

	if (sessions?.has(256)) {
		const spawn256 = median(sessions.get(256).map((r) => r.spawnedS));
		notes.push(`starting 256 workers took ${spawn256.toFixed(1)} s (median); render and memory are measured once every worker sleeps`);
	}
	if (only.has('first-frame')) notes.push('first frame: medians of paired runs; the goal is judged on the median of the per-run ratios');
	if (only.has('render'))
		notes.push(
			'render: whole-process CPU (every thread) from /proc/<pid>/task/*/schedstat over the window; frames counted by ESC[?2026h on the pty',
		);
	if (only.has('memory')) notes.push('memory: the interactive app on a pty, the same sessions as the render cost (1 thread: 100×17 pty)');
	if (only.has('interleavings'))
		notes.push(
			`interleavings: unsafe races, counted by the dynamic program of source/model/interleavings.ts from dist/index.js, the first 3 × 3 run the first count in the process; the largest T × K: one count each, in a worker, ${P.interleavingBudgetMs / 1000} s of wall time for all of them`,
		);
	if (only.has('sleep')) notes.push('sleep: the first run of a fresh pool is included; wake error = (wake − start) − ideal, per thread');
	if (only.has('gil'))
		notes.push(
			"gil: each run is the scene's lanes one after another, then the job alone on one thread; lane 1 needs free cores, so each row says how many other processes kept busy",
		);
	if (!HAS_PYTHON3) notes.push('python3 not found: the Python rows and the goals measured against Python are skipped');
	if (QUICK)
		notes.push(
			"--quick: one short run of each, to see that everything runs; the figures are not the goals' (nothing is warmed up or settled)",
		);
	const report = {
		quick: QUICK,
		date: started,
		seconds: (Date.now() - started) / 1000,
		machine: machine(),
		params: {...P, firstFrameSize: FIRST_FRAME_SIZE, renderRows: RENDER_ROWS, memoryThreads: MEMORY_THREADS, fps: FPS},
		rows,
		notes,
	};
	process.stdout.write(JSON_OUT ? `${JSON.stringify(report, null, 2)}\n` : `${table(report)}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
