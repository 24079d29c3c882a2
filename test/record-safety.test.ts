/**
 * A recording never destroys data: an existing path is refused unless --force, a final
 * symlink is never followed, the file appears whole or not at all, a full disk ends the
 * recording with one line and a playable file. Against the built binary.
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {Terminal, hasTmux} from './helpers/terminal.js';
import {cli, root, runNode} from './helpers/run-node.js';

const dir = mkdtempSync(join(tmpdir(), 'threadlab-record-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const threadlab = async (args: readonly string[], timeoutMs = 20_000) => runNode([cli, ...args], {timeoutMs});
/** A folder of its own for each case. */
let cases = 0;
const folder = () => {
	const path = join(dir, String(++cases));
	mkdirSync(path);
	return path;
};

/** Every line of a cast is whole JSON: a header, then [time, code, text] events. Returns the events. */
function playable(path: string): Array<[number, string, string]> {
	const [header, ...events] = readFileSync(path, 'utf8')
		.split('\n')
		.filter((line) => line !== '');
	expect(JSON.parse(header!)).toMatchObject({version: 2});
	return events.map((line) => {
		const event = JSON.parse(line) as [number, string, string];
		expect(event).toHaveLength(3);
		return event;
	});
}

describe('--record keeps what is there', () => {
	it('an existing file is refused (exit 2, one line) and left as it was', async () => {
		const path = join(folder(), 'README.md');
		writeFileSync(path, 'precious\n');
		const {code, stderr, stdout} = await threadlab(['start', '-s', '0.1', '--record', path]);
		expect(code).toBe(2);
		expect(stderr).toBe(`threadlab: --record will not replace ${path}, which exists: choose a new name, or add --force to replace it\n`);
		expect(stdout).toBe('');
		expect(readFileSync(path, 'utf8')).toBe('precious\n');
	});

	it('a symlink is not followed: refused without --force; with --force the link is replaced, never its target', async () => {
		const here = folder();
		const [target, link] = [join(here, 'precious.txt'), join(here, 'link.cast')];
		writeFileSync(target, 'precious\n');
		symlinkSync(target, link);
		expect((await threadlab(['start', '-s', '0.1', '--record', link])).code).toBe(2);
		const {code} = await threadlab(['start', '-s', '0.1', '--record', link, '--force']);
		expect(code).toBe(0);
		expect(readFileSync(target, 'utf8')).toBe('precious\n');
		expect(lstatSync(link).isSymbolicLink()).toBe(false);
		expect(playable(link).some(([, kind, text]) => kind === 'o' && text.includes('thread1 has woken up'))).toBe(true);
	});

	it('--force replaces an existing recording with a complete one', async () => {
		const path = join(folder(), 'talk.cast');
		writeFileSync(path, 'old\n');
		expect((await threadlab(['hello', '-s', '0.1', '--record', path, '--force'])).code).toBe(0);
		expect(playable(path).filter(([, kind]) => kind === 'm')).toEqual([[expect.any(Number), 'm', 'hello']]);
	});

	it('a name with spaces is used exactly as given', async () => {
		const here = folder();
		expect(
			(
				await threadlab(
					['start', '-s', '0.1', '--record', '  padded.cast  '].map((arg) => (arg.includes('padded') ? join(here, arg) : arg)),
				)
			).code,
		).toBe(0);
		expect(readdirSync(here)).toEqual(['  padded.cast  ']);
	});

	it('a fifo is refused at once (no reader would block it forever)', async () => {
		const fifo = join(folder(), 'pipe.cast');
		execFileSync('mkfifo', [fifo]);
		const {code, stderr, ms} = await threadlab(['start', '-s', '0.1', '--record', fifo, '--force'], 5000);
		expect(code).toBe(2);
		expect(stderr).toMatch(/--record must name a regular file, and .*pipe\.cast is not one/);
		expect(ms).toBeLessThan(2000);
	});

	it('two runs recording to one path at once never interleave: the file is one whole recording', async () => {
		const here = folder();
		const path = join(here, 'same.cast');
		const runs = await Promise.all([0, 1].map(async () => threadlab(['sleepers', '-t', '2', '-s', '0.3', '--record', path])));
		const events = playable(path);
		expect(events.filter(([, kind]) => kind === 'm')).toHaveLength(1);
		// The one that finished second kept its own recording under the temporary name it names.
		for (const run of runs.filter((r) => r.code !== 0))
			expect(run.stderr).toMatch(/appeared while recording and was kept; the recording is .*\.part\n$/);
		expect(runs.some((r) => r.code === 0)).toBe(true);
	});
});

describe('an interrupted recording is whole or absent', () => {
	it('SIGTERM during a live recording: exit 143, the cast so far, playable, no temporary file', async () => {
		const here = folder();
		const path = join(here, 'live.cast');
		const result = await runNode([cli, 'sleepers', '-s', '5', '--record', path], {
			timeoutMs: 10_000,
			onStdout: (out, child) => out.includes('Going to sleep') && child.kill('SIGTERM'),
		});
		expect(result.code ?? 128 + 15).toBe(143);
		expect(readdirSync(here)).toEqual(['live.cast']);
		expect(playable(path).some(([, kind, text]) => kind === 'o' && text.includes('Going to sleep'))).toBe(true);
	});

	it('SIGTERM while a seeded recording is rendered: exit 143 within 500 ms, and no file at all', async () => {
		const here = folder();
		const child = spawn(
			process.execPath,
			[cli, 'race', '-t', '16', '-i', '100000', '--mode', 'unsafe', '--seed', '1', '--record', join(here, 'seeded.cast')],
			{cwd: root, stdio: 'ignore'},
		);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(
			readdirSync(here).filter((name) => name.endsWith('.part')),
			'rendering is under way',
		).toHaveLength(1);
		const killed = performance.now();
		child.kill('SIGTERM');
		const code = await new Promise<number | null>((resolve) =>
			child.on('close', (status, signal) => resolve(status ?? (signal ? 128 + 15 : null))),
		);
		expect(performance.now() - killed).toBeLessThan(500);
		expect(code).toBe(143);
		expect(readdirSync(here)).toEqual([]);
	});
});

/** A 16 KiB tmpfs: a real full disk. Needs root and mount(8); elsewhere the test says why it is skipped. */
function smallDisk(): string | undefined {
	const path = mkdtempSync(join(tmpdir(), 'threadlab-full-'));
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', path], {stdio: 'ignore'}).status === 0;
	return mounted ? path : undefined;
}
const disk = smallDisk();
afterAll(() => disk && spawnSync('umount', [disk]));

describe.skipIf(!hasTmux || !disk)('a full disk during a live recording (a 16 KiB tmpfs, tmux)', () => {
	it('stops the recording: one line naming the file and the cause, exit 1, terminal restored, the cast playable', async () => {
		const path = join(disk!, 'talk.cast');
		const t = new Terminal(['sh', '-c', `node dist/cli.js sleepers -t 8 -s 30 --record ${path} 2>${dir}/full-err`], {
			cols: 100,
			rows: 30,
			cwd: root,
		});
		try {
			expect(await t.waitForExit(15_000)).toBe(1);
			expect(readFileSync(`${dir}/full-err`, 'utf8')).toBe(
				`threadlab: could not write the recording ${path}: no space left on device (ENOSPC)\n`,
			);
			expect(playable(path).length).toBeGreaterThan(3);
			expect(readdirSync(disk!)).toEqual(['talk.cast']);
			expect(t.ttySettings()).toMatch(/(^|\s)icanon(\s|$)/);
			const raw = await t.waitForRaw('\x1b[?25h');
			expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
		} finally {
			t.kill();
		}
	}, 20_000);
});
