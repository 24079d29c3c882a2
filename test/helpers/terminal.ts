/**
 * A real pseudo-terminal for end-to-end tests: one private tmux server per terminal
 * (`tmux -L <unique socket> -f /dev/null`), always with an explicit size, CI removed
 * from the environment (Ink draws only the last frame when CI is set) and
 * TERM=xterm-256color. Every byte the program writes is logged (pipe-pane) so tests can
 * look for escape sequences; the program's pid and exit status go to files.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const hasTmux = spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Run `f`; true if it threw (the process or server was already gone). */
function ignore(f: () => unknown): boolean {
	try {
		f();
		return false;
	} catch {
		return true;
	}
}
const readNumber = (file: string) => {
	const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
	return text === '' ? undefined : Number(text);
};
async function poll<T>(get: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = get();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
		await sleep(15);
	}
}
let counter = 0;

/** The environment for tmux and the program: no CI markers, no outer tmux. */
function cleanEnv(): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
	return {...env, TERM: 'xterm-256color'};
}

export interface TerminalOptions {
	cols: number;
	rows: number;
	cwd?: string;
}

export class Terminal {
	/** Put in the program's environment only; finds it (and any orphan) in /proc. */
	readonly marker: string;
	private readonly socket: string;
	private readonly dir: string;
	private readonly socketPath: string;
	private readonly files: {pid: string; status: string; raw: string; go: string};

	constructor(command: readonly string[], {cols, rows, cwd = process.cwd()}: TerminalOptions) {
		const id = `${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
		this.socket = `threadlab-e2e-${id}`;
		this.marker = `THREADLAB_E2E_ID=${id}`;
		this.dir = mkdtempSync(join(tmpdir(), 'threadlab-e2e-'));
		const f = (name: string) => join(this.dir, name);
		this.files = {pid: f('pid'), status: f('status'), raw: f('raw'), go: f('go')};
		// Wait for `go` (so pipe-pane sees every byte), record the pid, exec the program;
		// the outer shell then writes its status and keeps the pane alive.
		const inner = `until [ -e ${quote(this.files.go)} ]; do sleep 0.01; done; echo $$ > ${quote(this.files.pid)}; exec "$@"`;
		const script = [
			`cd ${quote(cwd)}`,
			`env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color ${this.marker} sh -c ${quote(inner)} sh ${command.map(quote).join(' ')}`,
			`echo $? > ${quote(this.files.status)}`,
			'exec sleep 86400',
		].join('; ');
		this.tmux('new-session', '-d', '-s', 'e2e', '-x', String(cols), '-y', String(rows), script);
		this.tmux('set-option', '-t', 'e2e', 'remain-on-exit', 'on');
		this.tmux('pipe-pane', '-o', '-t', 'e2e', `cat >> ${quote(this.files.raw)}`);
		this.socketPath = this.tmux('display-message', '-p', '#{socket_path}').trim();
		writeFileSync(this.files.go, '');
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
			encoding: 'utf8',
			env: cleanEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	}

	/** What a person sees. `joined`: lines the terminal wrapped come back as one long line. */
	screen({joined = false} = {}): string {
		return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', 'e2e');
	}

	/** Poll the screen until it matches (or, with `gone`, stops matching); returns that screen. */
	async waitFor(pattern: string | RegExp, timeoutMs = 5000, {gone = false} = {}): Promise<string> {
		const matches = (screen: string) => (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) !== gone;
		return poll(
			() => [this.screen()].find(matches),
			timeoutMs,
			() => `${gone ? 'absence of ' : ''}${String(pattern)}; screen:\n${this.screen()}`,
		);
	}

	/** tmux send-keys syntax: 'r', '?', 'Escape', 'C-c'. */
	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', 'e2e', ...keys);
	}

	resize(cols: number, rows: number): void {
		this.tmux('resize-window', '-t', 'e2e', '-x', String(cols), '-y', String(rows));
	}

	/** The program's own pid (the wrapper shell exec'd into it). */
	pid(timeoutMs = 5000): Promise<number> {
		return poll(
			() => readNumber(this.files.pid),
			timeoutMs,
			() => 'the program to start',
		);
	}

	/** The exit status once the program ended, else undefined. */
	exitStatus(): number | undefined {
		return readNumber(this.files.status);
	}

	waitForExit(timeoutMs = 5000): Promise<number> {
		return poll(
			() => this.exitStatus(),
			timeoutMs,
			() => `the program to exit; screen:\n${this.screen()}`,
		);
	}

	/** `stty -a` of the terminal, to check that raw mode was turned off. */
	ttySettings(): string {
		return execFileSync('stty', ['-F', this.tty(), '-a'], {encoding: 'utf8'});
	}

	/** Put the terminal back in cooked mode behind the program's back, as a shell does when a job stops. */
	ttySane(): void {
		execFileSync('stty', ['-F', this.tty(), 'sane']);
	}

	/** Close the window: the tmux server goes, and with it the pseudo-terminal (a hang-up). */
	hangUp(): void {
		ignore(() => this.tmux('kill-server'));
	}

	private tty(): string {
		return this.tmux('display-message', '-p', '-t', 'e2e', '#{pane_tty}').trim();
	}

	/** Every byte the program wrote so far, escape sequences included. */
	raw(): string {
		return existsSync(this.files.raw) ? readFileSync(this.files.raw, 'latin1') : '';
	}

	/** Poll the raw output until it contains `text` (the logging `cat` may lag a little); returns it all. */
	async waitForRaw(text: string, timeoutMs = 2000): Promise<string> {
		return poll(
			() => [this.raw()].find((raw) => raw.includes(text)),
			timeoutMs,
			() => JSON.stringify(text),
		).catch(() => this.raw());
	}

	/** Pids of live processes that carry this terminal's marker: the program, or its orphans. */
	processes(): number[] {
		const found: number[] = [];
		for (const entry of readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue;
			// A process may be gone, or not ours to read.
			ignore(() => readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(this.marker) && found.push(Number(entry)));
		}
		return found;
	}

	/** Stop the tmux server (tmux leaves its socket file), kill anything left with our marker, remove the files. */
	kill(): void {
		ignore(() => this.tmux('kill-server'));
		rmSync(this.socketPath, {force: true});
		for (const pid of this.processes()) ignore(() => process.kill(pid, 'SIGKILL'));
		rmSync(this.dir, {recursive: true, force: true});
	}
}

export const isAlive = (pid: number): boolean => !ignore(() => process.kill(pid, 0));
