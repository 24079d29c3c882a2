// A real pseudo-terminal for bench/bench.mjs: python3's pty module, or util-linux \`script\`.
import {spawn, spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {childPids} from './proc.mjs';

/** The app's environment: no CI markers (Ink draws only the last frame when CI is set), a real TERM. */
export const childEnv = (() => {
	const env = {...process.env, TERM: 'xterm-256color'};
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'TMUX', 'TMUX_PANE', 'NODE_OPTIONS']) delete env[key];
	return env;
})();

// ---------------------------------------------------------------------------------
// a real pseudo-terminal: python3's pty module, or util-linux `script`

export const has = (command, args) => spawnSync(command, args, {stdio: 'ignore'}).status === 0;
export const PYTHON = has('python3', ['-c', 'import pty, fcntl, termios']) ? 'python3' : null;
export const SCRIPT = !PYTHON && has('script', ['--version']) && has('stty', ['--version']) ? 'script' : null;
export const PTY_METHOD = PYTHON
	? 'python3 pty.fork, size set with TIOCSWINSZ before exec'
	: SCRIPT
		? 'util-linux script + stty (times include script and sh)'
		: null;

/**
 * Forks `cmd` on a fresh pty of the given size and streams what it writes:
 * `pid <pid>`, then per read `d <s since just before fork> <bytes> <frame starts> <base64 or ->`,
 * `w <s>` once `watch` (if given) has appeared in the output, then `x <s> <status>`. Only the first `keep` bytes are forwarded; frames are counted in place
 * (ESC[?2026h, Ink's begin-synchronized-update, starts every frame).
 */
const PTY_DRIVER = String.raw`
import os, sys, pty, time, fcntl, termios, struct, base64
cols, rows, keep = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
watch = sys.argv[4].encode('utf8')
cmd = sys.argv[5:]
BSU = b'\x1b[?2026h'
t0 = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(cmd[0], cmd)
out = sys.stdout.buffer
out.write(b'pid %d\n' % pid); out.flush()
tail = b''
wtail = b''
while True:
    try:
        data = os.read(fd, 1 << 16)
    except OSError:
        break
    if not data:
        break
    t = time.perf_counter() - t0
    joined = tail + data
    marks = joined.count(BSU)
    tail = joined[-7:]
    payload = b'-'
    if keep > 0:
        payload = base64.b64encode(data[:keep]); keep -= len(data)
    out.write(b'd %.6f %d %d %s\n' % (t, len(data), marks, payload))
    if watch:
        joined = wtail + data
        if watch in joined:
            out.write(b'w %.6f\n' % t); watch = b''
        wtail = joined[-len(watch):] if watch else b''
    out.flush()
_, status = os.waitpid(pid, 0)
out.write(b'x %.6f %d\n' % (time.perf_counter() - t0, status)); out.flush()
`;

export const BSU = '\x1b[?2026h';
export const ESU = '\x1b[?2026l';

/** One program on a pty. Times are seconds since just before the fork (python) or the spawn (script). */
export class Pty {
	chunks = [];
	/** Times of frame starts. */
	frames = [];
	text = '';
	pid = null;
	exited = false;
	#listeners = new Set();

	/** Time `watch` first appeared in the output. */
	watchedAt = null;

	constructor(cmd, {cols, rows, keep = 1 << 16, watch = '', env = {}}) {
		if (PYTHON) {
			this.child = spawn(PYTHON, ['-c', PTY_DRIVER, String(cols), String(rows), String(keep), watch, ...cmd], {
				env: {...childEnv, ...env},
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			let buffer = '';
			this.child.stdout.setEncoding('latin1').on('data', (data) => {
				buffer += data;
				for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
					this.#line(buffer.slice(0, nl));
					buffer = buffer.slice(nl + 1);
				}
			});
		} else if (SCRIPT) {
			const quote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
			const t0 = performance.now();
			this.child = spawn('script', ['-qfec', `stty cols ${cols} rows ${rows}; exec ${cmd.map(quote).join(' ')}`, '/dev/null'], {
				env: {...childEnv, ...env},
				stdio: ['pipe', 'pipe', 'inherit'],
			});
			let tail = '';
			let kept = 0;
			let seen = '';
			const decoder = new TextDecoder();
			this.child.stdout.setEncoding('latin1').on('data', (data) => {
				const t = (performance.now() - t0) / 1000;
				const joined = tail + data;
				const marks = joined.split(BSU).length - 1;
				tail = joined.slice(-7);
				const payload = kept < keep ? data.slice(0, keep - kept) : '';
				kept += data.length;
				if (watch && this.watchedAt === null) {
					seen = (seen + decoder.decode(Buffer.from(data, 'latin1'), {stream: true})).slice(-4 * watch.length);
					if (seen.includes(watch)) this.watchedAt = t;
				}
				this.#chunk(t, data.length, marks, payload);
			});
			const findPid = () => {
				if (this.pid !== null || this.exited) return;
				const [inner] = childPids(this.child.pid);
				if (inner) this.pid = inner;
				else setTimeout(findPid, 2);
			};
			findPid();
			this.child.on('exit', () => this.#exit((performance.now() - t0) / 1000));
		} else {
			throw new Error('no pseudo-terminal: neither python3 nor util-linux script is installed');
		}
		this.child.on('error', () => this.#exit(null));
	}

	#line(line) {
		const [kind, a, b, c, d] = line.split(' ');
		if (kind === 'pid') this.pid = Number(a);
		else if (kind === 'd') this.#chunk(Number(a), Number(b), Number(c), d === '-' ? '' : Buffer.from(d, 'base64').toString('latin1'));
		else if (kind === 'w') this.watchedAt = Number(a);
		else if (kind === 'x') this.#exit(Number(a));
	}

	#chunk(t, bytes, marks, payload) {
		this.chunks.push({t, bytes, marks});
		for (let i = 0; i < marks; i++) this.frames.push(t);
		if (payload) this.text += payload;
		this.#notify();
	}

	#exit(t) {
		if (this.exited) return;
		this.exited = true;
		this.exitAt = t;
		this.#notify();
	}

	#notify() {
		for (const listener of this.#listeners) listener();
	}

	/** Resolves once `check()` is truthy (checked on every chunk and every 20 ms), or null on timeout. */
	until(check, timeoutMs) {
		return new Promise((resolve) => {
			const done = (value) => {
				this.#listeners.delete(test);
				clearInterval(timer);
				clearTimeout(timeout);
				resolve(value);
			};
			const test = () => {
				const value = check();
				if (value) done(value);
			};
			const timer = setInterval(test, 20);
			const timeout = setTimeout(() => done(null), timeoutMs);
			this.#listeners.add(test);
			test();
		});
	}

	async close() {
		if (this.pid !== null) {
			try {
				process.kill(this.pid, 'SIGKILL');
			} catch {}
		}
		if (!(await this.until(() => this.exited, 3000))) this.child.kill('SIGKILL');
	}
}
