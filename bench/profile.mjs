#!/usr/bin/env node
/**
 * Where a frame's time goes while bars move: runs `sleepers -t <n> -s 6` on a pty (100 columns,
 * tall enough for every row) under `--cpu-prof`, and prints the main thread's top entries by
 * self time per frame over 3 s of the sleep, with the frames drawn meanwhile.
 *
 *   node bench/profile.mjs [-t 8] [--node <path>]
 *
 * For readable names build without minifying first: `THREADLAB_NO_MINIFY=1 npm run build`.
 * The profiler itself costs time: compare entries with each other, not with `npm run bench`.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {KeyPty} from './lib/key-pty.mjs';

const {values} = parseArgs({options: {threads: {type: 'string', short: 't', default: '8'}, node: {type: 'string'}}});
const threads = Number(values.threads);
if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
	process.stderr.write('profile: -t must be an integer from 1 to 256\n');
	process.exit(2);
}
const WINDOW_S = 3;
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'threadlab-profile-'));
const node = values.node ?? process.execPath;
const args = [node, '--cpu-prof', `--cpu-prof-dir=${dir}`, CLI, 'sleepers', '-t', String(threads), '-s', '6'];
const pty = new KeyPty(args, {cols: 100, rows: threads + 16});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
try {
	if (!(await pty.until(Buffer.from('running ·').toString('latin1'), 180_000, {seen: true}))) throw new Error('the threads did not start');
	await sleep(500);
	const before = pty.frames;
	await sleep(WINDOW_S * 1000);
	const frames = pty.frames - before;
	pty.key('q');
	// 256 workers take a while to stop; the main thread writes its profile last.
	for (let i = 0; i < 100 && !readdirSync(dir).some((name) => /\.0\.\d+\.cpuprofile$/.test(name)); i++) await sleep(100);
	const file = readdirSync(dir).find((name) => /\.0\.\d+\.cpuprofile$/.test(name));
	if (!file) throw new Error('no profile of the main thread');
	report(JSON.parse(readFileSync(join(dir, file), 'utf8')), frames);
} finally {
	await pty.close();
	rmSync(dir, {recursive: true, force: true});
}

/** The samples from 0.5 s after the first patch for WINDOW_S seconds: self time per frame, by function. */
function report(profile, frames) {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
	const inStack = (id, name) => {
		for (let at = id; at !== undefined; at = parent.get(at)) if (nodes.get(at).callFrame.functionName === name) return true;
		return false;
	};
	let t = profile.startTime;
	const times = profile.timeDeltas.map((delta) => (t += delta));
	// The first patch (a minified bundle has no such name: then the first render).
	let first = profile.samples.findIndex((id) => inStack(id, 'patch'));
	if (first < 0) first = profile.samples.findIndex((id) => inStack(id, 'onRender'));
	const from = times[first] + 0.5e6;
	const to = from + WINDOW_S * 1e6;
	const self = new Map();
	let busy = 0;
	for (const [i, id] of profile.samples.entries()) {
		if (times[i] < from || times[i] > to) continue;
		const {functionName, url, lineNumber} = nodes.get(id).callFrame;
		if (functionName === '(idle)') continue;
		const ms = profile.timeDeltas[i] / 1000;
		busy += ms;
		const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
		self.set(key, (self.get(key) ?? 0) + ms);
	}
	const per = (ms) => (frames > 0 ? (ms / frames).toFixed(3) : '—');
	console.log(
		`sleepers -t ${threads}: ${frames} frames in ${WINDOW_S} s, main thread busy ${busy.toFixed(0)} ms (${per(busy)} ms a frame)`,
	);
	console.log('ms/frame  self time');
	for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${per(ms).padStart(8)}  ${key}`);
}
