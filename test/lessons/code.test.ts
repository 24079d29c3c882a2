import {describe, expect, it} from 'vitest';
import {foldCall, foldCode} from '../../source/lessons/code.js';
import {SCENES} from '../../source/lessons/index.js';

describe('the slides fold the notebook lines, they do not retype them', () => {
	it('a long threading.Thread(...) call: one argument group per line, closed on the last', () => {
		expect(foldCall("thread = threading.Thread(target=sleeper, name='thread1', args=(n_time,))")).toEqual([
			'thread = threading.Thread(',
			"    target=sleeper, name='thread1',",
			'    args=(n_time,))',
		]);
		expect(foldCall('    thread = threading.Thread(target=sleeper, name=name, args=(n_time,))')).toEqual([
			'    thread = threading.Thread(',
			'        target=sleeper, name=name,',
			'        args=(n_time,))',
		]);
	});

	it('short lines and lines without a call stay as they are', () => {
		expect(foldCall('thread.start()')).toEqual(['thread.start()']);
		expect(foldCall("    name = 'thread_{}'.format(i)")).toEqual(["    name = 'thread_{}'.format(i)"]);
		expect(foldCall('# a comment that is rather long, longer than the fold width, really')).toEqual([
			'# a comment that is rather long, longer than the fold width, really',
		]);
	});

	it('every scene folds to code lines of at most 44 columns (comments stay whole), and folding keeps every token', () => {
		for (const scene of Object.values(SCENES)) {
			const folded = foldCode(scene.code);
			for (const line of folded.filter((text) => !text.trimStart().startsWith('#'))) expect(line.length, line).toBeLessThanOrEqual(44);
			expect(folded.join(' ').replace(/\s+/g, '')).toBe(scene.code.join(' ').replace(/\s+/g, ''));
		}
	});
});
