/**
 * threadlab as a library: deterministic frames for snapshot tests, the engine
 * (real worker threads, the simulation), the pure model, and the components.
 */
// The public types use Node's (worker_threads, NodeJS.ProcessEnv): load them for consumers
// whose tsconfig lists no `types` (TypeScript 7's default). @types/node is a peer dependency.
/// <reference types="node" preserve="true" />
export {renderFrame, type FrameOptions} from './frame.js';
export {show, type ShowOptions} from './show.js';
export {sleeper, threadNames} from './scenes/types.js';
export {WorkerPool} from './engine/pool.js';
export {RealRun, type RunProgram, type ThreadSpec} from './engine/run.js';
export {SimRun} from './engine/sim.js';
export {SimSession} from './engine/sim-session.js';
export {Mutex} from './engine/mutex.js';
export {COUNTER_MODES, type CounterMode} from './engine/jobs.js';
export type {Join, Lab, MainProgram, ThreadHandle} from './engine/lab.js';
export {toSnapshot, summarize, type Snapshot, type Summary, type Comparison, type ThreadRowModel, type LogLine} from './model/snapshot.js';
export {raceResult, findCollision, collisionText, type RaceResult, type Collision} from './model/race.js';
export type {Sample, ThreadSample, EventSample, RaceSample, ThreadStateName, MainState} from './model/types.js';
export {SCENES, SCENE_NAMES, RACE_DEFAULTS, raceProgram, type Scene, type SceneName, type SceneOptions, type RaceOptions} from './scenes/index.js';
export {type View, viewFor, lanesFor} from './view.js';
export {Screen, type ScreenProps} from './components/Screen.js';
export {SceneView} from './components/SceneView.js';
export {RaceView} from './components/RaceView.js';
export {DashboardView} from './components/DashboardView.js';
export {LockPanel, type LockColumn} from './components/LockPanel.js';
export {ThreadTable} from './components/ThreadTable.js';
export {ThreadRow} from './components/ThreadRow.js';
export {EventLog} from './components/EventLog.js';
export {ThemeContext, makeTheme, type Theme} from './components/theme.js';
export {App, type AppProps} from './app.js';
export {parseOptions, UsageError, type Options} from './options.js';
