/**
 * Runs validated options in the right mode (interactive Ink, plain lines, or
 * JSON) and owns every exit path: whatever ends the program, the terminal is
 * restored and every worker thread is terminated first.
 */
import type {Instance} from 'ink';
import {WorkerPool} from './engine/pool.js';
import {jsonResult, runHeadless} from './headless.js';
import {summarize} from './model/snapshot.js';
import type {Options} from './options.js';
import {SCENES} from './scenes/index.js';

const SIGNALS = [
	['SIGINT', 130],
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const;

export async function launch(options: Options): Promise<number> {
	const pool = new WorkerPool();
	const scene = SCENES[options.scene];
	const sceneOptions = {threads: options.threads, sleep: options.sleep};
	let instance: Instance | undefined;
	const bail = (code: number, message?: string) => {
		instance?.unmount();
		pool.terminateNow();
		if (message) process.stderr.write(`threadlab: ${message}\n`);
		process.exit(code);
	};
	for (const [signal, code] of SIGNALS) process.once(signal, () => bail(code));
	process.stdout.on('error', (error: NodeJS.ErrnoException) => bail(error.code === 'EPIPE' ? 0 : 1));
	process.once('uncaughtException', (error) => bail(1, error.message));
	process.once('unhandledRejection', (error) => bail(1, error instanceof Error ? error.message : String(error)));

	try {
		if (options.json || !process.stdout.isTTY) {
			const write = (line: string) => process.stdout.write(`${line}\n`);
			const sample = await runHeadless(pool, scene, sceneOptions, options.json ? undefined : write);
			const summary = summarize(sample);
			write(options.json ? JSON.stringify(jsonResult(sample)) : summary.line);
			return summary.failed > 0 ? 1 : 0;
		}
		const {renderInteractive} = await import('./interactive.js');
		instance = renderInteractive(scene, sceneOptions, pool, options);
		await instance.waitUntilExit();
		return 0;
	} finally {
		await pool.terminate();
	}
}
