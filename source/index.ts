/** The library: the engine, the model and the components, for demos and users' own tests. */
export {WorkerPool} from './engine/pool.js';
export {RealRun, type RunProgram, type ThreadSpec} from './engine/run.js';
export {Mutex} from './engine/mutex.js';
export {COUNTER_MODES, type CounterMode} from './engine/jobs.js';
export type {Lab, ThreadHandle} from './engine/lab.js';
export {toSnapshot, summarize, type Snapshot} from './model/snapshot.js';
export {raceResult, findCollision, collisionText, type RaceResult, type Collision} from './model/race.js';
export type {Sample} from './model/types.js';
export {SCENES, SCENE_NAMES, RACE_DEFAULTS, raceProgram, type Scene, type SceneName, type SceneOptions, type RaceOptions} from './scenes/index.js';
