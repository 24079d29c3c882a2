// The sessions the render cost and the memory rows share: `sleepers -t n -s 600` on a pty
// tall enough for every row, measured once every worker sleeps.
import {performance} from 'node:perf_hooks';
import {CLI, FPS, MEMORY_THREADS, NODE, ONLY, P, RENDER_ROWS, log, sleep} from './config.mjs';
import {cpuNs, quantile, rssMb} from './proc.mjs';
import {Pty} from './pty.mjs';

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

/** Every session the render and memory sections asked for: a Map from threads to runs. */
export async function benchSessions() {
	// The render rows run their own sessions (render.mjs): bars that move, not 600 s sleeps.
	const sizes = [...new Set(ONLY.has('memory') ? MEMORY_THREADS : [])].sort((a, b) => a - b);
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
