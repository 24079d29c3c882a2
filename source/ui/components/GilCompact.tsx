import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
import {plural, truncate} from '../../model/format.js';
import {type GilLaneResult, gilResult, laneTime} from '../../model/gil.js';
import type {Snapshot} from '../../model/snapshot.js';
import {type Theme, useTheme} from '../theme.js';
import {Line, type Segment} from './Line.js';
import {bar} from './ProgressBar.js';
import {runningStatus} from './StateIcon.js';

/** One lane on one line: its name, its threads' progress as one bar, its time and speed-up (or why it did not run). */
export function laneSegments(lane: GilLaneResult, number: number, width: number, nameWidth: number, theme: Theme): Segment[] {
	const name = `${number} ${lane.name}`;
	if (lane.status === 'skipped') return [{text: `${name}: ${lane.note}`, color: theme.muted}];
	const rows = lane.snapshot?.threads ?? [];
	const progress = rows.length > 0 ? rows.reduce((sum, row) => sum + row.progress, 0) / rows.length : 0;
	const figures = theme.text(laneTime(lane) ?? '');
	const barWidth = Math.max(0, width - nameWidth - 15 - 2);
	return [
		{text: `${truncate(name, nameWidth - 1, theme.glyphs.ellipsis).padEnd(nameWidth)}`, bold: lane.status === 'running'},
		{
			text: `${bar(progress, barWidth, theme.glyphs.barFull, theme.glyphs.barEmpty)} `,
			color: theme.state(lane.status === 'done' ? 'done' : 'running'),
		},
		{text: figures, bold: lane.status === 'done'},
	];
}

/** Wide enough for the lanes' names. */
export const laneNameWidth = (lanes: readonly GilLaneResult[]) => Math.min(26, Math.max(0, ...lanes.map((lane) => lane.name.length)) + 3);

/**
 * The gil scene in a few lines, for the tour's slide: the cores and the GIL, one line per lane
 * (its threads' progress as one bar, its time and speed-up), then the lesson with the figures.
 */
export function GilCompact({snapshots, width, lines}: {snapshots: readonly Snapshot[]; width: number; lines: number}) {
	const theme = useTheme();
	const result = gilResult(snapshots);
	const nameWidth = laneNameWidth(result.lanes);
	const laneLines = result.lanes.map((lane, index) => laneSegments(lane, index + 1, width, nameWidth, theme));
	const running = snapshots.find((snapshot) => !snapshot.finished);
	const left = Math.max(1, lines - 1 - laneLines.length);
	const status = result.summary
		? wrapAnsi(theme.text(result.summary.full), width, {hard: true}).split('\n').length <= left
			? wrapAnsi(theme.text(result.summary.full), width, {hard: true}).split('\n')
			: [theme.text(result.summary.short)]
		: [running ? runningStatus(running, theme, result.calibrating ? 'calibrating' : 'running') : ''];
	return (
		<Box flexDirection="column">
			<Text wrap="truncate" color={theme.muted}>
				{truncate(theme.text(`${plural(result.cores, 'core')} · ${result.gilText}`), width, theme.glyphs.ellipsis)}
			</Text>
			{laneLines.slice(0, Math.max(0, lines - 2)).map((segments, index) => (
				<Line key={index} segments={segments} />
			))}
			{status.map((line, index) => (
				<Text key={`s${index}`} wrap="truncate" bold={result.summary !== null}>
					{truncate(line, width, theme.glyphs.ellipsis)}
				</Text>
			))}
		</Box>
	);
}
