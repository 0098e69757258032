// The client-js side of the benchmark (see CONTRIBUTING.md, "Benchmarks"): the same workloads as
// src/test/java/ai/mastra/client/bench/BenchWorker.java, with @mastra/client-js, against the benchmark's server.
// Run by BenchRunner: node bench.mjs <workload> <callers> <warmupMs> <measureMs> <baseUrl> [deltas]
// Prints one line "RESULT {...}". Node is single-threaded: "16 callers" are 16 calls in flight.
const started = performance.now();
const { MastraClient } = await import('@mastra/client-js');
const [workload, callersArg, warmupArg, measureArg, baseUrl, deltasArg] = process.argv.slice(2);
const callers = Number(callersArg);
const warmupMs = Number(warmupArg);
const measureMs = Number(measureArg);
const deltas = Number(deltasArg ?? 0);
const client = new MastraClient({ baseUrl, retries: 0 });
const AGENT = 'support-agent';
const SLICES = 5;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const micros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);
const sd = (values) => {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
};

const ops = {
  create: async () => {
    const response = await client.responses.create({ agent_id: AGENT, input: 'Hello there, Mastra!' });
    if (!response.id) throw new Error('no id');
  },
  list: async () => {
    const page = await client.conversations.items.list('conv_bench');
    if (page.data.length !== 100) throw new Error('not 100 items');
  },
};

async function throughput(op) {
  let done = 0;
  let stop = false;
  const loop = async () => {
    while (!stop) {
      await op();
      done++;
    }
  };
  const loops = Array.from({ length: callers }, loop);
  await sleep(warmupMs);
  const rates = [];
  const start = performance.now();
  const startCount = done;
  let sliceStart = start;
  let sliceCount = done;
  for (let s = 0; s < SLICES; s++) {
    await sleep(measureMs / SLICES);
    const now = performance.now();
    rates.push(((done - sliceCount) * 1000) / (now - sliceStart));
    sliceStart = now;
    sliceCount = done;
  }
  const calls = sliceCount - startCount;
  stop = true;
  await Promise.all(loops);
  return { rate: (calls * 1000) / (sliceStart - start), sd: sd(rates), calls };
}

async function stream(n, check) {
  const events = await client.responses.stream({ agent_id: AGENT, input: `deltas=${n}` });
  let seen = 0;
  let completed = null;
  for await (const event of events) {
    if (event.type === 'response.output_text.delta') seen++;
    else if (event.type === 'response.completed') completed = event.response;
  }
  if (check && !completed) throw new Error('no response.completed');
  return seen;
}

async function streams() {
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) await stream(Math.min(deltas, 100000), false);
  const rates = [];
  let total = 0;
  const start = performance.now();
  do {
    const t0 = performance.now();
    const seen = await stream(deltas, true);
    if (seen !== deltas) throw new Error(`saw ${seen} of ${deltas} deltas`);
    rates.push((seen * 1000) / (performance.now() - t0));
    total += seen;
  } while (performance.now() - start < measureMs || rates.length < 2);
  return { rate: (total * 1000) / (performance.now() - start), sd: sd(rates), streams: rates.length };
}

async function firstDelta() {
  const events = await client.responses.stream({ agent_id: AGENT, input: 'latency' });
  let latency = null;
  for await (const event of events) {
    if (latency === null && event.type === 'response.output_text.delta') {
      const now = micros();
      latency = (now - Number(event.delta.substring(2, 21))) / 1000;
    }
  }
  return latency;
}

async function latency() {
  let end = performance.now() + warmupMs;
  while (performance.now() < end) await firstDelta();
  const samples = [];
  end = performance.now() + measureMs;
  while (performance.now() < end) samples.push(await firstDelta());
  samples.sort((a, b) => a - b);
  return {
    p50: samples[Math.floor(samples.length / 2)],
    p99: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)],
    samples: samples.length,
  };
}

let result;
if (workload === 'cold') {
  await ops.create();
  result = { answered: true, inProcessMs: performance.now() - started };
} else if (workload === 'stream') {
  result = await streams();
} else if (workload === 'latency') {
  result = await latency();
} else {
  result = await throughput(ops[workload]);
}
console.log('RESULT ' + JSON.stringify(result));
process.exit(0);
