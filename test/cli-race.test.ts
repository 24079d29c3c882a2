/** The race through the built binary, on real threads: piped lines and --json. */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';

const run = promisify(execFile);
const cli = async (args: string[]) => run(process.execPath, ['dist/cli.js', ...args], {env: {PATH: process.env['PATH'] ?? ''}});

describe('threadlab race without a terminal', () => {
	it('prints one line per mode: unsafe loses updates, mutex and atomic are exact', async () => {
		const {stdout} = await cli(['race', '-i', '300']);
		const lines = stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		const pattern =
			/^(unsafe|mutex |atomic) · expected 1200 · actual (\d+) · lost (\d+) \((\d+\.\d)%\) · elapsed \d+\.\d\d s · [\d.]+k? increments\/s/;
		const [unsafe, mutex, atomic] = lines.map((line) => pattern.exec(line));
		expect(unsafe?.[1]).toBe('unsafe');
		expect(Number(unsafe![2])).toBeLessThan(1200);
		expect(Number(unsafe![2]) + Number(unsafe![3])).toBe(1200);
		expect(mutex?.slice(2, 4)).toEqual(['1200', '0']);
		expect(lines[1]).toMatch(/ · contended \d+$/);
		expect(atomic?.slice(2, 4)).toEqual(['1200', '0']);
	});

	it('--json: one object with every run', async () => {
		const {stdout} = await cli(['race', '--mode', 'mutex', '-t', '3', '-i', '200', '--work', '50', '--json']);
		const json = JSON.parse(stdout) as {scene: string; runs: Array<Record<string, unknown>>};
		expect(json.scene).toBe('race');
		expect(json.runs).toHaveLength(1);
		expect(json.runs[0]).toMatchObject({mode: 'mutex', threads: 3, increments: 200, workMicros: 50, expected: 600, actual: 600, lost: 0});
		for (const key of ['elapsedMs', 'opsPerSec', 'contended']) expect(typeof json.runs[0]![key]).toBe('number');
	});

	it('the dashboard piped (-t sets both panes): the sleepers lines, unsafe and mutex lines, the summary', async () => {
		const {stdout} = await cli(['dashboard', '-t', '2', '-s', '0.3', '-i', '100']);
		expect(stdout).toContain('I am thread_0. Going to sleep for 0.3 seconds');
		expect(stdout).toMatch(/^unsafe · expected 200 · /m);
		expect(stdout).toMatch(/^mutex {2}· expected 200 · actual 200 · lost 0 /m);
		expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^elapsed 0\.3\d s · sequential would take 0\.60 s/);
	});
});
