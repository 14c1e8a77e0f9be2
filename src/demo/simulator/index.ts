export { createSimulator, DEFAULT_SEED, type DemoTraceDescription, type Simulator, type SimulatorOptions } from './simulator';
export { defaultScenarios, SCENARIO_NAMES, type Scenario, type ScenarioName } from './scenarios';
export { decodeTraceId, encodeTraceId, spanIdFor, type TraceIdParts } from './demoTraceId';
export { LE_BOUNDS, leLabel } from './catalog';
export { SERVICES, CLASSIC_SERVICES, FLOWS, type ServiceName } from './topology';
export { CLIENT_TIMEOUT_S, type Hop } from './traceTemplate';
export { traceKey } from './demoTraceId';
export { hashInts, unitHash } from './hash';
