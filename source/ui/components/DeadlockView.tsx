import {Box, Text} from 'ink';
import type {DeadlockModel} from '../../model/deadlock.js';
import {truncate} from '../../model/format.js';
import type {Snapshot} from '../../model/snapshot.js';
import {type ChromeProps, Footer} from './Footer.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {TooSmall} from './SceneView.js';
import {runningStatus, stateIcon} from './StateIcon.js';
import {useTheme} from '../theme.js';

export interface DeadlockViewProps extends ChromeProps {
	/** One snapshot per lock order, drawn one under the other: the deadlock above its fix. */
	lanes: readonly Snapshot[];
	title: string;
	lesson: string;
	code: readonly string[];
}

export const DEADLOCK_HEADER = 'deadlock: no thread can move';

const ORDER_TITLES: Record<DeadlockModel['order'], string> = {
	opposite: 'opposite order: thread i takes lock i, then lock i+1',
	ordered: 'ordered: every thread takes the lower-numbered lock first',
};

/**
 * The hops of the cycle on as few lines as the width allows, each whole: at 80 columns the
 * pair's cycle is one line, and a ring of n > 2 wraps between hops, never inside one.
 */
export function cycleLines(hops: readonly string[], width: number): string[] {
	const lines: string[] = [];
	let line = '';
	hops.forEach((hop, i) => {
		const piece = i < hops.length - 1 ? `${hop} → ` : hop;
		if (line && (line + piece).trimEnd().length > width - 2) {
			lines.push(line.trimEnd());
			line = '';
		}
		line += piece;
	});
	if (line) lines.push(line);
	return lines;
}

/** Lines a lane takes besides its thread rows: margin, title, then the cycle and when it formed, or one status line. */
const laneExtra = (snapshot: Snapshot, width: number) =>
	2 + (snapshot.deadlock?.cycle ? cycleLines(snapshot.deadlock.hops, width).length + 1 : 1);

function Lane({snapshot, width, maxRows}: {snapshot: Snapshot; width: number; maxRows: number}) {
	const theme = useTheme();
	const d = snapshot.deadlock;
	if (!d) return null;
	const nameWidth = Math.max(...snapshot.threads.map((row) => row.name.length));
	const total = d.expected / Math.max(1, snapshot.threads.length);
	// Too many rows for the height: the first ones, and a line saying how many more.
	const rowsShown = snapshot.threads.length <= maxRows ? snapshot.threads.length : Math.max(0, maxRows - 1);
	let status: string;
	if (d.cycle) status = `count stuck at ${d.counter} of ${d.expected}`;
	else if (snapshot.finished) status = `count ${d.counter} of ${d.expected}${d.counter === d.expected ? ', exact' : ''}`;
	else {
		// Seeded: the move the last step made, `thread_0 took A`, with the clock in µs to follow it.
		const step = snapshot.lastStep;
		status = runningStatus(snapshot, theme, `count ${d.counter}`, step ? 4 : 1) + (step ? ` ${theme.glyphs.dot} ${step}` : '');
	}
	return (
		<Box flexDirection="column">
			<Text wrap="truncate" bold>
				{truncate(ORDER_TITLES[d.order], width, theme.glyphs.ellipsis)}
			</Text>
			{snapshot.threads.slice(0, rowsShown).map((row, t) => {
				const note = row.state === 'waiting' || row.state === 'holding' ? (d.notes[t] ?? '') : row.state;
				const count = `${Math.round(row.progress * total)}/${total}`;
				const left = `  ${row.name.padEnd(nameWidth)} ${stateIcon(row.state, snapshot.clockMs, theme)} ${note}`;
				return (
					<Text key={row.name} wrap="truncate" color={row.state === 'waiting' ? theme.state('waiting') : undefined}>
						{truncate(left, width - count.length - 1, theme.glyphs.ellipsis).padEnd(width - count.length)}
						<Text color={theme.muted}>{count}</Text>
					</Text>
				);
			})}
			{rowsShown < snapshot.threads.length ? (
				<Text wrap="truncate" color={theme.muted}>{`  +${snapshot.threads.length - rowsShown} more threads`}</Text>
			) : null}
			{d.cycle ? (
				cycleLines(d.hops, width).map((line) => (
					<Text key={line} wrap="truncate" color={theme.bad}>
						{line}
					</Text>
				))
			) : (
				<Text wrap="truncate" color={theme.muted}>
					{theme.text(status)}
				</Text>
			)}
			{d.cycle ? (
				<Text wrap="truncate" color={theme.muted}>
					{`formed at ${(d.cycle.formedMs / 1000).toFixed(3)} s · ${status}`}
				</Text>
			) : null}
		</Box>
	);
}

/** The deadlock scene: each lock order's threads, what each holds and waits for, and the cycle. */
export function DeadlockView(props: DeadlockViewProps) {
	const {width, lanes} = props;
	if (width < 20 || props.height < 11) return <TooSmall width={width} />;
	const stuck = lanes.some((snapshot) => snapshot.deadlock?.cycle);
	const scene = lanes[0]?.scene ?? 'deadlock';
	// Header 2, blank and footer, one spare; what is left is shared out among the lanes' rows.
	const rowsLeft = props.height - 5 - lanes.reduce((sum, snapshot) => sum + laneExtra(snapshot, width), 0);
	const maxRows = Math.max(1, Math.floor(rowsLeft / Math.max(1, lanes.length)));
	return (
		<Box flexDirection="column" width={width}>
			<Header scene={scene} title={props.title} label={props.label} lesson={stuck ? DEADLOCK_HEADER : props.lesson} width={width} />
			{props.help ? (
				<Box marginTop={1} flexDirection="column">
					<Help keys={props.helpKeys} code={props.code} height={props.height - 4} width={width} />
				</Box>
			) : (
				lanes.map((snapshot, i) => (
					<Box key={snapshot.deadlock?.order ?? i} marginTop={1} flexDirection="column">
						<Lane snapshot={snapshot} width={width} maxRows={maxRows} />
					</Box>
				))
			)}
			<Text> </Text>
			{props.keys.length > 0 ? <Footer hints={props.keys} /> : null}
		</Box>
	);
}
