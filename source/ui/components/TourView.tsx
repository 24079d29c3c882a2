import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
import {truncate} from '../../model/format.js';
import type {Snapshot} from '../../model/snapshot.js';
import type {Slide} from '../../lessons/tour.js';
import {Code} from './Code.js';
import {EventLog, PrintedLog} from './EventLog.js';
import {type ChromeProps, Footer} from './Footer.js';
import {GilCompact} from './GilCompact.js';
import {Help} from './Help.js';
import {LockPanel} from './LockPanel.js';
import {raceSummary} from './RaceView.js';
import {MIN_HEIGHT, MIN_WIDTH, TooSmall} from './SceneView.js';
import {ThreadTable, tableHeight} from './ThreadTable.js';
import {LiveStatus} from './StateIcon.js';
import {useTheme} from '../theme.js';

export interface TourViewProps extends ChromeProps {
	slide: Slide;
	index: number;
	count: number;
	/** The slide's scene, per lane and program (none for text slides). */
	snapshots: readonly (readonly Snapshot[])[];
	/** The closing slide's lines. */
	measured: readonly string[];
}

/** The printed lines the scene under a slide has room for, below its rows. */
const logRoom = (snapshot: Snapshot, lines: number) =>
	Math.min(snapshot.threads.length * 2 + 1, Math.max(0, lines - 1 - tableHeight(snapshot.threads.length, lines - 1)));

/** The live scene under a slide, in the lines it is given. */
function SlideScene({
	snapshots,
	width,
	lines,
	registers,
	log,
}: {
	snapshots: readonly (readonly Snapshot[])[];
	width: number;
	lines: number;
	registers: boolean;
	/** Printed lines to show below the rows (0: none, or they are beside the slide's points). */
	log: number;
}) {
	const theme = useTheme();
	const snapshot = snapshots[0]?.[0];
	if (!snapshot || lines < 2) return null;
	if (snapshot.gil) return <GilCompact snapshots={snapshots[0]!} width={width} lines={lines} />;
	if (snapshot.race) {
		// The panel, then the status line: the running clock and what a step (s) did, or the verdict.
		const columns = [{mode: snapshot.race.mode, snapshot, selected: false}];
		return (
			<Box flexDirection="column">
				<LockPanel columns={columns} width={width} maxLines={lines - 1} registers={registers} />
				<Text wrap="truncate" bold={snapshot.finished}>
					{truncate(theme.text(raceSummary(columns, theme, width)), width, theme.glyphs.ellipsis)}
				</Text>
			</Box>
		);
	}
	// The rows, then as many of the printed lines as fit (hello before or after the wake), then the status.
	const table = tableHeight(snapshot.threads.length, lines - 1);
	return (
		<Box flexDirection="column">
			<ThreadTable main={snapshot.main} threads={snapshot.threads} clockMs={snapshot.clockMs} width={width} maxLines={table} />
			{log > 0 ? <EventLog lines={snapshot.log} height={log} width={width} /> : null}
			{snapshot.summary ? (
				<Text wrap="truncate" bold>
					{truncate(theme.text(snapshot.summary.line), width, theme.glyphs.ellipsis)}
				</Text>
			) : (
				<LiveStatus of={snapshot} width={width} />
			)}
		</Box>
	);
}

/**
 * One slide of the talk: where we are, the notebook's code beside the talking
 * points (or above them when the terminal is narrow), and the scene running
 * below. Fits 80×24.
 */
export function TourView(props: TourViewProps) {
	const theme = useTheme();
	const {slide, width} = props;
	if (width < MIN_WIDTH || props.height < MIN_HEIGHT) return <TooSmall width={width} />;
	const codeWidth = Math.max(0, ...slide.code.map((line) => line.length));
	const sideBySide = slide.code.length > 0 && codeWidth + 2 + 24 <= width;
	const pointsWidth = sideBySide ? width - codeWidth - 3 : width - 2;
	const points = (slide.summary ? props.measured : slide.points).map((point) => theme.text(point));
	const wrapped = points.flatMap((point) => wrapAnsi(`${theme.ascii ? '-' : '•'} ${point}`, pointsWidth, {hard: true}).split('\n'));
	// The title and the footer always stay on screen: title, blank, the body, footer, one spare line.
	const room = props.height - 2 - 2;
	const stacked = slide.code.length + (slide.code.length > 0 ? 1 : 0) + wrapped.length;
	// Too little room for the code above the points: the code is one `?` away (help shows it).
	const code = sideBySide || stacked <= room ? slide.code.slice(0, Math.min(12, room)) : [];
	const pointLines = wrapped.slice(0, Math.max(0, sideBySide || code.length === 0 ? room : room - code.length - 1));
	const body = sideBySide ? Math.max(code.length, pointLines.length) : code.length + (code.length > 0 ? 1 : 0) + pointLines.length;
	// title, blank, body, blank, scene, footer, one spare line.
	const sceneLines = props.height - 2 - body - 1 - 2;
	// The printed lines go beside the points when the rows leave less room for them below (sleepers
	// at 80×24). Decided on the scene's shape, not on what it printed so far, so it does not jump.
	const scene = props.snapshots[0]?.[0];
	const prints = scene !== undefined && !scene.gil && !scene.race;
	const below = prints ? logRoom(scene, sceneLines) : 0;
	const beside = sideBySide ? code.length - pointLines.length - 1 : 0;
	const logBeside = prints && below < scene.threads.length * 2 + 1 && beside - 1 > below;
	const heading = theme.text(`threadlab tour ${theme.glyphs.dot} ${props.index + 1}/${props.count} ${theme.glyphs.dot} ${slide.title}`);
	// The slide's title is never cut for the label: it shortens to `real threads`, then goes.
	const labels = [props.label, props.label.split(' · ')[0] ?? '', ''].map((text) => theme.text(text));
	const label = labels.find((text) => heading.length + (text ? 1 : 0) + text.length <= width) ?? '';
	const pointsBox = (
		<Box flexDirection="column" width={pointsWidth}>
			{pointLines.map((line, index) => (
				<Text key={index} wrap="truncate">
					{line}
				</Text>
			))}
			{slide.summary && points.length === 0 ? <Text color={theme.muted}>nothing ran yet: go back and run a slide</Text> : null}
			{logBeside ? <Text> </Text> : null}
			{logBeside ? <PrintedLog lines={scene.log} height={beside} width={pointsWidth} /> : null}
		</Box>
	);
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					{truncate(heading, Math.max(0, width - label.length - (label ? 1 : 0)), theme.glyphs.ellipsis)}
				</Text>
				{' '.repeat(Math.max(label ? 1 : 0, width - Math.min(heading.length, width) - label.length))}
				<Text color={theme.muted}>{label}</Text>
			</Text>
			<Text> </Text>
			{props.help ? (
				<Help keys={props.helpKeys} code={slide.code} height={props.height - 4} width={width} />
			) : (
				<>
					{sideBySide ? (
						<Box flexDirection="row">
							<Box width={codeWidth + 3}>
								<Code lines={code} width={codeWidth + 1} />
							</Box>
							{pointsBox}
						</Box>
					) : (
						<Box flexDirection="column">
							{code.length > 0 ? <Code lines={code} width={width} /> : null}
							{code.length > 0 ? <Text> </Text> : null}
							{pointsBox}
						</Box>
					)}
					<Text> </Text>
					<SlideScene
						snapshots={props.snapshots}
						width={width}
						lines={sceneLines}
						registers={props.registers ?? false}
						log={logBeside ? 0 : below}
					/>
				</>
			)}
			<Box flexGrow={1} />
			{props.keys.length > 0 ? <Footer hints={props.keys} width={props.width} /> : null}
		</Box>
	);
}
