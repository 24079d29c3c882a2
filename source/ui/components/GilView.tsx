import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
import {GIL_LESSON, GIL_TITLE} from '../../lessons/gil.js';
import {clock, fixed, plural, truncate} from '../../model/format.js';
import {
	GIL_STATE_WIDTH,
	type GilLaneName,
	type GilLaneResult,
	type GilResult,
	LANE_NAMES,
	LANE_ORDER,
	calibrationText,
	gilResult,
	gilStateText,
	laneTime,
} from '../../model/gil.js';
import type {Snapshot, ThreadRowModel} from '../../model/snapshot.js';
import {type Theme, useTheme} from '../theme.js';
import {type ChromeProps, Footer, type KeyHint} from './Footer.js';
import {laneSegments} from './GilCompact.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {Line, type Segment} from './Line.js';
import {bar} from './ProgressBar.js';
import {MIN_HEIGHT, MIN_WIDTH, TooSmall} from './SceneView.js';
import {runningStatus, stateIcon} from './StateIcon.js';

export interface GilViewProps extends Omit<ChromeProps, 'helpKeys'> {
	/** The scene's one lane of programs: [calibration,] cpu, gil, io[, python]. */
	snapshots: readonly Snapshot[];
	code: readonly string[];
	helpKeys?: readonly KeyHint[];
}

/** The lane's figures beside its rows, in a column this wide (none below 64 columns: they go above the rows). */
const LEFT = 20;
const TITLES = {
	cpu: ['CPU-bound', 'no lock'],
	gil: ['CPU-bound', 'under a GIL'],
	io: ['I/O-bound', 'under the GIL'],
	python: ['CPython', ''],
};

/** The lane's figures, one per line: what it is, how, its time and speed-up, n × one job. */
export function laneInfo(lane: GilLaneResult, number: number): string[] {
	const build = lane.snapshot?.gil?.python;
	const [title, how] = TITLES[lane.lane];
	const head = lane.lane === 'python' && build ? build.version : title;
	const detail =
		lane.lane !== 'python'
			? how
			: !build
				? 'starting…'
				: build.freeThreaded
					? build.gil
						? 'free-threaded, GIL on'
						: 'free-threaded'
					: 'with its GIL';
	const time = laneTime(lane) ?? (lane.lane === 'python' && build ? 'calibrating…' : 'waits its turn');
	return [`${number} ${head}`, `  ${detail}`, `  ${time}`, `  sequential ${fixed(lane.sequentialMs)} s`];
}

/** Lines for each lane: a skipped lane one, the others shared out, each at most what it wants. */
function laneHeights(lanes: readonly GilLaneResult[], budget: number, side: boolean): number[] {
	let left = budget - lanes.filter((lane) => lane.status === 'skipped').length;
	let count = lanes.filter((lane) => lane.status !== 'skipped').length;
	// Too little room for every lane's figures and a row or two: every lane on one line.
	if (count > 0 && left / count < (side ? 3 : 2)) return lanes.map(() => 1);
	return lanes.map((lane) => {
		if (lane.status === 'skipped') return 1;
		const wanted = side ? Math.max(3, lane.threads) : lane.threads + 1;
		const lines = Math.max(1, Math.min(wanted, Math.floor(left / count)));
		left -= lines;
		count--;
		return lines;
	});
}

function rowSegments(row: ThreadRowModel, nameWidth: number, width: number, clockMs: number, theme: Theme): Segment[] {
	const {glyphs} = theme;
	const color = theme.state(row.state);
	const stateWidth = Math.max(4, Math.min(GIL_STATE_WIDTH, width - nameWidth - 12));
	const barWidth = Math.max(0, width - nameWidth - 1 - 2 - stateWidth - 1 - 7);
	const time = `${clock(row.elapsedMs, 1)} s`.padStart(6);
	const middle = row.error
		? truncate(row.error, barWidth, glyphs.ellipsis).padEnd(barWidth)
		: bar(row.progress, barWidth, glyphs.barFull, glyphs.barEmpty);
	return [
		{text: `${truncate(row.name, nameWidth, glyphs.ellipsis).padEnd(nameWidth)} `},
		{
			text: `${stateIcon(row.state, clockMs, theme)} ${truncate(gilStateText(row.state), stateWidth, glyphs.ellipsis).padEnd(stateWidth)} `,
			color,
		},
		...(barWidth > 0 ? [{text: `${middle} `, color: row.error ? theme.bad : color}] : []),
		{text: time, color: theme.muted},
	];
}

/** One lane in `lines` lines: its figures on the left (or above), a row per thread, `+N more` when they do not fit. */
function laneLines(lane: GilLaneResult, number: number, lines: number, width: number, side: boolean, theme: Theme): Segment[][] {
	// In the theme's glyphs before it is measured: `…` is three columns under --ascii.
	const info = laneInfo(lane, number).map((line) => theme.text(line));
	// No room for its rows: the lane on one line, as the tour shows it.
	if (lane.status === 'skipped' || lines < 2) return [laneSegments(lane, number, width, 26, theme)];
	const snapshot = lane.snapshot!;
	const rowLines = side ? lines : lines - 1;
	const rows = snapshot.threads;
	const collapsed = rows.length > rowLines;
	const shown = collapsed ? rows.slice(0, Math.max(0, rowLines - 1)) : rows;
	const nameWidth = Math.min(12, Math.max(4, ...rows.map((row) => row.name.length)));
	const rightWidth = side ? width - LEFT : width - 2;
	const right: Segment[][] = shown.map((row) => rowSegments(row, nameWidth, rightWidth, snapshot.clockMs, theme));
	if (collapsed) {
		const counts = new Map<string, number>();
		for (const row of rows.slice(shown.length)) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
		const more = [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
		right.push([{text: `+${rows.length - shown.length} more (${more})`, color: theme.muted}]);
	}
	const infoColor = (index: number) => (index === 0 ? theme.accent : index === 2 && lane.status === 'done' ? undefined : theme.muted);
	if (!side) {
		const title = [info[0], info[1]?.trim(), info[2]?.trim()].join(` ${theme.glyphs.dot} `);
		return [[{text: title, color: theme.accent, bold: true}], ...right.map((segments) => [{text: '  '}, ...segments])];
	}
	return Array.from({length: lines}, (_, index) => [
		{
			text: truncate(info[index] ?? '', LEFT - 1, theme.glyphs.ellipsis).padEnd(LEFT),
			color: infoColor(index),
			bold: index === 0 || (index === 2 && lane.status === 'done'),
		},
		...(right[index] ?? []),
	]);
}

/** The summary once every lane is done (wrapped on two lines when there is room, else the short one), or what runs now. */
function statusLines(result: GilResult, snapshots: readonly Snapshot[], width: number, room: number, theme: Theme): string[] {
	if (result.summary) {
		const full = theme.text(result.summary.full);
		if (full.length <= width) return [full];
		const wrapped = wrapAnsi(full, width, {hard: true}).split('\n');
		return room >= wrapped.length ? wrapped : [theme.text(result.summary.short)];
	}
	const running = snapshots.find((snapshot) => !snapshot.finished) ?? snapshots.at(-1);
	const lane = running?.gil?.lane;
	const index = LANE_ORDER.indexOf(lane as GilLaneName);
	const what = index < 0 ? 'calibrating the job on one core' : `lane ${index + 1} of 4, ${LANE_NAMES[lane as GilLaneName]}`;
	return [running ? runningStatus(running, theme, what) : 'starting threads…'];
}

/** `threadlab gil`: four lanes of the same lesson, one after another. Reads completely at 80×24 with 4 threads. */
export function GilView(props: GilViewProps) {
	const theme = useTheme();
	const {width, height, snapshots} = props;
	if (width < MIN_WIDTH || height < MIN_HEIGHT) return <TooSmall width={width} />;
	const result = gilResult(snapshots);
	const side = width >= 64;
	const header = [
		`${plural(result.cores, 'core')} ${theme.glyphs.dot} ${result.gilText} ${theme.glyphs.dot} switch interval ${result.switchMs} ms`,
		calibrationText(result),
	];
	// header 2 + 2, blank, lanes, status, footer, one spare line; the blank goes first when short of room.
	const fixedLines = 2 + header.length + 1 + (props.keys.length > 0 ? 1 : 0) + 1;
	const layout = (blank: number) => {
		const budget = height - fixedLines - blank;
		const heights = laneHeights(result.lanes, budget, side);
		return {blank, budget, heights, room: budget - heights.reduce((sum, lines) => sum + lines, 0) + 1};
	};
	let {blank, budget, heights, room} = layout(height - fixedLines - 1 >= 4 + result.lanes.length ? 1 : 0);
	// The lesson on two lines rather than a blank line above the lanes.
	if (blank > 0 && room < 2 && result.summary && theme.text(result.summary.full).length > width)
		({blank, budget, heights, room} = layout(0));
	const lanes = result.lanes.flatMap((lane, index) => laneLines(lane, index + 1, heights[index]!, width, side, theme));
	const status = statusLines(result, snapshots, width, room, theme);
	return (
		<Box flexDirection="column" width={width}>
			<Header scene="gil" title={GIL_TITLE} label={props.label} lesson={GIL_LESSON} width={width} />
			{header.map((line, index) => (
				<Text key={index} wrap="truncate" color={theme.muted}>
					{truncate(theme.text(line), width, theme.glyphs.ellipsis)}
				</Text>
			))}
			{blank > 0 ? <Text> </Text> : null}
			{props.help ? (
				<Help keys={props.helpKeys ?? props.keys} code={props.code} height={budget} width={width} />
			) : (
				lanes.map((segments, index) => <Line key={index} segments={segments} />)
			)}
			{status.map((line, index) => (
				<Text key={`s${index}`} wrap="truncate" bold={result.summary !== null} color={result.failed > 0 ? theme.bad : undefined}>
					{truncate(line, width, theme.glyphs.ellipsis)}
				</Text>
			))}
			{props.keys.length > 0 ? <Footer hints={props.keys} /> : null}
		</Box>
	);
}
