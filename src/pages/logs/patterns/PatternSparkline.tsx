/** Counts per bucket as bars, scaled to the pattern's own peak: the shape over time, not the size. */
export function PatternSparkline({ counts, isNew }: { counts: readonly number[]; isNew: boolean }) {
  const width = 96;
  const height = 20;
  const peak = Math.max(1, ...counts);
  const barWidth = width / Math.max(1, counts.length);
  let d = '';
  counts.forEach((count, i) => {
    if (count <= 0) return;
    const h = Math.max(1, (count / peak) * height);
    d += `M${(i * barWidth).toFixed(2)} ${height}v${(-h).toFixed(2)}h${Math.max(1, barWidth - 1).toFixed(2)}v${h.toFixed(2)}z`;
  });
  return (
    <svg className={`pattern-sparkline${isNew ? ' is-new' : ''}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Lines over time: ${counts.join(', ')}`}>
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="pattern-sparkline-base" />
      <path d={d} />
    </svg>
  );
}
