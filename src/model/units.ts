/** Display units, named as Grafana names them so saved panels read familiar. */
export type Unit = 's' | 'ms' | 'reqps' | 'percentunit' | 'percent' | 'bytes' | 'short' | 'cores';
