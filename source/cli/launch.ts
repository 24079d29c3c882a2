/**
 * Runs validated options in the right mode (interactive Ink, plain lines,
 * JSON, frames, a recording) and owns every exit path: whatever ends the
 * program, the terminal is restored and every worker thread is terminated first.
 */
import {writeSync} from 'node:fs';
import type {Instance} from 'ink';
import {cause} from '../output/cast-file.js';
import {asciiText} from '../ui/theme.js';
import {WorkerPool} from '../engine/pool.js';
import {closingLines, failedThreads, jsonFor, runHeadless, simulateHeadless} from '../output/lines.js';
import type {Options} from './options.js';
import {UsageError} from '../model/errors.js';
import {Cast, castHeader, checkRecordPath, discardUnfinished, teeStdout} from '../output/record.js';
import {GIL_DEFAULTS} from '../lessons/gil.js';
import {tourSlides} from '../lessons/tour.js';
import {type View, checkFailures, viewFor} from '../lessons/view.js';

const SIGNALS = [
	['SIGINT', 130],
	['SIGTERM', 143],
] as const;

type Body = (pool: WorkerPool, write: (line: string) => void, mount: (instance: Instance) => void) => Promise<number>;

/** What a recording calls the view: the scene's name. */
export function viewLabel(view: View): string {
	return view.kind === 'scene' ? view.scene.name : view.kind;
}

/** A terminal to draw on: stdout is a TTY that can move its cursor (`TERM=dumb` cannot: it gets plain lines). */
export const drawsOnTerminal = (): boolean => process.stdout.isTTY === true && process.env['TERM'] !== 'dumb';

export async function launch(options: Options): Promise<number> {
	if (options.record !== undefined) checkRecordPath(options.record, options.force);
	if (options.scene === 'interleavings') return launchInterleavings(options);
	return options.scene === 'tour' ? launchTour(options) : launchView(viewFor(options), options);
}

/** The counted scene: frames, piped lines or JSON, or the live app; the real runs use the pool. */
async function launchInterleavings(options: Options): Promise<number> {
	if (Object.keys(options.failures).length > 0)
		throw new UsageError('THREADLAB_FAIL does not apply to interleavings: use it with one scene');
	if (options.record !== undefined && options.seed !== undefined)
		throw new UsageError('--record with --seed does not apply to interleavings: record it live, without --seed');
	return guarded(options, 'interleavings', async (pool, write, mount) => {
		if (options.frames || options.json || !drawsOnTerminal()) {
			const {interleavingsHeadless, printInterleavingsFrames} = await import('../output/interleavings.js');
			if (options.frames) printInterleavingsFrames(options, write);
			else await interleavingsHeadless(pool, options, write);
			return 0;
		}
		const {renderInterleavings} = await prepareTerminal(async () => import('../output/interleavings.js'));
		const instance = renderInterleavings(pool, options);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}

/**
 * The terminal hung up (its window closed) or was told to: the workers stop, a recording is
 * kept, and the terminal is restored only if it is still there. Then the signal's own default
 * ends the process (exit 129): Node's exit would reset a dead terminal and abort
 * (nodejs/node#51519, a native stack and a core file).
 */
function hangUp(stop: () => void): void {
	stop();
	let alive = true;
	try {
		if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
	} catch {
		alive = false;
	}
	if (alive && process.stdout.isTTY) {
		try {
			writeSync(1, '\u001B[?25h');
		} catch {}
	}
	process.removeAllListeners('SIGHUP');
	process.kill(process.pid, 'SIGHUP');
}

/**
 * Runs `body` with a worker pool, a live recording if asked (`tee`), and clean-up on every exit
 * path: a live recording is kept as far as it went, a rendered one that was cut short is not.
 */
async function guarded(options: Options, title: string, body: Body, tee = true): Promise<number> {
	const pool = new WorkerPool();
	let instance: Instance | undefined;
	let untee: (() => string | undefined) | undefined;
	const bail = (code: number, message?: string) => {
		instance?.unmount();
		const failed = untee?.();
		discardUnfinished();
		pool.terminateNow();
		const line = message ?? failed;
		if (line) process.stderr.write(`threadlab: ${line}\n`);
		process.exit(code === 0 && failed ? 1 : code);
	};
	if (options.record !== undefined && tee) {
		const terminal = drawsOnTerminal();
		const columns = terminal ? process.stdout.columns || 80 : 80;
		const rows = terminal ? process.stdout.rows || 24 : 24;
		const cast = new Cast(
			options.record,
			castHeader(columns, rows, `threadlab ${title}`, Math.floor(Date.now() / 1000), options.ascii),
			options.force,
		);
		untee = teeStdout(cast, (message) => setImmediate(() => bail(1, message)));
	}
	for (const [signal, code] of SIGNALS) process.once(signal, () => bail(code));
	const hungUp = () =>
		hangUp(() => {
			untee?.();
			discardUnfinished();
			pool.terminateNow();
		});
	process.once('SIGHUP', hungUp);
	// EIO: the terminal is gone (its window closed), often before SIGHUP arrives.
	const unwritable = (error: NodeJS.ErrnoException) =>
		error.code === 'EIO' ? hungUp() : error.code === 'EPIPE' ? bail(0) : bail(1, `cannot write to stdout: ${cause(error)}`);
	process.stdout.on('error', unwritable);
	process.once('uncaughtException', (error: NodeJS.ErrnoException) => (error.code === 'EIO' ? hungUp() : bail(1, error.message)));
	process.once('unhandledRejection', (error) => bail(1, error instanceof Error ? error.message : String(error)));
	const write = (line: string) => process.stdout.write(`${options.ascii ? asciiText(line) : line}\n`);
	let code: number;
	try {
		code = await body(pool, write, (mounted) => {
			instance = mounted;
		});
	} finally {
		await pool.terminate();
	}
	// The run went well, but its recording could not be kept: that is the one line to say.
	const failed = untee?.();
	if (failed) throw new Error(failed);
	return code;
}

/** Before Ink mounts: keys typed while the UI loads must not echo and shift the first frame. */
async function prepareTerminal<T>(load: () => Promise<T>): Promise<T> {
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const interactive = await load();
	process.stdout.write('\r\u001B[2K'); // erase what the tty echoed before raw mode
	return interactive;
}

export async function launchView(view: View, options: Options): Promise<number> {
	checkFailures(view, options.seed !== undefined);
	const {record, seed} = options;
	if (record !== undefined && seed !== undefined) {
		const {recordView} = await import('../output/seeded.js');
		const rendered = async () => {
			const seconds = await recordView(view, options, record);
			process.stderr.write(`threadlab: recorded ${record}: ${seconds.toFixed(2)} s, seed ${seed}\n`);
			return 0;
		};
		return guarded(options, viewLabel(view), rendered, false);
	}
	return guarded(options, viewLabel(view), async (pool, write, mount) => {
		if (options.frames) {
			const {printFrames} = await import('../output/seeded.js');
			await printFrames(view, options, write);
			return 0;
		}
		if (options.json || !drawsOnTerminal()) {
			const onLine = options.json ? undefined : write;
			const lanes = options.seed === undefined ? await runHeadless(pool, view, onLine) : await simulateHeadless(view, options.seed, onLine);
			if (options.json) write(JSON.stringify(jsonFor(view, lanes)));
			else for (const line of closingLines(lanes.flat())) write(line);
			return failedThreads(lanes.flat()) > 0 ? 1 : 0;
		}
		const {renderInteractive} = await prepareTerminal(async () => import('../output/interactive.js'));
		const instance = renderInteractive(view, pool, options);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}

export async function launchTour(options: Options): Promise<number> {
	if (Object.keys(options.failures).length > 0) throw new UsageError('THREADLAB_FAIL does not apply to the tour: use it with one scene');
	const race = {threads: options.raceThreads, increments: options.increments, workMicros: options.workMicros};
	const gil = {...GIL_DEFAULTS, cpuMs: options.cpuMs, python: options.python, simulated: options.seed !== undefined};
	const slides = tourSlides({threads: options.threads, sleep: options.sleep}, race, gil);
	const {record, seed} = options;
	if (record !== undefined && seed !== undefined) {
		const {recordTour} = await import('../output/tour.js');
		const rendered = async () => {
			const seconds = await recordTour(slides, options, record);
			process.stderr.write(`threadlab: recorded ${record}: the tour, ${seconds.toFixed(2)} s, seed ${seed}\n`);
			return 0;
		};
		return guarded(options, 'tour', rendered, false);
	}
	return guarded(options, 'tour', async (pool, write, mount) => {
		if (options.json || !drawsOnTerminal()) {
			const {tourHeadless} = await import('../output/tour.js');
			const {json, failed} = await tourHeadless(slides, pool, options, write);
			if (options.json) write(JSON.stringify(json));
			return failed ? 1 : 0;
		}
		// The tour's own chunk: syntax highlighting loads only for it.
		const {renderTour} = await prepareTerminal(async () => import('../output/interactive-tour.js'));
		// Seeded, or without a keyboard, the tour moves on by itself.
		const auto = options.auto ?? (options.seed !== undefined || !process.stdin.isTTY ? 2 : undefined);
		const instance = renderTour(slides, pool, options, auto);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}
