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
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const SECTIONS = ['first-frame', 'render', 'sleep', 'counter', 'memory'];
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
	? {firstFrameRuns: 3, renderRuns: 1, renderSettleMs: 400, renderWindowMs: 1000, sleepRuns: 1, sleepSeconds: 0.5, counterRuns: 1, increments: 100_000}
	: {firstFrameRuns: 10, renderRuns: 3, renderSettleMs: 10000, renderWindowMs: 10000, sleepRuns: 3, sleepSeconds: 2, counterRuns: 3, increments: 1_000_000};
const FIRST_FRAME_SIZE = {cols: 100, rows: 30};
const RENDER_ROWS = [8, 64, 256];
const MEMORY_THREADS = [1, 64, 256];
const COUNTER_THREADS = 4;
const SLEEPERS = 5;
const FPS = 30;

const BENCH_T0 = performance.now();
const LOAD_START = Math.round(os.loadavg()[0] * 100) / 100;
const log = (text) => process.stderr.write(`bench: [${((performance.now() - BENCH_T0) / 1000).toFixed(1)} s] ${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's environment: no CI markers (Ink draws only the last frame when CI is set), a real TERM. */
const childEnv = (() => {
	const env = {...process.env, TERM: 'xterm-256color'};
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'TMUX', 'TMUX_PANE', 'NODE_OPTIONS']) delete env[key];
	return env;
})();

// ---------------------------------------------------------------------------------
// statistics

const sorted = (values) => [...values].sort((a, b) => a - b);
function quantile(values, q) {
	const s = sorted(values);
	if (s.length === 0) return null;
	const index = (s.length - 1) * q;
	const low = Math.floor(index);
	const high = Math.ceil(index);
	return s[low] + (s[high] - s[low]) * (index - low);
}
const median = (values) => quantile(values, 0.5);
const stats = (values) => {
	const clean = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	return clean.length === 0 ? {min: null, median: null, max: null, runs: []} : {min: Math.min(...clean), median: median(clean), max: Math.max(...clean), runs: clean};
};

// ---------------------------------------------------------------------------------
// /proc

function readProc(path) {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** CPU time of every live thread of `pid`, in ns (schedstat), and of its main thread. */
function cpuNs(pid) {
	let total = 0;
	let main = 0;
	let tasks;
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return null;
	}
	for (const tid of tasks) {
		const text = readProc(`/proc/${pid}/task/${tid}/schedstat`);
		if (text === null) continue;
		const ns = Number(text.split(' ')[0]);
		total += ns;
		if (tid === String(pid)) main = ns;
	}
	return {total, main, tasks: tasks.length};
}

/** VmRSS and VmHWM in MB. */
function rssMb(pid) {
	const status = readProc(`/proc/${pid}/status`);
	if (status === null) return null;
	const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
	return {rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024};
}

function childPids(pid) {
	const out = [];
	let tasks = [];
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return out;
	}
	for (const tid of tasks) {
		const text = readProc(`/proc/${pid}/task/${tid}/children`);
		if (text) out.push(...text.trim().split(/\s+/).filter(Boolean).map(Number));
	}
	return out;
}

// ---------------------------------------------------------------------------------
// a real pseudo-terminal: python3's pty module, or util-linux `script`

const has = (command, args) => spawnSync(command, args, {stdio: 'ignore'}).status === 0;
const PYTHON = has('python3', ['-c', 'import pty, fcntl, termios']) ? 'python3' : null;
const SCRIPT = !PYTHON && has('script', ['--version']) && has('stty', ['--version']) ? 'script' : null;
const PTY_METHOD = PYTHON ? 'python3 pty.fork, size set with TIOCSWINSZ before exec' : SCRIPT ? 'util-linux script + stty (times include script and sh)' : null;

/**
 * Forks `cmd` on a fresh pty of the given size and streams what it writes:
 * `pid <pid>`, then per read `d <s since just before fork> <bytes> <frame starts> <base64 or ->`,
 * `w <s>` once `watch` (if given) has appeared in the output, then `x <s> <status>`. Only the first `keep` bytes are forwarded; frames are counted in place
 * (ESC[?2026h, Ink's begin-synchronized-update, starts every frame).
 */
const PTY_DRIVER = String.raw`
import os, sys, pty, time, fcntl, termios, struct, base64
cols, rows, keep = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
watch = sys.argv[4].encode('utf8')
cmd = sys.argv[5:]
BSU = b'\x1b[?2026h'
t0 = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(cmd[0], cmd)
out = sys.stdout.buffer
out.write(b'pid %d\n' % pid); out.flush()
tail = b''
wtail = b''
while True:
    try:
        data = os.read(fd, 1 << 16)
    except OSError:
        break
    if not data:
        break
    t = time.perf_counter() - t0
    joined = tail + data
    marks = joined.count(BSU)
    tail = joined[-7:]
    payload = b'-'
    if keep > 0:
        payload = base64.b64encode(data[:keep]); keep -= len(data)
    out.write(b'd %.6f %d %d %s\n' % (t, len(data), marks, payload))
    if watch:
        joined = wtail + data
        if watch in joined:
            out.write(b'w %.6f\n' % t); watch = b''
        wtail = joined[-len(watch):] if watch else b''
    out.flush()
_, status = os.waitpid(pid, 0)
out.write(b'x %.6f %d\n' % (time.perf_counter() - t0, status)); out.flush()
`;

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

/** One program on a pty. Times are seconds since just before the fork (python) or the spawn (script). */
class Pty {
	chunks = [];
	/** Times of frame starts. */
	frames = [];
	text = '';
	pid = null;
	exited = false;
	#listeners = new Set();

	/** Time `watch` first appeared in the output. */
	watchedAt = null;

	constructor(cmd, {cols, rows, keep = 1 << 16, watch = '', env = {}}) {
		if (PYTHON) {
			this.child = spawn(PYTHON, ['-c', PTY_DRIVER, String(cols), String(rows), String(keep), watch, ...cmd], {env: {...childEnv, ...env}, stdio: ['ignore', 'pipe', 'inherit']});
			let buffer = '';
			this.child.stdout.setEncoding('latin1').on('data', (data) => {
				buffer += data;
				for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
					this.#line(buffer.slice(0, nl));
					buffer = buffer.slice(nl + 1);
				}
			});
		} else if (SCRIPT) {
			const quote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
			const t0 = performance.now();
			this.child = spawn('script', ['-qfec', `stty cols ${cols} rows ${rows}; exec ${cmd.map(quote).join(' ')}`, '/dev/null'], {env: {...childEnv, ...env}, stdio: ['pipe', 'pipe', 'inherit']});
			let tail = '';
			let kept = 0;
			let seen = '';
			const decoder = new TextDecoder();
			this.child.stdout.setEncoding('latin1').on('data', (data) => {
				const t = (performance.now() - t0) / 1000;
				const joined = tail + data;
				const marks = joined.split(BSU).length - 1;
				tail = joined.slice(-7);
				const payload = kept < keep ? data.slice(0, keep - kept) : '';
				kept += data.length;
				if (watch && this.watchedAt === null) {
					seen = (seen + decoder.decode(Buffer.from(data, 'latin1'), {stream: true})).slice(-4 * watch.length);
					if (seen.includes(watch)) this.watchedAt = t;
				}
				this.#chunk(t, data.length, marks, payload);
			});
			const findPid = () => {
				if (this.pid !== null || this.exited) return;
				const [inner] = childPids(this.child.pid);
				if (inner) this.pid = inner;
				else setTimeout(findPid, 2);
			};
			findPid();
			this.child.on('exit', () => this.#exit((performance.now() - t0) / 1000));
		} else {
			throw new Error('no pseudo-terminal: neither python3 nor util-linux script is installed');
		}
		this.child.on('error', () => this.#exit(null));
	}

	#line(line) {
		const [kind, a, b, c, d] = line.split(' ');
		if (kind === 'pid') this.pid = Number(a);
		else if (kind === 'd') this.#chunk(Number(a), Number(b), Number(c), d === '-' ? '' : Buffer.from(d, 'base64').toString('latin1'));
		else if (kind === 'w') this.watchedAt = Number(a);
		else if (kind === 'x') this.#exit(Number(a));
	}

	#chunk(t, bytes, marks, payload) {
		this.chunks.push({t, bytes, marks});
		for (let i = 0; i < marks; i++) this.frames.push(t);
		if (payload) this.text += payload;
		this.#notify();
	}

	#exit(t) {
		if (this.exited) return;
		this.exited = true;
		this.exitAt = t;
		this.#notify();
	}

	#notify() {
		for (const listener of this.#listeners) listener();
	}

	/** Resolves once `check()` is truthy (checked on every chunk and every 20 ms), or null on timeout. */
	until(check, timeoutMs) {
		return new Promise((resolve) => {
			const done = (value) => {
				this.#listeners.delete(test);
				clearInterval(timer);
				clearTimeout(timeout);
				resolve(value);
			};
			const test = () => {
				const value = check();
				if (value) done(value);
			};
			const timer = setInterval(test, 20);
			const timeout = setTimeout(() => done(null), timeoutMs);
			this.#listeners.add(test);
			test();
		});
	}

	async close() {
		if (this.pid !== null) {
			try {
				process.kill(this.pid, 'SIGKILL');
			} catch {}
		}
		if (!(await this.until(() => this.exited, 3000))) this.child.kill('SIGKILL');
	}
}

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
	const note = `${sawFrame ? 'a frame starts at ESC[?2026h (Ink\'s begin-synchronized-update)' : 'no ESC[?2026h: the frame is found by its header'}${before > 0 ? `; in ${before} of ${P.firstFrameRuns} runs the app wrote something else first, not counted` : ''}`;
	return {bare: stats(bare), bareExit: stats(bareExit), app: stats(app), appComplete: stats(appComplete), appNoCache: stats(appNoCache), ratio: stats(ratios), medianRatio: median(app) / median(bare), note};
}

// ---------------------------------------------------------------------------------
// 2. render cost and 5. memory: `sleepers -t n -s 600` on a pty tall enough for every row

/**
 * Waits for the n workers to exist and the run to settle, then measures CPU over a window:
 * whole process (every thread) and the main thread alone, frames written, and VmRSS.
 */
async function sleepingSession(threads, {windowMs, settleMs}) {
	const rows = threads + 16; // header, table, three log lines, summary, footer: every row drawn
	const pty = new Pty([NODE, CLI, 'sleepers', '-t', String(threads), '-s', '600', '--fps', String(FPS)], {cols: 100, rows, keep: 0, watch: 'running ·'});
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
	const sizes = [...new Set([...(only.has('memory') ? MEMORY_THREADS : []), ...(only.has('render') ? RENDER_ROWS : [])])].sort((a, b) => a - b);
	const results = new Map(sizes.map((n) => [n, []]));
	log(`render cost and memory: sleepers -t ${sizes.join('/')} -s 600 --fps ${FPS}, ${P.renderRuns}× each, ${P.renderWindowMs} ms window after the workers start + ${P.renderSettleMs} ms`);
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

const PY_SLEEPERS = String.raw`
import threading, time, json, sys
n_threads, n_time = int(sys.argv[1]), float(sys.argv[2])
starts, wakes = {}, {}
def sleeper(n_time, name):
    starts[name] = time.perf_counter()
    # print('I am {}. Going to sleep for {} seconds'.format(name, n_time))
    time.sleep(n_time)
    wakes[name] = time.perf_counter()
    # print('{} has woken up from sleep'.format(name))
t0 = time.perf_counter()
threads = []
for i in range(n_threads):
    name = 'thread_{}'.format(i)
    thread = threading.Thread(target=sleeper, name=name, args=(n_time, name))
    threads.append(thread)
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.perf_counter() - t0
print(json.dumps({'elapsedMs': elapsed * 1000, 'wakeErrorMs': [(wakes[k] - starts[k] - n_time) * 1000 for k in sorted(starts)]}))
`;

const PY_COUNTER = String.raw`
import threading, time, json, sys
n_threads, n, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
count = 0
lock = threading.Lock()
def unsafe():
    global count
    for _ in range(n):
        value = count
        count = value + 1
def locked():
    global count
    for _ in range(n):
        with lock:
            value = count
            count = value + 1
threads = [threading.Thread(target=unsafe if mode == 'unsafe' else locked) for _ in range(n_threads)]
t0 = time.perf_counter()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.perf_counter() - t0
print(json.dumps({'opsPerSec': n_threads * n / elapsed, 'lost': n_threads * n - count, 'elapsedMs': elapsed * 1000}))
`;

/**
 * What one Node worker costs with no threadlab code in it: n workers that only wait for a
 * message, with the pool's resourceLimits, in a plain node. MB of VmRSS per worker.
 */
const EMPTY_WORKERS = String.raw`
const {Worker} = require('node:worker_threads');
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const n = Number(process.argv[1]);
const options = {eval: true, stdout: true, stderr: true, resourceLimits: {maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1}};
const code = "require('node:worker_threads').parentPort.once('message', () => {})";
const start = () => new Promise((resolve) => { const w = new Worker(code, options); w.stdout.resume(); w.stderr.resume(); w.once('online', () => resolve(w)); });
(async () => {
	await start();
	await new Promise((r) => setTimeout(r, 500));
	const before = rss();
	for (let i = 0; i < n; i++) await start();
	await new Promise((r) => setTimeout(r, 1500));
	process.stdout.write(String((rss() - before) / n));
	process.exit(0);
})();
`;

function emptyWorkerMb(n) {
	const result = spawnSync(NODE, ['-e', EMPTY_WORKERS, String(n)], {encoding: 'utf8', timeout: 120_000});
	return result.status === 0 ? Number(result.stdout) : null;
}

function python(code, args) {
	const result = spawnSync('python3', ['-c', code, ...args.map(String)], {encoding: 'utf8', timeout: 120_000});
	if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

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
				const run = await lib.RealRun.prepare(pool, lib.raceProgram(mode, {threads: COUNTER_THREADS, increments: P.increments, workMicros: 0}));
				const result = lib.raceResult(await run.run());
				if (result.failed > 0) throw new Error(`${mode}: ${result.failed} threads failed`);
				node[mode].push(result);
			}
			// The same number of lock, increment, unlock on one thread: what the lock itself costs.
			const alone = await lib.RealRun.prepare(pool, lib.raceProgram('mutex', {threads: 1, increments: COUNTER_THREADS * P.increments, workMicros: 0}));
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

const skipped = (id, label, unit, why, goal) => ({id, label, unit, min: null, median: null, max: null, runs: 0, goal: goal?.text ?? null, holds: null, skipped: why});

const fmt = {
	ms: (v) => `${v.toFixed(1)} ms`,
	'×': (v) => `${v.toFixed(2)}×`,
	ratio: (v) => v.toFixed(4),
	'%': (v) => `${v.toFixed(1)} %`,
	'/s': (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : `${(v / 1e3).toFixed(1)} k/s`),
	MB: (v) => `${v.toFixed(1)} MB`,
	'MB/thread': (v) => `${v.toFixed(2)} MB`,
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
	lines.push(`threadlab bench${report.quick ? ' (--quick: single short runs, figures indicative only)' : ''} · ${new Date(report.date).toISOString()}`);
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
};

// ---------------------------------------------------------------------------------

async function main() {
	const started = Date.now();
	const rows = [];
	const notes = [];
	// The library (it imports React and Ink from node_modules): only for the sections that use it.
	const lib = only.has('sleep') || only.has('counter') ? await import(INDEX) : null;

	// 1. first frame
	if (!only.has('first-frame')) {
		// not asked for
	} else if (PTY_METHOD) {
		const ff = await benchFirstFrame();
		rows.push(row('firstFrame.bare', `node -e "process.stdout.write('x')": spawn → first byte`, 'ms', ff.bare));
		rows.push(row('firstFrame.bareExit', 'node -e 0: spawn → exit', 'ms', ff.bareExit));
		rows.push(row('firstFrame.app', 'threadlab sleepers: spawn → first byte of the first frame', 'ms', ff.app, null, ff.note));
		rows.push(row('firstFrame.appComplete', 'threadlab sleepers: spawn → first frame complete', 'ms', ff.appComplete));
		rows.push(row('firstFrame.appNoCache', 'threadlab sleepers, THREADLAB_NO_CACHE=1: first frame byte', 'ms', ff.appNoCache, null, 'without the V8 code cache the build writes beside the bundle (what a Node that rejects it gets)'));
		rows.push(
			row('firstFrame.ratio', 'first frame / bare node first byte (paired runs)', '×', ff.ratio, {op: '<=', value: 2.5, text: '≤ 2.5×'}, `ratio of the medians ${ff.medianRatio.toFixed(2)}×`),
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
			row('sleep.node', `RealRun ${ideal}: elapsed / ideal`, 'ratio', stats(sleepResult.node.map((r) => r.ratio)), {op: '<=', value: 1.002, text: '≤ 1.002'}, `median run: elapsed ${nodeMid.elapsedMs.toFixed(1)} ms, wake error per thread (ms) ${errors(nodeMid)}`),
		);
		rows.push(row('sleep.nodeWake', 'RealRun: worst wake error of a thread', 'ms', stats(worst(sleepResult.node))));
		if (sleepResult.py.length > 0) {
			const pyMid = mid(sleepResult.py);
			rows.push(row('sleep.python', `Python threading ${ideal}: elapsed / ideal`, 'ratio', stats(sleepResult.py.map((r) => r.ratio)), null, `median run: elapsed ${pyMid.elapsedMs.toFixed(1)} ms, wake error per thread (ms) ${errors(pyMid)}`));
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
		const lost = (runs) => `lost ${Math.round(median(runs.map((r) => r.lost))).toLocaleString('en')} of ${(COUNTER_THREADS * P.increments).toLocaleString('en')} (median)`;
		rows.push(row('counter.unsafe', `unsafe (read, write) ${work}`, '/s', rate(counter.node.unsafe), null, lost(counter.node.unsafe)));
		const contended = `contended ${Math.round(median(counter.node.mutex.map((r) => r.contended))).toLocaleString('en')} (median)`;
		const vs = (factor) => (pyLock === null ? null : {op: '>=', value: factor * pyLock, text: `≥ ${factor}× Python Lock`});
		rows.push(row('counter.mutex', `mutex (Atomics futex) ${work}`, '/s', rate(counter.node.mutex), vs(4), contended));
		rows.push(row('counter.atomic', `atomic (Atomics.add) ${work}`, '/s', rate(counter.node.atomic), vs(10)));
		const alone = `1 × ${(COUNTER_THREADS * P.increments).toLocaleString('en')}`;
		rows.push(row('counter.mutexAlone', `mutex, one thread alone ${alone}`, '/s', rate(counter.node.mutexAlone), null, 'no contention: the cost of the lock itself, without hand-offs between cores'));
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
		rows.push(row('memory.perThread', `MB per extra thread (${low} → ${high} threads)`, 'MB/thread', stats(perThread), {op: '<=', value: 6, text: '≤ 6 MB'}, `${low} → ${mid} threads: ${perMid.toFixed(2)} MB per thread`));
		const empty = Array.from({length: P.renderRuns}, () => emptyWorkerMb(64)).filter((mb) => mb !== null);
		if (empty.length === 0) rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'the empty workers did not start'));
		else rows.push(row('memory.emptyWorker', 'an empty Node worker (64 of them, same resourceLimits)', 'MB/thread', stats(empty), null, `the floor of one worker per thread on node ${process.versions.node}: no threadlab code in it`));
	} else {
		for (const n of MEMORY_THREADS) rows.push(skipped(`memory.threads${n}`, `sleepers -t ${n}: VmRSS`, 'MB', 'no pty'));
		rows.push(skipped('memory.perThread', 'MB per extra thread', 'MB/thread', 'no pty', {text: '≤ 6 MB'}));
		rows.push(skipped('memory.emptyWorker', 'an empty Node worker', 'MB/thread', 'no pty'));
	}

	if (sessions?.has(256)) {
		const spawn256 = median(sessions.get(256).map((r) => r.spawnedS));
		notes.push(`starting 256 workers took ${spawn256.toFixed(1)} s (median); render and memory are measured once every worker sleeps`);
	}
	if (only.has('first-frame')) notes.push('first frame: medians of paired runs; the goal is judged on the median of the per-run ratios');
	if (only.has('render')) notes.push('render: whole-process CPU (every thread) from /proc/<pid>/task/*/schedstat over the window; frames counted by ESC[?2026h on the pty');
	if (only.has('memory')) notes.push('memory: the interactive app on a pty, the same sessions as the render cost (1 thread: 100×17 pty)');
	if (only.has('sleep')) notes.push('sleep: the first run of a fresh pool is included; wake error = (wake − start) − ideal, per thread');
	if (!HAS_PYTHON3) notes.push('python3 not found: the Python rows and the goals measured against Python are skipped');
	const report = {quick: QUICK, date: started, seconds: (Date.now() - started) / 1000, machine: machine(), params: {...P, firstFrameSize: FIRST_FRAME_SIZE, renderRows: RENDER_ROWS, memoryThreads: MEMORY_THREADS, fps: FPS}, rows, notes};
	process.stdout.write(JSON_OUT ? `${JSON.stringify(report, null, 2)}\n` : `${table(report)}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);
