import {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme.js';

/** A bar of `width` cells, `progress` (0..1) of them full. */
export function bar(progress: number, width: number, full: string, empty: string): string {
	const cells = Math.max(0, width);
	const filled = Math.round(Math.min(1, Math.max(0, progress)) * cells);
	return full.repeat(filled) + empty.repeat(cells - filled);
}

export const ProgressBar = memo(function ProgressBar({progress, width, color}: {progress: number; width: number; color?: string}) {
	const {glyphs} = useTheme();
	return <Text color={color}>{bar(progress, width, glyphs.barFull, glyphs.barEmpty)}</Text>;
});
