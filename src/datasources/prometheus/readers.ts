import { shapeReaders } from '../shared/shape';

/** The shared JSON shape readers, naming Prometheus as the server at fault. */
export const { shapeError, asRecord, asArray, asString, asNumber, asStringList, asLabels } = shapeReaders('Prometheus');
