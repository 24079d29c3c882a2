#!/usr/bin/env node
// The soak: every scene, over and over, in one process, through the real App.
//
//   npm run soak -- --minutes 10        (decimals allowed: --minutes 0.5)
//
// The App from dist/index.js is rendered with Ink's own render() into a fake
// terminal (a Writable stdout with columns/rows/isTTY, a Readable-like stdin with
// isTTY and setRawMode, like ink-testing-library's). Each run is awaited on the
// frames (the scene's summary line, no thread still busy), then `r` is typed on the
// fake stdin: the same code path as a person pressing r. After --reruns reruns the
// scene is unmounted and the next one mounted. One WorkerPool serves the whole soak
// and is terminated at the end; the process then exits on its own.
//
// React runs its production build, as in the CLI (whose bundle defines NODE_ENV as
// "production"); --dev keeps the development build, which records a performance
// `measure` entry per component render in Node's global performance timeline (about a
// thousand a second here) that nothing clears: that growth is React's, not threadlab's.
//
// RSS moves by ±10% with the garbage collector's timing alone, so each sample is
// taken twice: as it is, then right after a full collection of the main thread's heap
// (what is still reachable: a leak shows there). The growth is computed on the second.
//
// Once a minute it prints RSS, heap used, the active resources by type
// (process.getActiveResourcesInfo()), the live worker threads (WorkerPool.size) and
// the runs done; at the end the RSS growth after warm-up (the first minute is the
// baseline) and whether it stays within 5%.
import {EventEmitter} from 'node:events';
import {Writable} from 'node:stream';
import {parseArgs} from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
/** A full collection of the main thread's heap (the workers keep their own). */
const gc = vm.runInNewContext('gc');

const {values} = parseArgs({
	options: {
		minutes: {type: 'string', default: '10'},
		dev: {type: 'boolean', default: false},
		reruns: {type: 'string', default: '3'},
		// How often to print the figures, in seconds (a minute by default).
		every: {type: 'string', default: '60'},
		limit: {type: 'string', default: '5'},
	},
});
const minutes = Number(values.minutes);
const reruns = Number(values.reruns);
const everyMs = Number(values.every) * 1000;
const limitPercent = Number(values.limit);
if (!(minutes > 0) || !Number.isInteger(reruns) || reruns < 0 || !(everyMs > 0)) {
	console.error('soak: usage: node scripts/soak.mjs [--minutes <n>] [--reruns <n>] [--every <seconds>] [--limit <percent>] [--dev]');
	process.exit(2);
}
// Before React is loaded: it picks its build from NODE_ENV once.
process.env.NODE_ENV = values.dev ? 'development' : 'production';
const {default: React} = await import('react');
const {render} = await import('ink');
const {default: stripAnsi} = await import('strip-ansi');
const {App, SCENE_NAMES, WorkerPool, makeTheme, parseOptions, viewFor} = await import('../dist/index.js');

const COLUMNS = 100;
const ROWS = 30;
const FPS = 30;
/** A run that does not finish in this time is a stall: reported, and the soak goes on. */
const RUN_TIMEOUT_MS = 15_000;

// Short settings: each run is well under two seconds.
const SCENES = [
	{name: 'start', flags: {sleep: '0.3'}, done: /elapsed \d+\.\d\d s · start\(\) returned at once/},
	{name: 'hello', flags: {sleep: '0.3'}, done: /elapsed \d+\.\d\d s · hello at .* before thread2 woke/},
	{name: 'join', flags: {sleep: '0.3'}, done: /elapsed \d+\.\d\d s · hello at .* after thread3 woke/},
	{name: 'sleepers', flags: {sleep: '0.3'}, done: /elapsed \d+\.\d\d s · sequential would take/},
	{name: 'sequential', flags: {threads: '3', sleep: '0.3'}, done: /elapsed \d+\.\d\d s · all at once would take/},
	{name: 'race', flags: {increments: '300'}, done: /unsafe (lost|exact).* · mutex (lost|exact).* · atomic (lost|exact)/},
	{name: 'dashboard', flags: {sleep: '0.3', increments: '300'}, done: /elapsed \d+\.\d\d s · sequential would take/},
];
/** A thread still at work, on any row or in the lock panel. */
const BUSY = /\b(new|ready|sleeping|awake|running|waiting|holding|starting threads)\b/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes) => bytes / 1024 / 1024;

/** A terminal's stdout: keeps the last frame Ink drew, as plain text. */
class FakeStdout extends Writable {
	columns = COLUMNS;
	rows = ROWS;
	isTTY = true;
	frame = '';
	/** Frames drawn since the last `reset()`. */
	frames = 0;
	_write(chunk, _encoding, callback) {
		const text = stripAnsi(chunk.toString());
		if (text.includes('threadlab ·')) {
			this.frame = text;
			this.frames++;
		}
		callback();
	}
	getColorDepth() {
		return 8;
	}
	hasColors() {
		return true;
	}
}

/** A terminal's stdin, as ink-testing-library builds it: Ink reads on 'readable'. */
class FakeStdin extends EventEmitter {
	isTTY = true;
	rawMode = false;
	refs = 0;
	#data = null;
	type(data) {
		this.#data = data;
		this.emit('readable');
		this.emit('data', data);
	}
	read() {
		const data = this.#data;
		this.#data = null;
		return data;
	}
	setEncoding() {}
	setRawMode(mode) {
		this.rawMode = mode;
	}
	resume() {}
	pause() {}
	ref() {
		this.refs++;
	}
	unref() {
		this.refs--;
	}
}

const pool = new WorkerPool();
const theme = makeTheme({color: true, ascii: false});
const started = performance.now();
const deadline = started + minutes * 60_000;
const counts = {runs: 0, stalls: 0, mounts: 0};
const samples = [];
const runsByScene = Object.fromEntries(SCENES.map((s) => [s.name, 0]));

function resources() {
	const byType = {};
	for (const type of process.getActiveResourcesInfo()) byType[type] = (byType[type] ?? 0) + 1;
	return byType;
}

function sample() {
	const memory = process.memoryUsage();
	gc();
	const settled = process.memoryUsage();
	const entry = {
		minute: (performance.now() - started) / 60_000,
		rss: mb(memory.rss),
		heap: mb(memory.heapUsed),
		rssGc: mb(settled.rss),
		heapGc: mb(settled.heapUsed),
		external: mb(settled.external),
		resources: resources(),
		workers: pool.size,
		runs: counts.runs,
		perfEntries: performance.getEntries().length,
	};
	samples.push(entry);
	const handles = Object.entries(entry.resources)
		.sort()
		.map(([type, n]) => `${type}=${n}`)
		.join(' ');
	console.log(
		`[${entry.minute.toFixed(2).padStart(5)} min] rss ${entry.rss.toFixed(1)} MB (after gc ${entry.rssGc.toFixed(1)}) · heap used ${entry.heap.toFixed(1)} MB (after gc ${entry.heapGc.toFixed(1)}) · external ${entry.external.toFixed(1)} MB · workers ${entry.workers} · runs ${entry.runs} · stalls ${counts.stalls} · perf entries ${entry.perfEntries} · active ${handles}`,
	);
}

/** Wait until the frame shows this scene's run finished; false on a stall. */
async function finished(stdout, scene) {
	const until = performance.now() + RUN_TIMEOUT_MS;
	while (performance.now() < until) {
		const {frame} = stdout;
		if (stdout.frames > 0 && scene.done.test(frame) && !BUSY.test(frame)) return true;
		await sleep(20);
	}
	return false;
}

/** Wait until a frame without the finished summary is drawn: the rerun started. */
async function restarted(stdout, scene) {
	const until = performance.now() + RUN_TIMEOUT_MS;
	while (performance.now() < until) {
		if (stdout.frames > 0 && !(scene.done.test(stdout.frame) && !BUSY.test(stdout.frame))) return true;
		await sleep(5);
	}
	return false;
}

function stall(scene, stdout, what) {
	counts.stalls++;
	console.log(`soak: ${scene.name}: ${what} within ${RUN_TIMEOUT_MS / 1000} s; last frame:\n${stdout.frame}`);
}

/** Mount a scene, let it run, press r `reruns` times, unmount. */
async function visit(scene) {
	const view = viewFor(parseOptions([scene.name], scene.flags, {}));
	const stdout = new FakeStdout();
	const stdin = new FakeStdin();
	const stderr = new FakeStdout();
	const instance = render(React.createElement(App, {view, pool, theme, fps: FPS}), {
		stdout,
		stdin,
		stderr,
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: FPS,
	});
	counts.mounts++;
	let exited = false;
	// One waitUntilExit() per instance: each call after the unmount would leave a beforeExit listener behind.
	const exit = instance.waitUntilExit().then(
		() => (exited = true),
		(error) => {
			exited = true;
			console.log(`soak: ${scene.name}: the app exited with an error: ${error.message}`);
		},
	);
	try {
		for (let run = 0; run <= reruns; run++) {
			if (!(await finished(stdout, scene))) return stall(scene, stdout, 'no finished run');
			counts.runs++;
			runsByScene[scene.name]++;
			if (run === reruns || performance.now() > deadline || exited) return;
			stdout.frames = 0;
			stdout.frame = '';
			stdin.type('r');
			if (!(await restarted(stdout, scene))) return stall(scene, stdout, '`r` started no new run');
		}
	} finally {
		instance.unmount();
		await exit;
		if (stdin.rawMode) console.log(`soak: ${scene.name}: raw mode left on after unmount`);
		if (stdin.listenerCount('readable') > 0)
			console.log(`soak: ${scene.name}: ${stdin.listenerCount('readable')} stdin listener(s) left after unmount`);
	}
}

// The tour is its own app (slides around the scenes below), not soaked here.
const unsoaked = SCENE_NAMES.filter((name) => !SCENES.some((scene) => scene.name === name));
if (unsoaked.length > 0) console.log(`soak: not soaked: ${unsoaked.join(', ')}`);
console.log(
	`soak: React ${React.version} (${process.env.NODE_ENV} build), ${minutes} min, scenes ${SCENES.map((s) => s.name).join(', ')}, ${reruns} reruns (r) per mount, ${COLUMNS}×${ROWS}, ${FPS} fps`,
);
let nextSample = started + everyMs;
sample();
const timer = setInterval(() => {
	if (performance.now() >= nextSample) {
		nextSample += everyMs;
		sample();
	}
}, 250);
try {
	for (let i = 0; performance.now() < deadline; i++) await visit(SCENES[i % SCENES.length]);
} finally {
	clearInterval(timer);
}
sample();
await pool.terminate();
console.log(`pool terminated: workers ${pool.size}, active ${JSON.stringify(resources())}`);

// Growth after warm-up: the sample at the end of the first interval is the baseline.
const baseline = samples.find((s) => s.minute >= everyMs / 60_000 - 0.01) ?? samples[0];
const last = samples.at(-1);
const percent = (from, to) => ((to - from) / from) * 100;
const signed = (n) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}%`;
const growth = percent(baseline.rssGc, last.rssGc);
console.log('');
console.log(
	`runs ${counts.runs} (${Object.entries(runsByScene)
		.map(([name, n]) => `${name} ${n}`)
		.join(', ')}), mounts ${counts.mounts}, stalls ${counts.stalls}`,
);
console.log(
	`after warm-up (baseline at ${baseline.minute.toFixed(2)} min): rss after gc ${baseline.rssGc.toFixed(1)} → ${last.rssGc.toFixed(1)} MB (${signed(growth)}), ` +
		`rss as sampled ${baseline.rss.toFixed(1)} → ${last.rss.toFixed(1)} MB (${signed(percent(baseline.rss, last.rss))}), ` +
		`heap after gc ${baseline.heapGc.toFixed(1)} → ${last.heapGc.toFixed(1)} MB (${signed(percent(baseline.heapGc, last.heapGc))})`,
);
const after = samples.filter((s) => s !== samples[0] && s.minute >= baseline.minute);
console.log(
	`rss after gc from the baseline on: min ${Math.min(...after.map((s) => s.rssGc)).toFixed(1)}, max ${Math.max(...after.map((s) => s.rssGc)).toFixed(1)} MB`,
);
const ok = growth <= limitPercent && counts.stalls === 0;
console.log(
	`rss growth ${signed(growth)} ${growth <= limitPercent ? '≤' : '>'} ${limitPercent}%: ${growth <= limitPercent ? 'ok' : 'TOO MUCH'}${counts.stalls > 0 ? ` · ${counts.stalls} stalled run(s)` : ''}`,
);
// Every worker and timer is gone: the process ends by itself (no process.exit).
setTimeout(() => console.log(`soak: still alive 5 s after the end; active: ${JSON.stringify(resources())}`), 5000).unref();
process.exitCode = ok ? 0 : 1;
