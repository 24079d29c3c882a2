/** Real worker threads running test/helpers/lock-worker.ts, bundled once with esbuild. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {build} from 'esbuild';
import type {LockJob, LockReply} from './lock-worker.js';

export type {Guarded, LockJob, LockReply} from './lock-worker.js';

let bundled: Promise<string> | undefined;

/** The worker script, built on first use; its folder is removed when the process exits. */
function script(): Promise<string> {
	bundled ??= build({
		entryPoints: [fileURLToPath(new URL('lock-worker.ts', import.meta.url))],
		bundle: true,
		platform: 'node',
		format: 'esm',
		write: false,
	}).then((result) => {
		const dir = mkdtempSync(`${tmpdir()}/threadlab-lock-`);
		process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
		const file = `${dir}/lock-worker.mjs`;
		writeFileSync(file, result.outputFiles[0]!.text);
		return file;
	});
	return bundled;
}

/** Run `job` on a new worker thread; resolves with its reply once the thread has exited. */
export async function startLockWorker(job: LockJob): Promise<LockReply> {
	const worker = new Worker(await script(), {workerData: job});
	return new Promise((resolve, reject) => {
		let reply: LockReply | undefined;
		worker.once('message', (message: LockReply) => {
			reply = message;
		});
		worker.once('error', reject);
		worker.once('exit', (code) => (reply ? resolve(reply) : reject(new Error(`lock worker exited with code ${code} and no reply`))));
	});
}
