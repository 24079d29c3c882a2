/** The tour: every slide fits 80×24, and without a terminal it reads as the talk's outline. */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {TourView} from '../source/ui/components/TourView.js';
import {SimSession} from '../source/engine/sim/session.js';
import {renderText} from '../source/output/frames.js';
import {toSnapshots} from '../source/model/snapshot.js';
import {GIL_DEFAULTS, RACE_DEFAULTS} from '../source/lessons/index.js';
import {footerKeys, helpKeys, tourContext} from '../source/ui/keys.js';
import {tourSlides} from '../source/lessons/tour.js';
import {lanesFor} from '../source/lessons/view.js';

const run = promisify(execFile);
const slides = tourSlides({threads: 5, sleep: 2}, RACE_DEFAULTS, {...GIL_DEFAULTS, simulated: true});

function slideAt(index: number, seconds: number, width: number, height: number, ascii = false): string {
	const slide = slides[index]!;
	const session = new SimSession(slide.view ? lanesFor(slide.view) : [], 1);
	session.advanceTo(seconds * 1000);
	const snapshots = toSnapshots(session.samples());
	const view = React.createElement(TourView, {
		slide,
		index,
		count: slides.length,
		snapshots,
		measured: ['sleepers: elapsed 2.00 s'],
		width,
		height,
		keys: footerKeys(tourContext(true)),
		helpKeys: helpKeys(tourContext(true)),
		help: false,
		label: 'simulated · seed 1',
	});
	return renderText(view, {width, height, color: false, ascii});
}

describe('tour slides', () => {
	it('has the notebook order, code of at most 12 lines and one to three points', () => {
		expect(slides.map((slide) => slide.id)).toEqual([
			'threads',
			'gil',
			'start',
			'hello',
			'join',
			'sleepers',
			'sequential',
			'unsafe',
			'mutex',
			'atomic',
			'interleavings',
			'deadlock',
			'summary',
		]);
		for (const slide of slides.slice(0, -1)) {
			expect(slide.code.length).toBeLessThanOrEqual(12);
			expect(slide.points.length).toBeGreaterThanOrEqual(1);
			expect(slide.points.length).toBeLessThanOrEqual(3);
		}
	});

	it.each(slides.map((slide, index) => [slide.id, index]))('%s fits 80×24 mid-scene and when done', (_id, index) => {
		for (const seconds of [0.5, 30]) {
			const lines = slideAt(index as number, seconds, 80, 24).split('\n');
			expect(lines.length).toBeLessThan(24);
			expect(lines.every((line) => line.length <= 80)).toBe(true);
			expect(lines[0]).toContain(`threadlab tour · ${(index as number) + 1}/13`);
			expect(lines.at(-1)).toContain('q quit');
		}
	});

	it('shows the scene under the slide: join prints hello after the wake', () => {
		const text = slideAt(4, 30, 80, 24);
		expect(text.indexOf('thread3 has woken up from sleep')).toBeLessThan(text.lastIndexOf('hello'));
		expect(text).toContain('thread.join()');
	});

	it('--ascii slides are ASCII only', () => {
		for (const index of [0, 1, 5, 7]) expect(slideAt(index, 1, 80, 24, true)).toMatch(/^[\x20-\x7e\n]*$/);
	});
});

describe('tour without a terminal', () => {
	it('prints every slide, its points and its scene, then what was measured', async () => {
		const {stdout} = await run(process.execPath, ['dist/cli.js', 'tour', '-s', '0.2', '-t', '2', '-i', '100', '--cpu', '100'], {
			env: {PATH: process.env['PATH'] ?? ''},
		});
		const lines = stdout.split('\n');
		const titles = lines.filter((line) => line.startsWith('== slide '));
		expect(titles).toHaveLength(13);
		expect(titles[0]).toBe('== slide 1/13: What is a thread? ==');
		expect(titles[1]).toBe('== slide 2/13: the GIL: CPU-bound vs I/O-bound ==');
		expect(lines.some((line) => /^CPU-bound under a GIL: 4 threads in \d+\.\d\d s · sequential 0\.40 s/.test(line))).toBe(true);
		expect(lines).toContain('I am thread3. Going to sleep for 0.2 seconds');
		const measured = lines.slice(lines.indexOf('== slide 13/13: what we measured =='));
		expect(measured.some((line) => /^- sleepers: elapsed 0\.2\d s/.test(line))).toBe(true);
		expect(measured.some((line) => /^- mutex: exact, 200 in/.test(line))).toBe(true);
		expect(measured.some((line) => /^- gil: CPU-bound \d+\.\d\d× on \d+ cores?, under a GIL \d+\.\d\d×/.test(line))).toBe(true);
	}, 30_000);
});
