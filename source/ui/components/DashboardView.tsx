import {Box, Text} from 'ink';
import {truncate} from '../../model/format.js';
import type {Snapshot} from '../../model/snapshot.js';
import {RACE_LESSON} from '../../lessons/race.js';
import {SCENES} from '../../lessons/index.js';
import {type ChromeProps, Footer} from './Footer.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {type LockColumn, LockPanel, lockPanelHeight} from './LockPanel.js';
import {MIN_HEIGHT, MIN_WIDTH, TooSmall} from './SceneView.js';
import {ThreadTable, tableHeight} from './ThreadTable.js';
import {LiveStatus} from './StateIcon.js';
import {useTheme} from '../theme.js';

export interface DashboardViewProps extends ChromeProps {
	sleepers: Snapshot;
	columns: readonly LockColumn[];
}

/** `threadlab` with no scene: the sleepers' rows above the lock panel (unsafe beside mutex). */
export function DashboardView(props: DashboardViewProps) {
	const theme = useTheme();
	const {width, sleepers, columns} = props;
	if (width < MIN_WIDTH || props.height < MIN_HEIGHT) return <TooSmall width={width} />;
	const workers = Math.max(0, ...columns.map((c) => c.snapshot?.threads.length ?? 0));
	// header 2, blank, table, summary, blank, panel, footer, one spare line.
	const fixedLines = 2 + 1 + 1 + 1 + (props.keys.length > 0 ? 1 : 0) + 1;
	// The panel keeps at least its column names, actual, lost, the collision and one worker line.
	const minPanel = 5;
	const table = tableHeight(
		sleepers.threads.length,
		Math.max(2, Math.min(sleepers.threads.length + 1, props.height - fixedLines - minPanel)),
	);
	const wanted = lockPanelHeight(workers, true, true);
	// Short of lines, the blank under the header goes before any line of the panel.
	const spacer = props.height - fixedLines - table >= wanted ? 1 : 0;
	const panelRoom = props.height - fixedLines - table + 1 - spacer;
	const panelHeight = Math.max(1, Math.min(panelRoom, wanted));
	return (
		<Box flexDirection="column" width={width}>
			<Header scene="dashboard" title="threads and locks" label={props.label} lesson={SCENES.sleepers.lesson} width={width} />
			{spacer > 0 ? <Text> </Text> : null}
			{props.help ? (
				<Help keys={props.helpKeys} code={SCENES.sleepers.code} height={props.height - fixedLines} width={width} />
			) : (
				<>
					<ThreadTable main={sleepers.main} threads={sleepers.threads} clockMs={sleepers.clockMs} width={width} maxLines={table} />
					{sleepers.summary ? (
						<Text wrap="truncate" bold>
							{truncate(theme.text(sleepers.summary.line), width, theme.glyphs.ellipsis)}
						</Text>
					) : (
						<LiveStatus of={sleepers} what="sleepers running" width={width} />
					)}
					<Text> </Text>
					<Box height={panelHeight} flexDirection="column">
						<LockPanel columns={columns} width={width} maxLines={panelHeight} registers={props.registers} explain={RACE_LESSON} />
					</Box>
				</>
			)}
			{props.keys.length > 0 ? <Footer hints={props.keys} width={props.width} /> : null}
		</Box>
	);
}
