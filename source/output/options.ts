/**
 * What the command line (or the library) asks of an output mode, validated (cli/options.ts
 * makes it): the lesson to run, and how to show it.
 */
import type {LessonRequest} from '../lessons/view.js';
import type {ThemeName} from '../ui/theme.js';

export interface Options extends LessonRequest {
	fps: number;
	json: boolean;
	/** Colours on screen: unless --no-color or NO_COLOR. */
	color: boolean;
	/** --color: colours even in --frames output. */
	forceColor: boolean;
	/** --ascii, or a locale that is not UTF-8. */
	ascii: boolean;
	/** --seed: simulated on a virtual clock with a seeded scheduler. */
	seed: number | undefined;
	/** --paused: a seeded run starts with its clock stopped (space resumes, s steps). */
	paused: boolean;
	/** --frames: virtual seconds to render as text, then exit. */
	frames: number[] | undefined;
	width: number;
	height: number;
	/** --auto: tour, seconds to wait after a slide's scene finished before the next slide. */
	auto: number | undefined;
	theme: ThemeName;
	/** --record: the asciicast file to write, exactly as named. */
	record: string | undefined;
	/** --force: --record may replace an existing file. */
	force: boolean;
}
