// 1. first frame for an installed user: the packed tarball's bin/threadlab on a pty, spawn → first
// frame, with an empty code cache (the first run) and a warm one, against bare node's first byte,
// in paired runs, NODE_EXTRA_CA_CERTS unset for both (and, labelled, set, if this machine sets it).
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {CLI, FIRST_FRAME_SIZE, NODE, P, ROOT, log, sleep} from './config.mjs';
import {installPacked} from './installed.mjs';
import {median, stats} from './proc.mjs';
import {BSU, ESU, PTY_METHOD, Pty} from './pty.mjs';
import {row, skipped} from './table.mjs';

const BARE_WRITE = [NODE, '-e', "process.stdout.write('x')"];
const BARE_EXIT = [NODE, '-e', '0'];
/** Set on this machine, Node 20 reads those certificates at every start (~40 ms): unset unless labelled. */
const CERTS = process.env.NODE_EXTRA_CA_CERTS || null;
const NO_CERTS = {NODE_EXTRA_CA_CERTS: undefined};
/** bin/threadlab starts with `#!/usr/bin/env node`: the Node measured comes first in PATH. */
const PATH = `${dirname(NODE)}:${process.env.PATH ?? ''}`;
const appEnv = (cacheHome, certs = false) => ({XDG_CACHE_HOME: cacheHome, PATH, ...(certs ? {} : NO_CERTS)});

/**
 * Spawn → first byte. With `frame`, spawn → the first byte of the first frame: the write
 * that starts with Ink's begin-synchronized-update (or, without one, shows the header);
 * anything the app wrote before it (e.g. erasing the echoed line) does not count.
 */
async function firstByte(cmd, {frame = false, env} = {}) {
	const pty = new Pty(cmd, {...FIRST_FRAME_SIZE, keep: 1 << 16, env});
	const first = await pty.until(() => pty.chunks[0]?.t, 10_000);
	let start = first;
	let complete = first;
	if (frame) {
		start = await pty.until(() => pty.frames[0] ?? (pty.text.includes('threadlab ·') ? pty.chunks.at(-1).t : null), 10_000);
		complete = await pty.until(() => (pty.text.includes(ESU) || pty.text.includes('threadlab ·') ? pty.chunks.at(-1).t : null), 10_000);
	}
	await pty.close();
	const ms = (t) => (t === null ? null : t * 1000);
	return {firstMs: ms(start), anyMs: ms(first), completeMs: ms(complete), text: pty.text};
}

async function spawnToExit(cmd, env) {
	const pty = new Pty(cmd, {...FIRST_FRAME_SIZE, keep: 0, env});
	const exited = await pty.until(() => pty.exited, 10_000);
	await pty.close();
	return exited ? pty.exitAt * 1000 : null;
}

/** A first run that ends as Ctrl+C ends it (SIGTERM, a clean exit), so it leaves its code cache. */
async function prime(cmd, env) {
	const pty = new Pty(cmd, {...FIRST_FRAME_SIZE, keep: 1 << 16, env});
	await pty.until(() => pty.frames[0] ?? (pty.text.includes('threadlab ·') ? 1 : null), 10_000);
	await sleep(300);
	try {
		process.kill(pty.pid, 'SIGTERM');
	} catch {}
	await pty.until(() => pty.exited, 5000);
	await pty.close();
	try {
		return readdirSync(join(env.XDG_CACHE_HOME, 'threadlab', 'code-cache')).length;
	} catch {
		return 0;
	}
}

async function measure(installed) {
	const home = (name) => mkdtempSync(join(tmpdir(), `threadlab-bench-${name}-`));
	const homes = [home('warm'), home('checkout')];
	const [warmHome, checkoutHome] = homes;
	const appIn = [installed.bin, 'sleepers'];
	const appOut = [NODE, CLI, 'sleepers'];
	const r = {bare: [], bareExit: [], cold: [], warm: [], warmComplete: [], checkout: [], bareCerts: [], warmCerts: []};
	const ratios = {warm: [], cold: [], certs: []};
	let sawFrame = false;
	let before = 0;
	try {
		// One unmeasured round: every file in the page cache, and each warm cache written by its first run.
		await firstByte(BARE_WRITE, {env: NO_CERTS});
		const cached = await prime(appIn, appEnv(warmHome));
		await prime(appOut, appEnv(checkoutHome));
		for (let i = 0; i < P.firstFrameRuns; i++) {
			const b = await firstByte(BARE_WRITE, {env: NO_CERTS});
			r.bareExit.push(await spawnToExit(BARE_EXIT, NO_CERTS));
			const coldHome = home('cold');
			homes.push(coldHome);
			const c = await firstByte(appIn, {frame: true, env: appEnv(coldHome)});
			const w = await firstByte(appIn, {frame: true, env: appEnv(warmHome)});
			r.checkout.push((await firstByte(appOut, {frame: true, env: appEnv(checkoutHome)})).firstMs);
			r.bare.push(b.firstMs);
			r.cold.push(c.firstMs);
			r.warm.push(w.firstMs);
			r.warmComplete.push(w.completeMs);
			if (w.text.includes(BSU) && w.text.includes('threadlab')) sawFrame = true;
			if (w.anyMs !== null && w.firstMs !== null && w.anyMs < w.firstMs) before++;
			if (b.firstMs && w.firstMs) ratios.warm.push(w.firstMs / b.firstMs);
			if (b.firstMs && c.firstMs) ratios.cold.push(c.firstMs / b.firstMs);
			if (CERTS) {
				const bc = await firstByte(BARE_WRITE);
				const wc = await firstByte(appIn, {frame: true, env: appEnv(warmHome, true)});
				r.bareCerts.push(bc.firstMs);
				r.warmCerts.push(wc.firstMs);
				if (bc.firstMs && wc.firstMs) ratios.certs.push(wc.firstMs / bc.firstMs);
			}
		}
		const note = `${installed.how}; ${sawFrame ? "a frame starts at ESC[?2026h (Ink's begin-synchronized-update)" : 'no ESC[?2026h: the frame is found by its header'}${before > 0 ? `; in ${before} of ${P.firstFrameRuns} runs the app wrote something else first, not counted` : ''}; warm: ${cached} code cache file(s) left by the first run`;
		return {r, ratios, note, medianRatio: median(r.warm) / median(r.bare)};
	} finally {
		for (const folder of homes) rmSync(folder, {recursive: true, force: true});
	}
}

const IDS = [
	['firstFrame.bare', 'bare node: spawn → first byte', 'ms'],
	['firstFrame.bareExit', 'node -e 0: spawn → exit', 'ms'],
	['firstFrame.installedCold', 'installed threadlab, first run (empty cache): first frame', 'ms'],
	['firstFrame.installedWarm', 'installed threadlab, warm cache: first frame', 'ms'],
	['firstFrame.installedComplete', 'installed threadlab, warm cache: first frame complete', 'ms'],
	['firstFrame.app', 'threadlab from the checkout (dist/cli.js), warm cache: first frame', 'ms'],
	['firstFrame.ratio', 'installed, warm / bare node', '×', {text: '≤ 2.5×'}],
	['firstFrame.ratioCold', 'installed, first run / bare node', '×'],
	['firstFrame.bareCerts', 'bare node, NODE_EXTRA_CA_CERTS set', 'ms'],
	['firstFrame.ratioCerts', 'installed, warm / bare node, NODE_EXTRA_CA_CERTS set for both', '×'],
];
const skipAll = (why) => IDS.map(([id, label, unit, goal]) => skipped(id, label, unit, why, goal));

/** The first-frame rows, measured (or skipped without a pty or without an install). */
export async function firstFrameRows() {
	if (!PTY_METHOD) return skipAll('no pty (install python3 or util-linux script)');
	log('first frame: npm pack, then install the tarball into a temporary prefix');
	const installed = installPacked(ROOT);
	if (installed.error) return skipAll(installed.error);
	log(`first frame: ${P.firstFrameRuns} paired runs, pty ${FIRST_FRAME_SIZE.cols}×${FIRST_FRAME_SIZE.rows} (${PTY_METHOD})`);
	let m;
	try {
		m = await measure(installed);
	} finally {
		installed.remove();
	}
	const {r, ratios} = m;
	const unset = 'NODE_EXTRA_CA_CERTS unset';
	const rows = [
		row('firstFrame.bare', `node -e "process.stdout.write('x')": spawn → first byte (${unset})`, 'ms', stats(r.bare)),
		row('firstFrame.bareExit', `node -e 0: spawn → exit (${unset})`, 'ms', stats(r.bareExit)),
		row('firstFrame.installedCold', 'installed bin/threadlab sleepers, first run (empty cache): first frame', 'ms', stats(r.cold)),
		row('firstFrame.installedWarm', 'installed bin/threadlab sleepers, warm cache: first frame', 'ms', stats(r.warm), null, m.note),
		row('firstFrame.installedComplete', 'installed, warm cache: spawn → first frame complete', 'ms', stats(r.warmComplete)),
		row('firstFrame.app', 'checkout dist/cli.js sleepers, warm cache: first frame', 'ms', stats(r.checkout)),
		row(
			'firstFrame.ratio',
			'installed, warm cache / bare node (paired runs)',
			'×',
			stats(ratios.warm),
			{op: '<=', value: 2.5, text: '≤ 2.5×'},
			`ratio of the medians ${m.medianRatio.toFixed(2)}×`,
		),
		row('firstFrame.ratioCold', 'installed, first run / bare node (paired runs)', '×', stats(ratios.cold)),
	];
	const label = `NODE_EXTRA_CA_CERTS=${CERTS} set for both`;
	if (CERTS) {
		rows.push(row('firstFrame.bareCerts', `bare node first byte, ${label}`, 'ms', stats(r.bareCerts)));
		rows.push(row('firstFrame.ratioCerts', `installed, warm / bare node, ${label}`, '×', stats(ratios.certs)));
	} else rows.push(...skipAll('NODE_EXTRA_CA_CERTS is not set here').slice(-2));
	return rows;
}
