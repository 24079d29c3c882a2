import {hello} from './hello.js';
import {join} from './join.js';
import {sequential} from './sequential.js';
import {sleepers} from './sleepers.js';
import {start} from './start.js';
import type {Scene, ThreadSceneName} from './types.js';

export {SCENE_NAMES, THREAD_SCENE_NAMES, type Scene, type SceneName, type SceneOptions, type ThreadSceneName} from './types.js';
export {INTERLEAVINGS, INTERLEAVINGS_DEFAULTS, realCheck, type RealCheck} from './interleavings.js';
export {RACE_CODE, RACE_DEFAULTS, RACE_LESSON, raceProgram, type RaceOptions} from './race.js';
export {GIL_CODE, GIL_DEFAULTS, GIL_LESSON, GIL_TITLE, SWITCH_MS, gilPrograms, type GilOptions} from './gil.js';

export const SCENES: Record<ThreadSceneName, Scene> = {start, hello, join, sleepers, sequential};
export {DEADLOCK_CODE, DEADLOCK_DEFAULTS, DEADLOCK_LESSON, DEADLOCK_THREADS, deadlockProgram, type DeadlockOptions} from './deadlock.js';
