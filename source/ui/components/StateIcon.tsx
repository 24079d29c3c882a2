import {useCallback} from 'react';
import type {Snapshot} from '../../model/snapshot.js';
import {clock, truncate} from '../../model/format.js';
import {type Shown, type Theme, useTheme} from '../theme.js';
import {LiveLines} from '../live/LiveLines.js';
import type {LiveOf} from '../live/regions.js';

/** The frame of the screen's one spinner at `clockMs` (the scene clock drives every spinner). */
export function spinnerFrame(clockMs: number, theme: Theme): string {
	const frames = theme.glyphs.spinner;
	return frames[Math.floor(clockMs / theme.glyphs.spinnerInterval) % frames.length] ?? ' ';
}

/**
 * The glyph before a state word. Only a thread that is doing something spins; a sleeping or
 * blocked thread has a still glyph, so its row is redrawn only when its time or bar moves.
 */
export function stateIcon(state: Shown, clockMs: number, theme: Theme): string {
	switch (state) {
		case 'starting':
		case 'running':
		case 'holding':
			return spinnerFrame(clockMs, theme);
		case 'sleeping':
			return theme.glyphs.sleeping;
		case 'joining':
		case 'waiting':
			return theme.glyphs.blocked;
		case 'done':
		case 'awake':
			return theme.glyphs.done;
		case 'failed':
			return theme.glyphs.failed;
		case 'new':
			return theme.glyphs.idle;
		default: {
			const unknown: never = state;
			return unknown;
		}
	}
}

/** The status line while a scene runs: the screen's spinner, what runs, and the scene clock (tenths, or `decimals`). */
export function runningStatus(snapshot: Pick<Snapshot, 'main' | 'clockMs'>, theme: Theme, what = 'running', decimals = 1): string {
	if (snapshot.main.state === 'starting') return 'starting threads…';
	return `${spinnerFrame(snapshot.clockMs, theme)} ${what} ${theme.glyphs.dot} ${clock(snapshot.clockMs, decimals)} s`;
}

/** The status line while `of` runs (runningStatus), redrawn in place as its clock moves (ui/live/). */
export function LiveStatus({of, what, width}: {of: LiveOf; what?: string; width: number}) {
	const theme = useTheme();
	const draw = useCallback(
		(at: LiveOf) => [truncate(theme.text(runningStatus(at, theme, what)), width, theme.glyphs.ellipsis)],
		[theme, what, width],
	);
	return <LiveLines of={of} draw={draw} />;
}
