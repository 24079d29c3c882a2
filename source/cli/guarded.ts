/**
 * Every exit path of a run: whatever ends it (the body returning, a signal, a hang-up, a dead
 * stdout, an exception), the terminal is restored, every worker thread is terminated, and a
 * recording is kept as far as it went (a rendered one cut short is not).
 */
import {writeSync} from 'node:fs';
import type {Instance} from 'ink';
import {WorkerPool} from '../engine/pool.js';
import {cause} from '../output/cast-file.js';
import type {Options} from '../output/options.js';
import {Cast, castHeader, discardUnfinished, teeStdout} from '../output/record.js';
import {asciiText} from '../ui/theme.js';

/** A terminal to draw on: stdout is a TTY that can move its cursor (`TERM=dumb` cannot: it gets plain lines). */
export const drawsOnTerminal = (): boolean => process.stdout.isTTY === true && process.env['TERM'] !== 'dumb';

const SIGNALS = [
	['SIGINT', 130],
	['SIGTERM', 143],
] as const;

export type Body = (pool: WorkerPool, write: (line: string) => void, mount: (instance: Instance) => void) => Promise<number>;

/**
 * The terminal hung up (its window closed) or was told to: the workers stop, a recording is
 * kept, and the terminal is restored only if it is still there. Then the signal's own default
 * ends the process (exit 129): Node's exit would reset a dead terminal and abort
 * (nodejs/node#51519, a native stack and a core file).
 */
function hangUp(stop: () => unknown): void {
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
export async function guarded(options: Options, title: string, body: Body, tee = true): Promise<number> {
	const pool = new WorkerPool();
	let instance: Instance | undefined;
	let untee: (() => string | undefined) | undefined;
	/** Stop everything at once: the recording's tee (its error, if any), an unfinished rendering, the workers. */
	const stopAll = () => {
		const failed = untee?.();
		discardUnfinished();
		pool.terminateNow();
		return failed;
	};
	let bailing = false;
	const bail = (code: number, message?: string) => {
		if (bailing) return;
		bailing = true;
		instance?.unmount();
		const failed = stopAll();
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
	// `on`, not `once`: a second signal while the first is handled (Ctrl+C twice, a supervisor's
	// repeated SIGTERM) must not find the default action back and kill the clean-up half-way.
	for (const [signal, code] of SIGNALS) process.on(signal, () => bail(code));
	const hungUp = () => hangUp(stopAll);
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
export async function prepareTerminal<T>(load: () => Promise<T>): Promise<T> {
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const interactive = await load();
	process.stdout.write('\r\u001B[2K'); // erase what the tty echoed before raw mode
	return interactive;
}
