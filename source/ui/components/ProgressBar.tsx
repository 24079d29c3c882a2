import {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme.js';

/**
 * A bar of `width` cells, `progress` (0..1) of them full, to the nearest step: a cell is
 * `partials.length + 1` steps (eighth blocks: 8; none: whole cells), the last one drawn with
 * the partial glyph of its step, so that a bar glides instead of jumping a cell at a time.
 */
export function bar(progress: number, width: number, full: string, empty: string, partials: readonly string[] = []): string {
	const cells = Math.max(0, width);
	const per = partials.length + 1;
	const steps = Math.round(Math.min(1, Math.max(0, progress)) * cells * per);
	const filled = Math.floor(steps / per);
	const partial = partials[(steps % per) - 1];
	return full.repeat(filled) + (partial ?? '') + empty.repeat(cells - filled - (partial === undefined ? 0 : 1));
}

/** `progress` rounded to what a bar of `width` cells shows (whole steps), so that equal bars compare equal. */
export function barProgress(progress: number, width: number, partials: readonly string[]): number {
	const steps = Math.max(0, width) * (partials.length + 1);
	return steps > 0 ? Math.round(Math.min(1, Math.max(0, progress)) * steps) / steps : 0;
}

export const ProgressBar = memo(function ProgressBar({progress, width, color}: {progress: number; width: number; color?: string}) {
	const {glyphs} = useTheme();
	return <Text color={color}>{bar(progress, width, glyphs.barFull, glyphs.barEmpty, glyphs.barPartials)}</Text>;
});
