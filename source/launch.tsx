/**
 * Runs validated options in the right mode (interactive Ink, plain lines,
 * JSON, frames, a recording) and owns every exit path: whatever ends the
 * program, the terminal is restored and every worker thread is terminated first.
 */
import type {Instance} from 'ink';
import {WorkerPool} from './engine/pool.js';
import {closingLines, failedThreads, jsonFor, runHeadless, simulateHeadless} from './headless.js';
import type {Options} from './options.js';
import {UsageError} from './usage-error.js';
import {Cast, castHeader, teeStdout} from './record.js';
import {tourSlides} from './tour/slides.js';
import {type View, checkFailures, viewFor} from './view.js';

const SIGNALS = [
	['SIGINT', 130],
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const;

type Body = (pool: WorkerPool, write: (line: string) => void, mount: (instance: Instance) => void) => Promise<number>;

/** What a recording calls the view: the scene's name. */
export function viewLabel(view: View): string {
	return view.kind === 'scene' ? view.scene.name : view.kind;
}

export async function launch(options: Options): Promise<number> {
	return options.scene === 'tour' ? launchTour(options) : launchView(viewFor(options), options);
}

/** Runs `body` with a worker pool, a live recording if asked, and clean-up on every exit path. */
async function guarded(options: Options, title: string, body: Body): Promise<number> {
	const pool = new WorkerPool();
	let instance: Instance | undefined;
	let untee: (() => void) | undefined;
	if (options.record !== undefined) {
		const columns = process.stdout.isTTY ? process.stdout.columns || 80 : 80;
		const rows = process.stdout.isTTY ? process.stdout.rows || 24 : 24;
		untee = teeStdout(new Cast(options.record, castHeader(columns, rows, `threadlab ${title}`, Math.floor(Date.now() / 1000))));
	}
	const bail = (code: number, message?: string) => {
		instance?.unmount();
		untee?.();
		pool.terminateNow();
		if (message) process.stderr.write(`threadlab: ${message}\n`);
		process.exit(code);
	};
	for (const [signal, code] of SIGNALS) process.once(signal, () => bail(code));
	process.stdout.on('error', (error: NodeJS.ErrnoException) => bail(error.code === 'EPIPE' ? 0 : 1));
	process.once('uncaughtException', (error) => bail(1, error.message));
	process.once('unhandledRejection', (error) => bail(1, error instanceof Error ? error.message : String(error)));
	try {
		return await body(pool, (line) => process.stdout.write(`${line}\n`), (mounted) => {
			instance = mounted;
		});
	} finally {
		await pool.terminate();
		untee?.();
	}
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
	if (options.record !== undefined && options.seed !== undefined) {
		const {recordView} = await import('./frames-cli.js');
		const seconds = recordView(view, options, options.record);
		process.stderr.write(`threadlab: recorded ${options.record}: ${seconds.toFixed(2)} s, seed ${options.seed}\n`);
		return 0;
	}
	return guarded(options, viewLabel(view), async (pool, write, mount) => {
		if (options.frames) {
			const {printFrames} = await import('./frames-cli.js');
			printFrames(view, options, write);
			return 0;
		}
		if (options.json || !process.stdout.isTTY) {
			const onLine = options.json ? undefined : write;
			const lanes = options.seed === undefined ? await runHeadless(pool, view, onLine) : simulateHeadless(view, options.seed, onLine);
			if (options.json) write(JSON.stringify(jsonFor(view, lanes)));
			else for (const line of closingLines(lanes.flat())) write(line);
			return failedThreads(lanes.flat()) > 0 ? 1 : 0;
		}
		const {renderInteractive} = await prepareTerminal(async () => import('./interactive.js'));
		const instance = renderInteractive(view, pool, options);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}

export async function launchTour(options: Options): Promise<number> {
	if (Object.keys(options.failures).length > 0) throw new UsageError('THREADLAB_FAIL does not apply to the tour: use it with one scene');
	const race = {threads: options.raceThreads, increments: options.increments, workMicros: options.workMicros};
	const slides = tourSlides({threads: options.threads, sleep: options.sleep}, race);
	if (options.record !== undefined && options.seed !== undefined) {
		const {recordTour} = await import('./tour/run.js');
		const seconds = recordTour(slides, options, options.record);
		process.stderr.write(`threadlab: recorded ${options.record}: the tour, ${seconds.toFixed(2)} s, seed ${options.seed}\n`);
		return 0;
	}
	return guarded(options, 'tour', async (pool, write, mount) => {
		if (options.json || !process.stdout.isTTY) {
			const {tourHeadless} = await import('./tour/run.js');
			const {json, failed} = await tourHeadless(slides, pool, options, write);
			if (options.json) write(JSON.stringify(json));
			return failed ? 1 : 0;
		}
		// The tour's own chunk: syntax highlighting loads only for it.
		const {renderTour} = await prepareTerminal(async () => import('./interactive-tour.js'));
		// Seeded, or without a keyboard, the tour moves on by itself.
		const auto = options.auto ?? (options.seed !== undefined || !process.stdin.isTTY ? 2 : undefined);
		const instance = renderTour(slides, pool, options, auto);
		mount(instance);
		await instance.waitUntilExit();
		return 0;
	});
}
