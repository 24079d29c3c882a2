/**
 * Lines that time alone moves, written in place between Ink's frames.
 *
 * While threads sleep, every frame differs from the last only in the thread rows (a bar's
 * next eighth, a time, a spinner) and the status line's clock. Ink draws each such frame
 * through React, Yoga, its output grid and a rewrite of the whole screen: ~4 ms of CPU for
 * 8 rows, 30 times a second. The patcher writes only the cells that changed, where Ink last
 * drew them, as the same bytes a render would draw (each region draws its lines with the
 * same pure function as its component).
 *
 * It knows what is on screen because Ink writes through it: Ink's `onRender` option tells it
 * a frame is laid out, and the write that follows (Ink's `stdout` is `patcher.stdout`) that it
 * is on screen, and where Ink left the cursor: below the frame, or on its last line when the
 * frame fills the terminal (written without its final newline). Any other write (a clear on a
 * resize, Ink erasing its frame) means nothing is where it was, until Ink's next frame.
 * It draws only what it can place for certain, and says no otherwise; the caller then renders.
 */
import type {DOMElement} from 'ink';
import type {Snapshot} from '../../model/snapshot.js';
import {narrowWidth} from '../text-width.js';
import {type LiveOf, type Region, counterpart, place} from './regions.js';
import {type Shown, changedSpans} from './span.js';

interface Placed {
	top: number;
	left: number;
	width: number;
	/** The render's lines this place was taken with: a later render not yet drawn makes it stale. */
	rendered: readonly string[];
	/** What is on screen there now. */
	shown: readonly Shown[];
}

/** Ink's last frame on screen: its height, the cursor's line (from the frame's top), the terminal's size then. */
interface Frame {
	height: number;
	cursorLine: number;
	columns: number;
	rows: number;
}

export interface Terminal {
	columns: number;
	rows: number;
	write(text: string): unknown;
}

const BSU = '\u001B[?2026h';
const ESU = '\u001B[?2026l';
const SAVE = '\u001B7';
const RESTORE = '\u001B8';
/** Writes of Ink's that change no cell: synchronized update on and off, the cursor hidden or shown. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts each of them.
const NO_CELLS = /^(?:\u001B\[\?(?:2026|25)[hl])+$/;

const sameLines = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

export class Patcher<T extends Terminal = Terminal> {
	/** Ink's stdout: the terminal itself, each write told to the patcher first. */
	readonly stdout: T;
	readonly #terminal: T;
	readonly #regions = new Map<Region, Placed | null>();
	#frame: Frame | null = null;
	/** What Ink's render laid out, until the write that puts it on screen (the same task). */
	#pending: {height: number; columns: number; rows: number; placed: Map<Region, Placed | null>} | null = null;
	#root: DOMElement | null = null;
	#patchedAt = Number.NEGATIVE_INFINITY;
	/** The lanes of the last render and the latest patched onto the screen. */
	#lanes: {drawn: readonly (readonly Snapshot[])[]; next: readonly (readonly Snapshot[])[]} | null = null;

	constructor(terminal: T) {
		this.#terminal = terminal;
		const write = (data: unknown, ...rest: unknown[]) => {
			this.#wrote(data);
			return Reflect.apply(terminal.write, terminal, [data, ...rest]) as unknown;
		};
		this.stdout = new Proxy(terminal, {
			get(target, key) {
				if (key === 'write') return write;
				const value = Reflect.get(target, key, target) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
	}

	add(region: Region): void {
		this.#regions.set(region, null);
	}

	delete(region: Region): void {
		this.#regions.delete(region);
	}

	/** Ink laid out a frame (its `onRender` option, called just before it writes, if it writes). */
	readonly rendered = (): void => {
		const {columns, rows} = this.#terminal;
		const placed = new Map<Region, Placed | null>();
		for (const region of this.#regions.keys()) {
			const at = region.node ? place(region.node) : null;
			if (at) this.#root = at.root;
			const shown = region.rendered.map((line) => ({line, width: narrowWidth(line) ?? Number.POSITIVE_INFINITY}));
			const fits = at !== null && at.height === shown.length && shown.every((line) => line.width <= at.width);
			placed.set(region, fits ? {top: at.top, left: at.left, width: at.width, rendered: region.rendered, shown} : null);
		}
		const pending = {height: this.#root?.yogaNode?.getComputedHeight() ?? 0, columns, rows, placed};
		this.#pending = pending;
		// Ink writes in the same task, or not at all: the frame came out the same as the one on
		// screen. Then regions placed already keep what they show (patched, perhaps), and those
		// mounted since that frame was written (it drew them) are placed now.
		queueMicrotask(() => {
			if (this.#pending !== pending) return;
			this.#pending = null;
			if (this.#frame?.height !== pending.height) return;
			for (const [region, at] of placed) {
				const shown = this.#regions.get(region);
				if (shown === null && at) this.#regions.set(region, at);
				// The same lines rendered again: the place still holds (a later patch checks it was taken from them).
				else if (shown && at && sameLines(shown.rendered, at.rendered)) shown.rendered = at.rendered;
			}
		});
	};

	#wrote(data: unknown): void {
		if (typeof data === 'string' && NO_CELLS.test(data)) return;
		const pending = this.#pending;
		this.#pending = null;
		if (!pending || typeof data !== 'string') {
			this.#frame = null;
			return;
		}
		// The frame's lines, and Ink's cursor after them: below the last, or on it when the frame
		// filled the terminal (no final newline). Ink's erasing and cursor moves hold no newline.
		let newlines = 0;
		for (let at = data.indexOf('\n'); at >= 0; at = data.indexOf('\n', at + 1)) newlines++;
		const height = data.endsWith('\n') ? newlines : newlines + 1;
		this.#frame = {height, cursorLine: newlines, columns: pending.columns, rows: pending.rows};
		for (const region of this.#regions.keys()) this.#regions.set(region, pending.placed.get(region) ?? null);
	}

	/** Someone else is about to write to the terminal (a clear): nothing will be where it was until Ink's next frame. */
	forget(): void {
		this.#pending = null;
		this.#frame = null;
	}

	/**
	 * Writes the regions' lines for `next` where they changed since what is on screen, and
	 * says whether the screen now shows `next`'s lines; false (nothing written) when a region
	 * cannot be placed for certain: the caller renders instead. `drawn`: the lanes of the last render.
	 */
	patch(drawn: readonly (readonly Snapshot[])[], next: readonly (readonly Snapshot[])[]): boolean {
		const frame = this.#frame;
		const {columns, rows} = this.#terminal;
		// A terminal without a size (a pty opened without one says 0 × 0): nowhere known to write.
		if (!frame || !(rows > 0 && columns > 0) || this.#regions.size === 0 || frame.columns !== columns || frame.rows !== rows) return false;
		if (this.#root?.yogaNode?.getComputedHeight() !== frame.height) return false;
		const changes: Array<{placed: Placed; shown: Shown[]}> = [];
		let out = '';
		for (const [region, placed] of this.#regions) {
			const snapshot = counterpart(region.of, drawn, next);
			const at = region.node ? place(region.node) : null;
			if (!placed || placed.rendered !== region.rendered || !snapshot || !at) return false;
			if (at.top !== placed.top || at.left !== placed.left || at.width !== placed.width) return false;
			const lines = region.draw(snapshot);
			if (lines.length !== placed.shown.length) return false;
			const shown: Shown[] = [];
			for (const [index, line] of lines.entries()) {
				const changed = changedSpans(placed.shown[index]!, line);
				if (changed === undefined || changed.width > placed.width) return false;
				shown.push({line, width: changed.width});
				const up = frame.cursorLine - (placed.top + index);
				if (up < 0 || up >= rows) continue; // scrolled off: not on screen to patch
				for (const span of changed.spans)
					out += `${RESTORE}${up > 0 ? `\u001B[${up}A` : ''}\u001B[${placed.left + span.column + 1}G${span.text}`;
			}
			changes.push({placed, shown});
		}
		for (const {placed, shown} of changes) placed.shown = shown;
		this.#lanes = {drawn, next};
		if (out !== '') {
			this.#terminal.write(`${BSU}${SAVE}${out}${RESTORE}${ESU}`);
			this.#patchedAt = Date.now();
		}
		return true;
	}

	/**
	 * `of`'s run as the screen shows it: in the latest snapshots patched on, if any since the
	 * render `of` came from. A render below the source (a key, a resize) draws that, not older rows.
	 */
	latest(of: LiveOf): LiveOf {
		const lanes = this.#lanes;
		return (lanes && counterpart(of, lanes.drawn, lanes.next)) ?? of;
	}

	/** Whether it drew a frame at `ms` (Date.now()) or later. */
	patchedSince(ms: number): boolean {
		return this.#patchedAt >= ms;
	}
}
