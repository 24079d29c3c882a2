import {memo} from 'react';
import {Text} from 'ink';
import {truncate} from '../../model/format.js';
import {bar} from './ProgressBar.js';
import {type Shown, useTheme} from '../theme.js';

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
	note?: string;
	main?: boolean;
}

/**
 * One thread as one line: name, icon and state, progress bar, time. Props are
 * primitives and the bar is quantised by its caller, so a memoised row only
 * re-renders when something on it visibly moves.
 */
export const ThreadRow = memo(function ThreadRow(props: ThreadRowProps) {
	const theme = useTheme();
	const {glyphs} = theme;
	const color = theme.state(props.state);
	const name = truncate(props.name, props.nameWidth, glyphs.ellipsis).padEnd(props.nameWidth);
	const middle =
		props.note === undefined
			? bar(props.progress, props.barWidth, glyphs.barFull, glyphs.barEmpty, glyphs.barPartials)
			: truncate(props.note, props.barWidth, glyphs.ellipsis).padEnd(props.barWidth);
	return (
		<Text wrap="truncate">
			{'  '}
			<Text bold={props.main} color={props.main ? theme.main : undefined}>
				{name}
			</Text>{' '}
			<Text color={color}>
				{props.icon} {props.state.padEnd(STATE_WIDTH)}
			</Text>
			{props.barWidth > 0 ? (
				<Text color={props.note === undefined ? color : props.main ? theme.muted : theme.bad}>{middle + ' '}</Text>
			) : null}
			<Text color={theme.muted}>{props.time.padStart(props.timeWidth)}</Text>
		</Text>
	);
});
