/**
 * The live patcher's regions: lines that time alone moves (a thread table, a status line), where
 * Ink laid them out, and how a region finds its run among newer snapshots.
 */
import type {DOMElement} from 'ink';
import type {MainRowModel, Snapshot, ThreadRowModel} from '../../model/snapshot.js';

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

/** The box's place in the frame: its ancestors' offsets summed up to Ink's root. */
export function place(node: DOMElement): {top: number; left: number; width: number; height: number; root: DOMElement} | null {
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
export function counterpart(
	of: LiveOf,
	drawn: readonly (readonly Snapshot[])[],
	next: readonly (readonly Snapshot[])[],
): Snapshot | undefined {
	for (const [lane, snapshots] of drawn.entries()) {
		const index = snapshots.findIndex((snapshot) => snapshot.threads === of.threads);
		if (index >= 0) return next[lane]?.[index];
	}
	return undefined;
}
