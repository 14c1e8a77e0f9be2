import type { Labels } from './series';

export interface Alert {
  fingerprint: string;
  labels: Labels;
  annotations: Labels;
  state: 'active' | 'suppressed' | 'unprocessed' | 'pending' | 'firing' | 'inactive';
  startsAt: number;
  endsAt?: number;
  generatorURL?: string;
}
