/**
 * Runs validated options in the right mode (interactive Ink, plain lines, or
 * JSON) and owns every exit path: whatever ends the program, the terminal is
 * restored and every worker thread is terminated first.
 */
import type {Instance} from 'ink';
import {WorkerPool} from './engine/pool.js';
import {closingLines, failedThreads, jsonFor, runHeadless, simulateHeadless} from './headless.js';
import type {Options} from './options.js';
import {Cast, castHeader, teeStdout} from './record.js';
import {type View, viewFor} from './view.js';

const SIGNALS = [
	['SIGINT', 130],
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const;

/** What a recording calls the view: the scene's name. */
export function viewLabel(view: View): string {
	return view.kind === 'scene' ? view.scene.name : view.kind;
}

export async function launch(options: Options): Promise<number> {
	return launchView(viewFor(options), options);
}

export async function launchView(view: View, options: Options): Promise<number> {
	if (options.record !== undefined && options.seed !== undefined) {
		const {recordView} = await import('./frames-cli.js');
		const seconds = recordView(view, options, options.record);
		process.stderr.write(`threadlab: recorded ${options.record}: ${seconds.toFixed(2)} s, seed ${options.seed}\n`);
		return 0;
	}
	const pool = new WorkerPool();
	let instance: Instance | undefined;
	let untee: (() => void) | undefined;
	if (options.record !== undefined) {
		const columns = process.stdout.isTTY ? process.stdout.columns || 80 : 80;
		const rows = process.stdout.isTTY ? process.stdout.rows || 24 : 24;
		untee = teeStdout(new Cast(options.record, castHeader(columns, rows, `threadlab ${viewLabel(view)}`, Math.floor(Date.now() / 1000))));
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
		const write = (line: string) => process.stdout.write(`${line}\n`);
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
		// Keys typed while the UI loads must not echo: an echoed key shifts the first frame.
		// Raw mode stops the echo from here on; the erase removes what the tty echoed before.
		if (process.stdin.isTTY) process.stdin.setRawMode(true);
		const {renderInteractive} = await import('./interactive.js');
		process.stdout.write('\r\u001B[2K');
		instance = renderInteractive(view, pool, options);
		await instance.waitUntilExit();
		return 0;
	} finally {
		await pool.terminate();
		untee?.();
	}
}
