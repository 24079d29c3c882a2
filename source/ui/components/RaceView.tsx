import {Box, Text} from 'ink';
import type {CounterMode} from '../../model/types.js';
import {fixed, truncate} from '../../model/format.js';
import type {Snapshot} from '../../model/snapshot.js';
import {RACE_CODE, RACE_LESSON} from '../../lessons/race.js';
import {type ChromeProps, Footer} from './Footer.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {type LockColumn, LockPanel, lockPanelHeight} from './LockPanel.js';
import {MIN_HEIGHT, MIN_WIDTH, TooSmall} from './SceneView.js';
import {runningStatus, spinnerFrame} from './StateIcon.js';
import {type Theme, useTheme} from '../theme.js';

/**
 * The status line: the screen's spinner and the running mode's clock, then what each mode
 * did to the counter, in the longest form that fits `width` (`lost 75.0%` rather than cut).
 */
export function raceSummary(columns: readonly LockColumn[], theme: Theme, width = Number.POSITIVE_INFINITY): string {
	const dot = theme.glyphs.dot;
	const running = columns.find((c) => c.snapshot && !c.snapshot.finished && c.snapshot.main.state !== 'starting');
	if (running?.snapshot) {
		const {lastStep} = running.snapshot;
		// A stepped race (--seed, s) shows the clock to 0.1 ms and what the step did; short of
		// room the clock goes first, so the step's sentence is never cut.
		const full =
			runningStatus(running.snapshot, theme, `running ${running.mode}`, lastStep ? 4 : 1) + (lastStep ? ` ${dot} ${lastStep}` : '');
		const short = `${spinnerFrame(running.snapshot.clockMs, theme)} ${running.mode} ${dot} ${lastStep}`;
		return !lastStep || full.length <= width || short.length > width ? full : short;
	}
	const line = (long: boolean) =>
		columns
			.flatMap(({mode, snapshot}) => {
				const r = snapshot?.finished ? snapshot.race : null;
				if (!r) return [];
				const verdict = r.lost > 0 ? `lost ${r.lostPercent.toFixed(1)}%${long ? ' of its updates' : ''}` : 'exact';
				return [`${mode} ${verdict} in ${fixed(r.elapsedMs)} s`];
			})
			.join(` ${dot} `);
	const full = line(true);
	if (full === '') return 'starting threads…';
	return full.length <= width ? full : line(false);
}

export interface RaceViewProps extends ChromeProps {
	columns: readonly LockColumn[];
}

/** `threadlab race`: the lock panel with every mode side by side. */
export function RaceView(props: RaceViewProps) {
	const theme = useTheme();
	const {width, columns} = props;
	if (width < MIN_WIDTH || props.height < MIN_HEIGHT) return <TooSmall width={width} />;
	const selected: CounterMode = columns.find((c) => c.selected)?.mode ?? 'unsafe';
	// header 2, blank, panel, blank, summary, footer, one spare line.
	const available = props.height - 7;
	const workers = Math.max(0, ...columns.map((c) => c.snapshot?.threads.length ?? 0));
	const panelHeight = Math.max(1, Math.min(available, lockPanelHeight(workers, true, false)));
	const snapshots = columns.map((c) => c.snapshot).filter((s): s is Snapshot => s !== null);
	const failed = snapshots.some((s) => s.race && s.race.failed > 0);
	return (
		<Box flexDirection="column" width={width}>
			<Header scene="race" title="a shared counter" label={props.label} lesson={RACE_LESSON} width={width} />
			<Text> </Text>
			<Box height={Math.max(1, panelHeight)} flexDirection="column">
				{props.help ? (
					<Help keys={props.helpKeys} code={RACE_CODE[selected]} height={panelHeight} width={width} />
				) : (
					<LockPanel columns={columns} width={width} maxLines={panelHeight} registers={props.registers} />
				)}
			</Box>
			<Text> </Text>
			<Text wrap="truncate" bold color={failed ? theme.bad : undefined}>
				{truncate(theme.text(raceSummary(columns, theme, width)), width, theme.glyphs.ellipsis)}
			</Text>
			{props.keys.length > 0 ? <Footer hints={props.keys} width={props.width} /> : null}
		</Box>
	);
}
