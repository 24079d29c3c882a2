/**
 * The live patcher against real Ink and a real terminal emulator (xterm.js, headless): a frame
 * drawn by Ink, then patched to a later snapshot, must read exactly as Ink drawing that later
 * snapshot from scratch, colours included; and where it cannot place a line for certain it
 * writes nothing and says so.
 */
import {EventEmitter} from 'node:events';
import {Terminal} from '@xterm/headless';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/model/snapshot.js';
import {type Theme, ThemeContext, makeTheme} from '../../source/ui/theme.js';
import {Patcher} from '../../source/ui/live/patcher.js';

// Ink writes only the last frame when CI is set (is-in-ci, read when Ink loads): load it without.
let ink: typeof import('ink');
let views: {
	ThreadTable: typeof import('../../source/ui/components/ThreadTable.js').ThreadTable;
	LiveStatus: typeof import('../../source/ui/components/StateIcon.js').LiveStatus;
	PatcherContext: typeof import('../../source/ui/live/LiveLines.js').PatcherContext;
};
beforeAll(async () => {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	ink = await import('ink');
	const [{ThreadTable}, {LiveStatus}, {PatcherContext}] = await Promise.all([
		import('../../source/ui/components/ThreadTable.js'),
		import('../../source/ui/components/StateIcon.js'),
		import('../../source/ui/live/LiveLines.js'),
	]);
	views = {ThreadTable, LiveStatus, PatcherContext};
});

/** A TTY for Ink whose bytes go to a headless xterm; `settled()` waits until it has parsed them. */
class Screen extends EventEmitter {
	readonly isTTY = true;
	readonly term: Terminal;
	columns: number;
	rows: number;
	writes: string[] = [];
	#pending: Promise<void> = Promise.resolve();
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
		this.term = new Terminal({cols: columns, rows, allowProposedApi: true, convertEol: true});
	}
	write = (data: string): boolean => {
		this.writes.push(data);
		this.#pending = this.#pending.then(() => new Promise((resolve) => this.term.write(data, resolve)));
		return true;
	};
	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.term.resize(columns, rows);
		this.emit('resize');
	}
	async settled(): Promise<void> {
		await new Promise((resolve) => setTimeout(resolve, 60));
		await this.#pending;
	}
	/** Every cell: its character and its colours, line by line. */
	cells(): string[] {
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.rows; y++) {
			const line = buffer.getLine(buffer.baseY + y);
			let out = '';
			for (let x = 0; x < this.columns; x++) {
				const cell = line?.getCell(x);
				out += `${cell?.getChars() || ' '}${cell?.getFgColor() ?? 0}${cell?.isBold() ? 'b' : ''}|`;
			}
			lines.push(out);
		}
		return lines;
	}
	text(): string[] {
		const buffer = this.term.buffer.active;
		return Array.from({length: this.rows}, (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
	}
}

const theme: Theme = makeTheme({color: true});

function snapshot(clockMs: number, states: Array<'sleeping' | 'done'> = ['sleeping', 'sleeping', 'sleeping']): Snapshot {
	return {
		scene: 'sleepers',
		clockMs,
		finished: false,
		main: {state: 'joining', progress: 0, elapsedMs: clockMs},
		threads: states.map((state, i) => ({
			name: `thread_${i}`,
			state,
			progress: state === 'done' ? 1 : Math.min(1, clockMs / (2000 + i * 100)),
			elapsedMs: state === 'done' ? 2000 + i * 100 : clockMs,
			targetMs: 2000 + i * 100,
			local: 0,
		})),
		log: [],
		summary: null,
		race: null,
		lastStep: null,
	};
}

function Tree({
	lanes,
	width,
	patcher,
	keys = 'r run again · q quit',
}: {
	lanes: Snapshot[][];
	width: number;
	patcher: Patcher | null;
	keys?: string;
}) {
	const {Box, Text} = ink;
	const s = lanes[0]![0]!;
	return (
		<ThemeContext.Provider value={theme}>
			<views.PatcherContext.Provider value={patcher}>
				<Box flexDirection="column" width={width}>
					<Text>threadlab · sleepers</Text>
					<Text> </Text>
					<views.ThreadTable main={s.main} threads={s.threads} clockMs={s.clockMs} width={width} maxLines={10} />
					<Text> </Text>
					<views.LiveStatus of={s} width={width} />
					<Text>{keys}</Text>
				</Box>
			</views.PatcherContext.Provider>
		</ThemeContext.Provider>
	);
}

const mounted: Array<{unmount(): void}> = [];
afterEach(() => {
	for (const app of mounted.splice(0)) app.unmount();
});

/** Ink drawing `lanes` on a fresh screen of `columns` × `rows`, with a patcher told of its frames. */
async function drawn(lanes: Snapshot[][], columns: number, rows: number, {sizeless = false} = {}) {
	const screen = new Screen(columns, rows);
	if (sizeless) {
		screen.columns = 0;
		screen.rows = 0;
	}
	const patcher = new Patcher(screen);
	const app = ink.render(<Tree lanes={lanes} width={columns} patcher={patcher} />, {
		stdout: patcher.stdout as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: false,
		onRender: patcher.rendered,
	});
	mounted.push(app);
	// Regions join the patcher once mounted, after Ink's first frame: the app's first redraw is
	// always a render (use-runs), and the patcher places them from the frame that draws.
	app.rerender(<Tree lanes={lanes} width={columns} patcher={patcher} />);
	await screen.settled();
	const rerender = (next: Snapshot[][], keys?: string) =>
		app.rerender(<Tree lanes={next} width={columns} patcher={patcher} {...(keys ? {keys} : {})} />);
	return {screen, patcher, app, rerender};
}

describe('the live patcher', () => {
	it.each([
		['below the frame (the frame is shorter than the terminal)', 60, 14],
		['on the last line (the frame fills the terminal)', 60, 9],
	])('%s: a patched screen is what Ink draws for the later snapshot, cell for cell and colour for colour', async (_, columns, rows) => {
		const before = [[snapshot(300)]];
		const {screen, patcher} = await drawn(before, columns, rows);
		expect(screen.text()[2]).toContain('main');
		for (const clockMs of [310, 700, 1234, 1999]) {
			const next = [[snapshot(clockMs)]];
			const writes = screen.writes.length;
			expect(patcher.patch(before, next)).toBe(true);
			await screen.settled();
			// One write, a synchronized update, far smaller than Ink's whole frame.
			expect(screen.writes.length).toBeLessThanOrEqual(writes + 1);
			const fresh = await drawn(next, columns, rows);
			expect(screen.cells()).toEqual(fresh.screen.cells());
			expect(screen.text()).toEqual(fresh.screen.text());
		}
	});

	it('writes only what changed: a few bytes per moved bar, nothing when nothing moved', async () => {
		const before = [[snapshot(1000)]];
		const {screen, patcher} = await drawn(before, 80, 14);
		const frame = screen.writes.join('').length;
		const writes = screen.writes.length;
		expect(patcher.patch(before, [[snapshot(1000)]])).toBe(true);
		expect(screen.writes.length).toBe(writes);
		expect(patcher.patch(before, [[snapshot(1012)]])).toBe(true);
		const patch = screen.writes.at(-1)!;
		expect(patch.startsWith('\u001B[?2026h')).toBe(true);
		expect(patch.length).toBeLessThan(frame / 3);
	});

	it('a frame that filled the terminal, then a shorter one: the patches follow where Ink left the cursor', async () => {
		const tall = [[snapshot(400, ['sleeping', 'sleeping', 'sleeping', 'sleeping'])]];
		const {screen, patcher, rerender} = await drawn(tall, 60, 10);
		const short = [[snapshot(500)]];
		rerender(short);
		await screen.settled();
		const next = [[snapshot(900)]];
		expect(patcher.patch(short, next)).toBe(true);
		await screen.settled();
		expect(screen.cells()).toEqual((await drawn(next, 60, 10)).screen.cells());
	});

	it('when Ink skips a frame that came out the same, what is on screen stays known', async () => {
		const before = [[snapshot(300)]];
		const {screen, patcher, rerender} = await drawn(before, 60, 14);
		// The same lanes rendered again (a key that changes nothing on screen): Ink writes nothing.
		const writes = screen.writes.length;
		rerender(before);
		await screen.settled();
		expect(screen.writes.length).toBe(writes);
		const next = [[snapshot(1300)]];
		expect(patcher.patch(before, next)).toBe(true);
		await screen.settled();
		expect(screen.cells()).toEqual((await drawn(next, 60, 14)).screen.cells());
	});

	it('a render from above the rows (a key) with the lanes of the last render draws the rows the patches put on screen', async () => {
		const before = [[snapshot(300)]];
		const {screen, patcher, rerender} = await drawn(before, 60, 14);
		const moved = [[snapshot(1500)]];
		expect(patcher.patch(before, moved)).toBe(true);
		// Something else on screen changes: Ink writes the whole frame, rows included.
		rerender(before, '? help · q quit');
		await screen.settled();
		expect(screen.text()[2]).toBe((await drawn(moved, 60, 14)).screen.text()[2]);
		expect(screen.text().some((line) => line.includes('? help'))).toBe(true);
	});

	it('anything else written to the terminal (a clear on a resize): no patch until Ink draws again', async () => {
		const before = [[snapshot(300)]];
		const {screen, patcher, rerender} = await drawn(before, 60, 14);
		screen.resize(60, 18);
		patcher.forget();
		patcher.stdout.write('\u001B[2J\u001B[H');
		const writes = screen.writes.length;
		expect(patcher.patch(before, [[snapshot(700)]])).toBe(false);
		expect(screen.writes.length).toBe(writes);
		// Ink's next frame (the app renders after a resize) puts everything in its place again.
		const again = [[snapshot(900)]];
		rerender(again);
		await screen.settled();
		const next = [[snapshot(1100)]];
		expect(patcher.patch(again, next)).toBe(true);
		await screen.settled();
		expect(screen.cells()).toEqual((await drawn(next, 60, 18)).screen.cells());
	});

	it('says no, and writes nothing, when a line would not fit its place or the terminal changed size', async () => {
		const before = [[snapshot(1000)]];
		const {screen, patcher} = await drawn(before, 60, 14);
		const writes = screen.writes.length;
		// A thread's name that does not fit the fast path's one-column glyphs: the caller renders instead.
		const wide = snapshot(1100);
		wide.threads[0]!.name = '線程_0';
		expect(patcher.patch(before, [[wide]])).toBe(false);
		// Rows the last frame did not draw from: no place to patch.
		expect(patcher.patch([[snapshot(5)]], [[snapshot(1100)]])).toBe(false);
		screen.columns = 70;
		expect(patcher.patch(before, [[snapshot(1100)]])).toBe(false);
		// A pty opened without a size reads 0 × 0 from the start: nothing is drawn in place there.
		const sizeless = await drawn(before, 60, 14, {sizeless: true});
		expect(sizeless.patcher.patch(before, [[snapshot(1100)]])).toBe(false);
		expect(screen.writes.length).toBe(writes);
	});
});
