/**
 * Node children for the tests: a plain environment, and one way to run a child and collect
 * what it prints (the built CLI, the bench).
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = `${root}dist/cli.js`;
/** A plain environment: nothing from CI, the test runner or the user's settings (NODE_OPTIONS, THREADLAB_FAIL, colours). */
export const PLAIN_ENV: Record<string, string> = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? root};

export interface NodeResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** What the child wrote on fd 3, when `fd3` asked for that pipe. */
	fd3: string;
	ms: number;
}

export interface NodeOptions {
	/** Added to PLAIN_ENV. */
	env?: Record<string, string | undefined>;
	/** The child is killed (SIGKILL) after this, so a hang fails the test instead of stalling it. */
	timeoutMs: number;
	/** Sees stdout so far as it arrives (and may signal the child). */
	onStdout?: (text: string, child: ChildProcess) => void;
	fd3?: boolean;
}

/** `node ...args` in the project folder, stdout and stderr piped (no TTY). */
export function runNode(args: readonly string[], {env = {}, timeoutMs, onStdout, fd3 = false}: NodeOptions): Promise<NodeResult> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, {
			cwd: root,
			env: {...PLAIN_ENV, ...env},
			stdio: ['ignore', 'pipe', 'pipe', ...(fd3 ? (['pipe'] as const) : [])],
		});
		const result: NodeResult = {code: null, signal: null, stdout: '', stderr: '', fd3: '', ms: 0};
		child.stdio[3]?.on('data', (chunk: Buffer) => (result.fd3 += chunk.toString()));
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			result.stdout += chunk;
			onStdout?.(result.stdout, child);
		});
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (result.stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({...result, code, signal, ms: performance.now() - started});
		});
	});
}
