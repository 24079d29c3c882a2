import {hello} from './hello.js';
import {join} from './join.js';
import {sequential} from './sequential.js';
import {sleepers} from './sleepers.js';
import {start} from './start.js';
import type {Scene, SceneName} from './types.js';

export {SCENE_NAMES, type Scene, type SceneName, type SceneOptions} from './types.js';

export const SCENES: Record<SceneName, Scene> = {start, hello, join, sleepers, sequential};
