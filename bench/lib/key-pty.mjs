// A pseudo-terminal that also takes keys, for the render rows (render.mjs): python3's pty module.
// bench/lib/pty.mjs times output only; pressing `r` (run again) needs the child's stdin too.
import {spawn} from 'node:child_process';
import {BSU, PYTHON, childEnv} from './pty.mjs';

/** A pty that also takes keys: python3's pty module, the child's output streamed as `d <s> <base64>`. */
const DRIVER = String.raw`
import os, sys, pty, time, fcntl, termios, struct, select, base64
cols, rows = int(sys.argv[1]), int(sys.argv[2])
t0 = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(sys.argv[3], sys.argv[3:])
out = sys.stdout.buffer
out.write(b'pid %d\n' % pid); out.flush()
inputs = [fd, 0]
while True:
    ready, _, _ = select.select(inputs, [], [])
    if 0 in ready:
        keys = os.read(0, 1024)
        if keys: os.write(fd, keys)
        else: inputs.remove(0)
    if fd in ready:
        try:
            data = os.read(fd, 1 << 16)
        except OSError:
            break
        if not data:
            break
        out.write(b'd %.6f %s\n' % (time.perf_counter() - t0, base64.b64encode(data))); out.flush()
`;

export class KeyPty {
	pid = null;
	frames = 0;
	bytes = 0;
	exited = false;
	#since = '';
	#waiters = new Set();

	constructor(cmd, {cols, rows}) {
		this.child = spawn(PYTHON, ['-c', DRIVER, String(cols), String(rows), ...cmd], {
			env: childEnv,
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		let buffer = '';
		this.child.stdout.setEncoding('latin1').on('data', (data) => {
			buffer += data;
			for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
				const [kind, a, b] = buffer.slice(0, nl).split(' ');
				buffer = buffer.slice(nl + 1);
				if (kind === 'pid') this.pid = Number(a);
				else if (kind === 'd') this.#chunk(Buffer.from(b, 'base64').toString('latin1'));
			}
		});
		this.child.on('exit', () => {
			this.exited = true;
			this.#notify();
		});
	}

	#chunk(text) {
		this.bytes += text.length;
		// A frame starts with Ink's begin-synchronized-update; one never spans two reads here (it is one write).
		this.frames += text.split(BSU).length - 1;
		this.#since = (this.#since + text).slice(-4096);
		this.#notify();
	}

	#notify() {
		for (const waiter of this.#waiters) waiter();
	}

	/** Resolves true once `text` is written after this call (or was in the last 4 KB with `seen`), false on timeout or exit. */
	until(text, timeoutMs, {seen = false} = {}) {
		if (!seen) this.#since = '';
		return new Promise((resolve) => {
			const done = (value) => {
				this.#waiters.delete(check);
				clearTimeout(timer);
				resolve(value);
			};
			const check = () => (this.#since.includes(text) ? done(true) : this.exited ? done(false) : undefined);
			const timer = setTimeout(() => done(false), timeoutMs);
			this.#waiters.add(check);
			check();
		});
	}

	key(text) {
		this.child.stdin.write(text);
	}

	async close() {
		try {
			if (this.pid) process.kill(this.pid, 'SIGKILL');
		} catch {}
		this.child.stdin.end();
		await new Promise((resolve) => (this.exited ? resolve() : this.child.once('exit', resolve)));
	}
}
