import { SparklinePath } from '../shared/SparklinePath';
import type { PanelState } from '../shared/types';

interface SparklineProps {
  times?: Float64Array;
  values?: Float64Array;
  state: PanelState;
  color: string;
  width?: number;
  height?: number;
  timeDomain?: readonly [number, number];
  /** Accessible description, e.g. "payments error ratio". */
  label: string;
}

/** One overview sparkline with the DOM contract benchmarks wait on (`data-testid="sparkline"`, `data-state`). */
export function Sparkline({ times, values, state, color, width = 96, height = 24, timeDomain, label }: SparklineProps) {
  const drawable = state === 'ready' && times !== undefined && values !== undefined;
  return (
    <span className="sparkline" data-testid="sparkline" data-state={drawable ? 'ready' : state === 'ready' ? 'empty' : state} title={label} style={{ width, height }}>
      {drawable ? (
        <SparklinePath times={times} values={values} width={width} height={height} color={color} timeDomain={timeDomain} />
      ) : state === 'loading' ? (
        <span className="sparkline-loading" />
      ) : null}
    </span>
  );
}
