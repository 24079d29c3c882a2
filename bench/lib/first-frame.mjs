// 1. first frame: spawn → first byte of the first frame on a pty, against bare node's first byte.
import {CLI, FIRST_FRAME_SIZE, NODE, P, log, sleep} from './config.mjs';
import {median, stats} from './proc.mjs';
import {BSU, ESU, PTY_METHOD, Pty} from './pty.mjs';
import {row, skipped} from './table.mjs';

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

/** The first-frame rows, measured (or skipped without a pty). */
export async function firstFrameRows() {
	const rows = [];
	if (!PTY_METHOD) {
		for (const [id, label, unit, goal] of [
			['firstFrame.bare', 'bare node: spawn → first byte', 'ms'],
			['firstFrame.bareExit', 'node -e 0: spawn → exit', 'ms'],
			['firstFrame.app', 'threadlab sleepers: spawn → first byte of the first frame', 'ms'],
			['firstFrame.appComplete', 'threadlab sleepers: spawn → first frame complete', 'ms'],
			['firstFrame.appNoCache', 'threadlab sleepers, THREADLAB_NO_CACHE=1: first frame byte', 'ms'],
			['firstFrame.ratio', 'first frame / bare node', '×', {text: '≤ 2.5×'}],
		])
			rows.push(skipped(id, label, unit, 'no pty (install python3 or util-linux script)', goal));
		return rows;
	}
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
	return rows;
}
