import {describe, expect, it} from 'vitest';
import {type LockColumn, LockPanel} from '../../source/ui/components/LockPanel.js';
import {toSnapshot} from '../../source/model/snapshot.js';
import type {Sample} from '../../source/model/types.js';
import {ascii, draw} from '../helpers/draw.js';

function column(
	mode: 'unsafe' | 'mutex' | 'atomic',
	counter: number,
	states: Array<'done' | 'waiting' | 'holding'>,
	finished: boolean,
): LockColumn {
	const sample: Sample = {
		scene: 'race',
		clockMs: 800,
		main: finished ? 'done' : 'joining',
		threads: states.map((state, i) => ({
			name: `thread_${i}`,
			state,
			sleepSeconds: 0,
			startMs: 0,
			wakeMs: null,
			endMs: null,
			progress: finished ? 100 : 50,
			local: counter - i,
		})),
		events: [],
		finished,
		race: {
			mode,
			increments: 100,
			workMicros: 200,
			expected: states.length * 100,
			counter,
			holder: states.indexOf('holding'),
			contended: mode === 'mutex' ? 140 : 0,
			...(mode === 'unsafe'
				? {
						reads: [
							[40, 41],
							[41, 42],
						],
					}
				: {}),
		},
	};
	return {mode, snapshot: toSnapshot(sample), selected: mode === 'mutex'};
}

const columns = [
	column('unsafe', 120, ['done', 'done'], true),
	column('mutex', 100, ['holding', 'waiting'], false),
	{mode: 'atomic' as const, snapshot: null, selected: false},
];

describe('LockPanel', () => {
	it('draws the modes side by side from fixed snapshots', () => {
		expect(draw(<LockPanel columns={columns} width={80} maxLines={20} />, ascii)).toEqual([
			'lock panel - 2 threads x 100 increments - 200 us between read and write',
			'                          unsafe                > mutex                 atomic',
			'expected                     200                    200                      -',
			'actual                       120                    100                      -',
			'lost                  80 (40.0%)        0 so far (0.0%)                      -',
			'elapsed                   0.80 s                 0.80 s                      -',
			'rate                       250/s                  125/s                      -',
			'contended                      -             140 waited                      -',
			'holder                         -               thread_0                      -',
			// 80 columns leave no room for the bars: name, icon and state stay.
			'workers    thread_0 + ##########  thread_0 - #####.....',
			'           thread_1 + ##########  thread_1 ~ #####.....',
			'caught     thread_0 and thread_1 both read 41 and wrote 42: one update lost',
			'contended: how many times a thread waited for the lock',
		]);
	});

	it('keeps the most telling lines when it must fit fewer', () => {
		const lines = draw(<LockPanel columns={columns} width={80} maxLines={6} />, ascii);
		expect(lines).toHaveLength(6);
		expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['', 'expected', 'actual', 'lost', 'workers', 'caught']);
		expect(lines[4]).toContain('+2 more');
	});

	it('shows what each worker last read when asked (step mode)', () => {
		const lines = draw(<LockPanel columns={columns.slice(0, 2)} width={100} maxLines={20} registers />, ascii);
		expect(lines.find((line) => line.startsWith('workers'))).toMatch(/thread_0 \+ done\s+r=120\s.*thread_0 - holding\s+r=100/);
	});
});
