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

function Lane({snapshot, width}: {snapshot: Snapshot; width: number}) {
	const theme = useTheme();
	const d = snapshot.deadlock;
	if (!d) return null;
	const nameWidth = Math.max(...snapshot.threads.map((row) => row.name.length));
	const total = d.expected / Math.max(1, snapshot.threads.length);
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
			{snapshot.threads.map((row, t) => {
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
						<Lane snapshot={snapshot} width={width} />
					</Box>
				))
			)}
			<Text> </Text>
			{props.keys.length > 0 ? <Footer hints={props.keys} /> : null}
		</Box>
	);
}
