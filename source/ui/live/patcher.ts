/**
 * Lines that time alone moves, written in place between Ink's frames.
 *
 * While threads sleep, every frame differs from the last only in the thread rows (a bar's
 * next eighth, a time, a spinner) and the status line's clock. Ink draws each such frame
 * through React, Yoga, its output grid and a rewrite of the whole screen: ~4 ms of CPU for
 * 8 rows, 30 times a second. The patcher writes only the lines that changed, at the place
 * Ink last drew them, as the same bytes a render would draw (each region draws its lines
 * with the same pure function as its component).
 *
 * It draws only what it can place for certain, and says no otherwise; the caller then
 * renders as usual:
 * - every region was laid out by the frame Ink drew last (Ink tells it of each frame through
 *   its `onRender` option), at the same place, with the same number of lines, in the same
 *   terminal size, each new line no wider than its region;
 * - the cursor is where Ink leaves it: on the line below its frame, or on its last line when
 *   the frame filled the terminal (Ink then writes it without the final newline).
 * Ink's next frame draws the whole screen again over whatever was patched: a patched line is
 * always what the next render would draw for the same snapshot.
 */
import type {DOMElement} from 'ink';
import type {MainRowModel, Snapshot, ThreadRowModel} from '../../model/snapshot.js';
import {type Shown, changedSpans} from './span.js';
import {narrowWidth} from '../text-width.js';

/** What a region draws from: the rows and clock of one snapshot. */
export interface LiveOf {
	main: MainRowModel;
	threads: readonly ThreadRowModel[];
	clockMs: number;
}

export interface Region {
	/** The snapshot the last render drew from (its `threads` find the same run among the lanes). */
	of: LiveOf;
	/** The lines as a render draws them for another snapshot of the same run. */
	draw(of: LiveOf): readonly string[];
	/** The lines of the last render. */
	rendered: readonly string[];
	/** The region's box, once mounted. */
	node: DOMElement | null;
}

interface Placed {
	top: number;
	left: number;
	width: number;
	/** What is on screen there now. */
	shown: readonly Shown[];
}

/** Where the cursor is after Ink's last frame, in lines from the frame's top; and the terminal then. */
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

/** The box's place in the frame: its ancestors' offsets summed up to Ink's root. */
function place(node: DOMElement): {top: number; left: number; width: number; height: number; root: DOMElement} | null {
	let top = 0;
	let left = 0;
	let at: DOMElement | undefined = node;
	let root = node;
	while (at) {
		const yoga = at.yogaNode;
		if (!yoga) return null;
		top += yoga.getComputedTop();
		left += yoga.getComputedLeft();
		root = at;
		at = at.parentNode;
	}
	const yoga = node.yogaNode!;
	return {top, left, width: yoga.getComputedWidth(), height: yoga.getComputedHeight(), root};
}

/** Finds the snapshot at the place `of` had among `drawn`, in `next`. */
function counterpart(of: LiveOf, drawn: readonly (readonly Snapshot[])[], next: readonly (readonly Snapshot[])[]): Snapshot | undefined {
	for (const [lane, snapshots] of drawn.entries()) {
		const index = snapshots.findIndex((snapshot) => snapshot.threads === of.threads);
		if (index >= 0) return next[lane]?.[index];
	}
	return undefined;
}

export class Patcher {
	readonly #regions = new Map<Region, Placed | null>();
	readonly #terminal: Terminal;
	#frame: Frame | null = null;
	#previousHeight = 0;
	#root: DOMElement | null = null;
	#patchedAt = Number.NEGATIVE_INFINITY;

	constructor(terminal: Terminal) {
		this.#terminal = terminal;
	}

	add(region: Region): void {
		this.#regions.set(region, null);
	}

	delete(region: Region): void {
		this.#regions.delete(region);
		if (this.#regions.size === 0) this.#root = null;
	}

	/**
	 * Ink rendered a frame (its `onRender` option, called before it writes): note where each
	 * region is and that it shows what its render drew. Ink writes a frame that fills the
	 * terminal, or follows one that did, without its final newline.
	 */
	readonly rendered = (): void => {
		const {columns, rows} = this.#terminal;
		let height = this.#root?.yogaNode?.getComputedHeight() ?? 0;
		for (const region of this.#regions.keys()) {
			const at = region.node ? place(region.node) : null;
			if (at) {
				this.#root = at.root;
				height = at.root.yogaNode!.getComputedHeight();
			}
			const shown = region.rendered.map((line) => ({line, width: narrowWidth(line) ?? Number.POSITIVE_INFINITY}));
			const fits = at !== null && at.height === shown.length && shown.every((line) => line.width <= at.width);
			this.#regions.set(region, fits ? {top: at.top, left: at.left, width: at.width, shown} : null);
		}
		const full = height >= rows || this.#previousHeight >= rows;
		this.#previousHeight = height;
		this.#frame = {height, cursorLine: full ? height - 1 : height, columns, rows};
	};

	/**
	 * Writes the regions' lines for `next` where they changed since what is on screen, and
	 * says whether the screen now shows `next`'s lines; false (nothing written) when a region
	 * cannot be placed for certain: the caller renders instead. `drawn`: the lanes of the last render.
	 */
	patch(drawn: readonly (readonly Snapshot[])[], next: readonly (readonly Snapshot[])[]): boolean {
		const frame = this.#frame;
		const {columns, rows} = this.#terminal;
		if (!frame || this.#regions.size === 0 || frame.columns !== columns || frame.rows !== rows) return false;
		if (this.#root?.yogaNode?.getComputedHeight() !== frame.height) return false;
		const changes: Array<{placed: Placed; shown: Shown[]}> = [];
		let out = '';
		for (const [region, placed] of this.#regions) {
			const snapshot = counterpart(region.of, drawn, next);
			const at = region.node ? place(region.node) : null;
			if (!placed || !snapshot || !at || at.top !== placed.top || at.left !== placed.left || at.width !== placed.width) return false;
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
		if (out !== '') {
			this.#terminal.write(`${BSU}${SAVE}${out}${RESTORE}${ESU}`);
			this.#patchedAt = Date.now();
		}
		return true;
	}

	/** Whether it drew a frame at `ms` (Date.now()) or later. */
	patchedSince(ms: number): boolean {
		return this.#patchedAt >= ms;
	}
}
