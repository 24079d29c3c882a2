#!/usr/bin/env node
/**
 * `npm run bench`: threadlab against bare Node and Python's threading, every figure
 * measured in this run on this machine, each repeated (min / median / max) and printed
 * beside its goal. `--json` prints the same rows as JSON; `--quick` runs each
 * measurement once and shorter (the smoke test).
 *
 * Plain Node ESM, no build step: it drives dist/cli.js (in a real pseudo-terminal) and
 * imports the library from dist/index.js, so `npm run build` must have run (the `bench`
 * script does it). Each section lives in bench/lib/:
 *
 *   1. first frame   first-frame.mjs: spawn → first byte of the first frame on a pty (100×30),
 *                    against spawn → first byte of `node -e "process.stdout.write('x')"`
 *   2. render cost   render.mjs: CPU of the whole process (every thread,
 *                    /proc/<pid>/task/*\/schedstat) per wall second while bars move
 *                    (sleepers -s 2, 100 columns, 8/64/256 rows); frames/s, CPU per frame
 *   3. sleep         sleep.mjs: five 2 s sleepers on RealRun; the notebook's cell in Python
 *   4. counter       counter.mjs: 4 threads × 1,000,000 increments, --work 0, each mode; Python likewise
 *   5. memory        memory.mjs: VmRSS of the interactive process with 1, 64 and 256 sleeping threads
 *   6. interleavings interleavings-rows.mjs: counting every schedule of an unsafe race exactly
 *                    (3 × 3, 4 × 2, 4 × 4), and the largest T × K counted within 10 s in all
 *   7. gil           gil-rows.mjs (gil.mjs runs it): the gil scene's lanes, 4 threads × a calibrated
 *                    CPU job without a lock, under a GIL, 4 sleepers under it, CPython's threads;
 *                    the GIL's hand-overs and their cost
 */
import {FIRST_FRAME_SIZE, FPS, INDEX, JSON_OUT, MEMORY_THREADS, ONLY as only, P, QUICK, RENDER_ROWS, HAS_PYTHON3} from './lib/config.mjs';
import {counterRows} from './lib/counter.mjs';
import {firstFrameRows} from './lib/first-frame.mjs';
import {gilRows} from './lib/gil-rows.mjs';
import {interleavingRows} from './lib/interleavings-rows.mjs';
import {memoryRows} from './lib/memory.mjs';
import {median} from './lib/proc.mjs';
import {PTY_METHOD} from './lib/pty.mjs';
import {renderRows} from './lib/render.mjs';
import {benchSessions} from './lib/sessions.mjs';
import {sleepRows} from './lib/sleep.mjs';
import {machine, table} from './lib/table.mjs';

function notesFor(sessions) {
	const notes = [];
	if (sessions?.has(256)) {
		const spawn256 = median(sessions.get(256).map((r) => r.spawnedS));
		notes.push(`starting 256 workers took ${spawn256.toFixed(1)} s (median); render and memory are measured once every worker sleeps`);
	}
	if (only.has('first-frame')) notes.push('first frame: medians of paired runs; the goal is judged on the median of the per-run ratios');
	if (only.has('render'))
		notes.push(
			'render: whole-process CPU (every thread) from /proc/<pid>/task/*/schedstat from 0.3 to 1.7 s of a 2 s sleep; frames counted by ESC[?2026h on the pty',
		);
	if (only.has('memory')) notes.push('memory: the interactive app on a pty, the same sessions as the render cost (1 thread: 100×17 pty)');
	if (only.has('interleavings'))
		notes.push(
			`interleavings: unsafe races, counted by the dynamic program of source/model/interleavings.ts from dist/index.js, the first 3 × 3 run the first count in the process; the largest T × K: one count each, in a worker, ${P.interleavingBudgetMs / 1000} s of wall time for all of them`,
		);
	if (only.has('gil'))
		notes.push(
			"gil: each run is the scene's lanes one after another, then the job alone on one thread; lane 1 needs free cores, so each row says how many other processes kept busy",
		);
	if (only.has('sleep')) notes.push('sleep: the first run of a fresh pool is included; wake error = (wake − start) − ideal, per thread');
	if (!HAS_PYTHON3) notes.push('python3 not found: the Python rows and the goals measured against Python are skipped');
	if (QUICK)
		notes.push(
			"--quick: one short run of each, to see that everything runs; the figures are not the goals' (nothing is warmed up or settled)",
		);
	return notes;
}

async function main() {
	const started = Date.now();
	const rows = [];
	// The library (it imports React and Ink from node_modules): only for the sections that use it.
	const lib = only.has('sleep') || only.has('counter') || only.has('interleavings') || only.has('gil') ? await import(INDEX) : null;
	if (only.has('first-frame')) rows.push(...(await firstFrameRows()));
	const sessions = PTY_METHOD && only.has('memory') ? await benchSessions() : null;
	if (only.has('render')) rows.push(...(await renderRows()));
	if (only.has('sleep')) rows.push(...(await sleepRows(lib)));
	if (only.has('counter')) rows.push(...(await counterRows(lib)));
	if (only.has('memory')) rows.push(...memoryRows(sessions));
	if (only.has('interleavings')) rows.push(...(await interleavingRows(lib)));
	if (only.has('gil')) rows.push(...(await gilRows(lib)));
	const report = {
		quick: QUICK,
		date: started,
		seconds: (Date.now() - started) / 1000,
		machine: machine(),
		params: {...P, firstFrameSize: FIRST_FRAME_SIZE, renderRows: RENDER_ROWS, memoryThreads: MEMORY_THREADS, fps: FPS},
		rows,
		notes: notesFor(sessions),
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
