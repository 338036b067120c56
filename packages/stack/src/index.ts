export { serviceNodeFlags } from './node-flags.ts';
export { freePort } from './ports.ts';
export { ServiceProcess, type ServiceProcessOptions } from './service-process.ts';
export { startStack, type ServiceName, type Stack, type StackOptions } from './stack.ts';
export { actualDetailRows, actualPeopleRows, actualRows, actualScoreRows, expectedDetailRows, expectedPeopleRows, expectedRows, expectedScoreRows } from './ground-truth.ts';
