export { buildSimulator, startSimulator, type Simulator, type SimulatorOptions, type SimulatorStats } from './simulator.ts';
export type { Dataset } from './dataset.ts';
export type { FaultOptions, FaultKind } from './faults.ts';
export type { ClockOptions } from './clock.ts';
export type { ClockAdvance } from './world.ts';
export type { FixtureChange } from './change-log.ts';
export { DETAIL_TYPES } from './serialize.ts';
export { STATES, type StateApi } from './states.ts';
