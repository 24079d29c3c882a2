import {memo} from 'react';
import {Text} from 'ink';
import {truncate} from '../../model/format.js';
import {bar} from './ProgressBar.js';
import {type Shown, type Theme, useTheme} from '../theme.js';
import {styled} from '../styled.js';

export const STATE_WIDTH = 9;

export interface ThreadRowProps {
	name: string;
	nameWidth: number;
	state: Shown;
	icon: string;
	progress: number;
	barWidth: number;
	time: string;
	timeWidth: number;
	/** Shown instead of the bar (a failure message). */
	note?: string | undefined;
	main?: boolean;
}

/** A thread's row as one styled string: what ThreadRow draws, and what the live patcher writes in its place. */
export function rowLine(props: ThreadRowProps, theme: Theme): string {
	const {glyphs} = theme;
	const color = theme.state(props.state);
	const name = truncate(props.name, props.nameWidth, glyphs.ellipsis).padEnd(props.nameWidth);
	const middle =
		props.note === undefined
			? bar(props.progress, props.barWidth, glyphs.barFull, glyphs.barEmpty, glyphs.barPartials)
			: truncate(props.note, props.barWidth, glyphs.ellipsis).padEnd(props.barWidth);
	const barColor = props.note === undefined ? color : props.main ? theme.muted : theme.bad;
	// One string, one Ink text node: the same bytes as a <Text> per coloured piece (ui/styled.ts).
	return (
		'  ' +
		styled(name, {bold: props.main, color: props.main ? theme.main : undefined}) +
		' ' +
		styled(`${props.icon} ${props.state.padEnd(STATE_WIDTH)}`, {color}) +
		(props.barWidth > 0 ? styled(`${middle} `, {color: barColor}) : '') +
		styled(props.time.padStart(props.timeWidth), {color: theme.muted})
	);
}

/**
 * One thread as one line: name, icon and state, progress bar, time. Props are
 * primitives and the bar is quantised by its caller, so a memoised row only
 * re-renders when something on it visibly moves.
 */
export const ThreadRow = memo(function ThreadRow(props: ThreadRowProps) {
	return <Text wrap="truncate">{rowLine(props, useTheme())}</Text>;
});
