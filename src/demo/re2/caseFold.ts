/**
 * RE2's `(?i)` matches a character and every other member of its Unicode simple case-folding orbit
 * (k, K and the Kelvin sign U+212A; s, S and long s U+017F). JS's `iu` flags fold the same way, so
 * the engine itself decides membership; this file only proposes the candidates it tests.
 */

/** Characters whose orbit holds a member that toLowerCase/toUpperCase of the others never reach. */
const EXTRA_ORBIT_MEMBERS: Readonly<Record<number, readonly number[]>> = {
  0x6b: [0x212a], // k ↔ KELVIN SIGN
  0x73: [0x17f], // s ↔ LATIN SMALL LETTER LONG S
  0xe5: [0x212b], // å ↔ ANGSTROM SIGN
  0x3c9: [0x2126], // ω ↔ OHM SIGN
  0xdf: [0x1e9e], // ß ↔ ẞ
  0x3bc: [0xb5], // μ ↔ MICRO SIGN
  0x3b9: [0x345, 0x1fbe], // ι ↔ combining ypogegrammeni, prosgegrammeni
  0x3c3: [0x3c2], // σ ↔ final sigma
  0x3b2: [0x3d0],
  0x3b5: [0x3f5],
  0x3b8: [0x3d1, 0x3f4],
  0x3ba: [0x3f0],
  0x3c0: [0x3d6],
  0x3c1: [0x3f1],
  0x3c6: [0x3d5],
  0x1e61: [0x1e9b],
};

const orbits = new Map<number, readonly number[]>();

function single(s: string): number | undefined {
  const cp = s.codePointAt(0);
  return cp !== undefined && String.fromCodePoint(cp) === s ? cp : undefined;
}

function sameFold(a: number, b: number): boolean {
  return new RegExp(`^\\u{${a.toString(16)}}$`, 'iu').test(String.fromCodePoint(b));
}

/** Every code point RE2's `(?i)` treats as equal to `cp`, `cp` included, ascending. */
export function foldOrbit(cp: number): readonly number[] {
  const cached = orbits.get(cp);
  if (cached !== undefined) return cached;
  const candidates = new Set<number>([cp]);
  const ch = String.fromCodePoint(cp);
  for (const s of [ch.toLowerCase(), ch.toUpperCase(), ch.toLowerCase().toUpperCase(), ch.toUpperCase().toLowerCase()]) {
    const c = single(s);
    if (c !== undefined) candidates.add(c);
  }
  for (const c of [...candidates]) {
    for (const [base, extras] of Object.entries(EXTRA_ORBIT_MEMBERS)) {
      const b = Number(base);
      if (b === c || extras.includes(c)) [b, ...extras].forEach((x) => candidates.add(x));
    }
  }
  const orbit = [...candidates].filter((c) => c === cp || sameFold(cp, c)).sort((a, b) => a - b);
  orbits.set(cp, orbit);
  return orbit;
}
