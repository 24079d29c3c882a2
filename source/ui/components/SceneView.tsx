import {Box, Text} from 'ink';
import {truncate} from '../../model/format.js';
import type {Snapshot} from '../../model/snapshot.js';
import {EventLog} from './EventLog.js';
import {type ChromeProps, Footer, type KeyHint} from './Footer.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {ThreadTable, tableHeight} from './ThreadTable.js';
import {LiveStatus} from './StateIcon.js';
import {useTheme} from '../theme.js';

export const MIN_WIDTH = 20;
/** header 2, blank, main + one row, blank, one log line, blank, summary, footer, one spare. */
export const MIN_HEIGHT = 11;

export interface SceneViewProps extends Omit<ChromeProps, 'helpKeys'> {
	snapshot: Snapshot;
	title: string;
	lesson: string;
	code: readonly string[];
	/** Every key with a longer description, for `?` (default: the footer's). */
	helpKeys?: readonly KeyHint[];
}

/** In place of a frame that would not fit: the whole message when there is room for it. */
export function TooSmall({width}: {width: number}) {
	return <Text wrap="truncate">{truncate(width >= 18 ? 'terminal too small' : 'too small', width, '')}</Text>;
}

/** The whole screen of a thread scene, a pure function of its props. */
export function SceneView(props: SceneViewProps) {
	const theme = useTheme();
	const {snapshot, width} = props;
	if (width < MIN_WIDTH || props.height < MIN_HEIGHT) {
		return <TooSmall width={width} />;
	}
	// header 2, blank, table, blank, log, blank, summary, footer; one line spare.
	const fixedLines = 2 + 1 + 1 + 1 + 1 + (props.keys.length > 0 ? 1 : 0) + 1;
	const budget = props.height - fixedLines;
	const logWanted = Math.min(snapshot.log.length, 3);
	const table = tableHeight(snapshot.threads.length, budget - Math.max(1, logWanted));
	// The log keeps the height of every line the scene will print, so the layout does not jump.
	const logHeight = Math.max(1, Math.min(budget - table, snapshot.threads.length * 2 + 1));
	const summary = snapshot.summary;
	return (
		<Box flexDirection="column" width={width}>
			<Header scene={snapshot.scene} title={props.title} label={props.label} lesson={props.lesson} width={width} />
			<Text> </Text>
			<ThreadTable main={snapshot.main} threads={snapshot.threads} clockMs={snapshot.clockMs} width={width} maxLines={table} />
			<Text> </Text>
			<Box height={logHeight} flexDirection="column">
				{props.help ? (
					<Help keys={props.helpKeys ?? props.keys} code={props.code} height={logHeight} width={width} />
				) : (
					<EventLog lines={snapshot.log} height={logHeight} width={width} />
				)}
			</Box>
			<Text> </Text>
			{summary ? (
				<Text wrap="truncate" bold color={summary.failed > 0 ? theme.bad : undefined}>
					{theme.text(summary.line)}
				</Text>
			) : (
				<LiveStatus of={snapshot} width={width} />
			)}
			{props.keys.length > 0 ? <Footer hints={props.keys} width={props.width} /> : null}
		</Box>
	);
}
