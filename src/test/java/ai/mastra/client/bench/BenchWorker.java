package ai.mastra.client.bench;

import ai.mastra.client.MastraClient;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.StreamEvent;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSource;

/**
 * One measurement in a fresh JVM, started by {@link BenchRunner}: a workload, run by this SDK ({@code sdk}) or
 * by the same request written by hand with OkHttp and Gson ({@code raw}), against the benchmark server. Prints
 * one line {@code RESULT {...}} (JSON) for the runner.
 *
 * <p>{@code BenchWorker <workload> <sdk|raw|raw-cleartext> <callers> <warmupMs> <measureMs> <baseUrl> [deltas]}; callers
 * {@code a16} means 16 async calls in flight instead of 16 blocking threads. Workloads: {@code create}, {@code
 * create-headers} and {@code create-context} (per-call headers / request context, SDK only), {@code list},
 * {@code list-cold} ({@code list} from the JVM's start, no warm-up: calls/s second by second), {@code stream}
 * (events/s of a stream of {@code deltas} text deltas, read to its final response), {@code
 * latency} (first delta, server write to caller), {@code stream-mem} (one stream of {@code deltas} with its
 * final response: run at {@code -Xmx64m}), {@code options} (per-call headers and context against a plain create,
 * interleaved in one thread), {@code cold} (one create call, then exit). {@code raw-cleartext} is
 * {@code raw} with a cleartext-only OkHttp client, as the SDK builds for an http:// URL (for cold starts).
 */
public final class BenchWorker {
  private static final Gson GSON = new Gson();
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String AGENT = "support-agent";
  private static final String INPUT = "Hello there, Mastra!";
  private static final int SLICES = 5;
  /** The warm-up with all 16 callers, as a multiple of the one-caller warm-up before it. */
  static final int BUSY_WARMUP_FACTOR = 4;

  private final String client;
  private final String baseUrl;
  private MastraClient sdk;
  private OkHttpClient raw;

  private BenchWorker(String client, String baseUrl) {
    this.client = client;
    this.baseUrl = baseUrl;
  }

  /**
   * Runs one measurement.
   *
   * @param args see the class comment
   * @throws Exception on any failure (the runner reports it)
   */
  public static void main(String[] args) throws Exception {
    String workload = args[0];
    BenchWorker worker = new BenchWorker(args[1], args[5]);
    String callers = args[2];
    long warmup = Long.parseLong(args[3]);
    long measure = Long.parseLong(args[4]);
    int deltas = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    worker.open();
    try {
      switch (workload) {
        case "cold":
          worker.op("create").call();
          System.out.println("RESULT {\"answered\":true}");
          break;
        case "stream":
          worker.streams(deltas, warmup, measure);
          break;
        case "latency":
          worker.latency(warmup, measure);
          break;
        case "options":
          worker.options(warmup, measure);
          break;
        case "stream-mem":
          int read = worker.stream(deltas, true);
          System.out.println("RESULT {\"deltas\":" + read + "}");
          break;
        default:
          worker.throughput(workload, callers, warmup, measure);
      }
    } finally {
      worker.close();
    }
    System.exit(0); // the async pools' threads would otherwise linger
  }

  private void open() {
    if (client.equals("sdk")) {
      sdk = MastraClient.builder().baseUrl(baseUrl).build();
    } else {
      // what a careful hand-written client does: one client, a dispatcher as wide as the SDK's (64) and a pool
      // that keeps as many idle connections, as the SDK's does
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      OkHttpClient.Builder builder = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).dispatcher(dispatcher);
      if (client.equals("raw-cleartext")) {
        // as the SDK builds its client for an http:// base URL: no TLS set up (cold starts only)
        builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
      }
      raw = builder.build();
    }
  }

  private void close() {
    if (sdk != null) {
      sdk.close();
    }
    if (raw != null) {
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    }
  }

  /** One operation, blocking and async. */
  interface Op {
    void call() throws Exception;

    CompletableFuture<?> callAsync();
  }

  /** The raw client's request body: a minimal POJO. */
  static final class RawCreate {
    final String agent_id = AGENT;
    final String input = INPUT;
  }

  private Op op(String workload) {
    ResponseCreateRequest request = new ResponseCreateRequest().agentId(AGENT).input(INPUT);
    String itemsUrl = baseUrl + "/api/v1/conversations/conv_bench/items";
    if (client.equals("sdk")) {
      RequestOptions options;
      switch (workload) {
        case "create-headers":
          options = RequestOptions.builder().header("X-Request-Id", "bench-1").header("X-Tenant", "acme").build();
          break;
        case "create-context":
          options = RequestOptions.of(RequestContext.of(Map.of("tenant", "acme", "tier", 2)));
          break;
        default:
          options = RequestOptions.none();
      }
      if (workload.startsWith("create")) {
        return new Op() {
          @Override
          public void call() {
            consume(sdk.responses().create(request, options));
          }

          @Override
          public CompletableFuture<?> callAsync() {
            return sdk.async().responses().create(request, options).thenAccept(BenchWorker::consume);
          }
        };
      }
      return new Op() {
        @Override
        public void call() {
          if (sdk.conversations().items().list("conv_bench").data().size() != 100) {
            throw new IllegalStateException("not 100 items");
          }
        }

        @Override
        public CompletableFuture<?> callAsync() {
          return sdk.async().conversations().items().list("conv_bench").thenAccept(page -> {
            if (page.data().size() != 100) {
              throw new IllegalStateException("not 100 items");
            }
          });
        }
      };
    }
    boolean create = workload.startsWith("create");
    return new Op() {
      private Request request() {
        return create
            ? new Request.Builder().url(baseUrl + "/api/v1/responses")
                .post(RequestBody.create(GSON.toJson(new RawCreate()), JSON)).build()
            : new Request.Builder().url(itemsUrl).build();
      }

      private void check(JsonObject json) {
        if (create ? !json.has("id") : json.getAsJsonArray("data").size() != 100) {
          throw new IllegalStateException("unexpected answer");
        }
      }

      @Override
      public void call() throws IOException {
        try (okhttp3.Response response = raw.newCall(request()).execute()) {
          if (!response.isSuccessful()) {
            throw new IOException("HTTP " + response.code());
          }
          check(JsonParser.parseReader(response.body().charStream()).getAsJsonObject());
        }
      }

      @Override
      public CompletableFuture<?> callAsync() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        raw.newCall(request()).enqueue(new Callback() {
          @Override
          public void onFailure(Call call, IOException e) {
            future.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call call, okhttp3.Response response) {
            try (response) {
              check(JsonParser.parseReader(response.body().charStream()).getAsJsonObject());
              future.complete(null);
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }
        });
        return future;
      }
    };
  }

  private static void consume(Response response) {
    if (response.getId() == null) {
      throw new IllegalStateException("no id");
    }
  }

  private void throughput(String workload, String callers, long warmupMs, long measureMs) throws Exception {
    boolean cold = workload.endsWith("-cold");
    Op op = op(workload);
    boolean async = callers.startsWith("a");
    int n = Integer.parseInt(async ? callers.substring(1) : callers);
    if (!cold) {
      // Warm-up with one caller first. With 16 busy callers on 2 cores the JIT's compiler threads get a 16th of
      // the CPU, and a hot loop still in the interpreter (a body's decoding) can wait 10-25 s for its
      // compilation, behind a queue of others: the figure would then measure the JIT, at random, not the client.
      long soloEnd = System.nanoTime() + warmupMs * 1_000_000;
      while (System.nanoTime() < soloEnd) {
        if (async) {
          op.callAsync().get(30, TimeUnit.SECONDS);
        } else {
          op.call();
        }
      }
    }
    AtomicLong done = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch finished = new CountDownLatch(n);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (async) {
        loopAsync(op, done, stop, failures, finished);
      } else {
        Thread thread = new Thread(() -> {
          try {
            while (!stop.get()) {
              op.call();
              done.incrementAndGet();
            }
          } catch (Throwable e) {
            failures.add(e);
          } finally {
            finished.countDown();
          }
        }, "bench-caller-" + i);
        thread.start();
        threads.add(thread);
      }
    }
    // then all of them, four times as long: under 16 callers the JIT compiles on (the paths of a pool of 16
    // connections, of contention) with a small share of the CPU. With HotSpot's 2 compiler threads (2 CPUs)
    // and 6 s of it, the SDK's rate still rose by 20-40% within the measured window; BenchRunner gives 16-caller
    // figures 4 compiler threads, and 8 s of it leaves both clients' slices flat.
    Thread.sleep(cold || n == 1 ? 0 : warmupMs * BUSY_WARMUP_FACTOR);
    long allocatedBefore = allocated();
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    long startCount = done.get();
    // a cold start is shown second by second
    int slices = cold ? (int) (measureMs / 1000) : SLICES;
    double[] rates = new double[slices];
    long sliceStart = start;
    long sliceCount = startCount;
    for (int s = 0; s < slices; s++) {
      Thread.sleep(measureMs / slices);
      long now = System.nanoTime();
      long count = done.get();
      rates[s] = (count - sliceCount) * 1e9 / (now - sliceStart);
      sliceStart = now;
      sliceCount = count;
    }
    long calls = sliceCount - startCount;
    double seconds = (sliceStart - start) / 1e9;
    long allocatedAfter = allocated();
    long cpuAfter = processCpuNanos();
    stop.set(true);
    finished.await(30, TimeUnit.SECONDS);
    if (!failures.isEmpty()) {
      failures.peek().printStackTrace();
      throw new IllegalStateException("calls failed: " + failures.size(), failures.peek());
    }
    StringBuilder perSlice = new StringBuilder();
    for (double rate : rates) {
      perSlice.append(perSlice.length() == 0 ? "" : ",").append(Math.round(rate));
    }
    System.out.printf(
        "RESULT {\"rate\":%.1f,\"sd\":%.1f,\"bytesPerCall\":%d,\"cpuMicrosPerCall\":%.2f,\"calls\":%d,\"slices\":[%s]}%n",
        calls / seconds, sd(rates), calls == 0 ? 0 : (allocatedAfter - allocatedBefore) / calls,
        calls == 0 ? 0 : (cpuAfter - cpuBefore) / 1000.0 / calls, calls, perSlice);
  }

  /**
   * Per-call options against a plain create, in one JVM and one thread: blocks of 200 calls of each in turn, so
   * that the JIT's state and the machine's speed, which make two JVMs' CPU per call differ by 10-30%, are the
   * same for all three. CPU is this thread's own (all of a blocking call's client-side work runs on it), without
   * the JIT's and the GC's threads. Prints rate, CPU per call (µs) and bytes allocated per call of each.
   */
  private void options(long warmupMs, long measureMs) throws Exception {
    String[] names = {"plain", "headers", "context"};
    Op[] ops = {op("create"), op("create-headers"), op("create-context")};
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long warmupEnd = System.nanoTime() + warmupMs * 1_000_000;
    while (System.nanoTime() < warmupEnd) {
      for (Op op : ops) {
        for (int k = 0; k < 200; k++) {
          op.call();
        }
      }
    }
    long[] nanos = new long[ops.length];
    long[] cpu = new long[ops.length];
    long[] bytes = new long[ops.length];
    long[] calls = new long[ops.length];
    long end = System.nanoTime() + measureMs * 1_000_000;
    for (int round = 0; System.nanoTime() < end; round++) {
      for (int j = 0; j < ops.length; j++) {
        int i = (j + round) % ops.length; // each one first, second and third in turn
        long wall = System.nanoTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 200; k++) {
          ops[i].call();
        }
        bytes[i] += threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        cpu[i] += threads.getCurrentThreadCpuTime() - cpuBefore;
        nanos[i] += System.nanoTime() - wall;
        calls[i] += 200;
      }
    }
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < ops.length; i++) {
      json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "\"%sRate\":%.1f,\"%sCpuMicrosPerCall\":%.2f,\"%sBytesPerCall\":%d", names[i], calls[i] * 1e9 / nanos[i],
          names[i], cpu[i] / 1000.0 / calls[i], names[i], bytes[i] / calls[i]));
    }
    System.out.println("RESULT " + json.append("}"));
  }

  private static void loopAsync(
      Op op, AtomicLong done, AtomicBoolean stop, ConcurrentLinkedQueue<Throwable> failures, CountDownLatch finished) {
    if (stop.get()) {
      finished.countDown();
      return;
    }
    op.callAsync().whenComplete((value, failure) -> {
      if (failure != null) {
        failures.add(failure);
        finished.countDown();
        return;
      }
      done.incrementAndGet();
      loopAsync(op, done, stop, failures, finished);
    });
  }

  /**
   * CPU time used so far by this JVM, all its threads (the callers, OkHttp's, the JIT's and the GC's): per
   * call, a steadier figure than calls/s on a machine whose speed varies.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Bytes allocated so far by all live threads of this JVM (HotSpot's per-thread counters). */
  private static long allocated() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(ids)) {
      if (bytes > 0) {
        sum += bytes;
      }
    }
    return sum;
  }

  private static double sd(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return values.length < 2 ? 0 : Math.sqrt(sum / (values.length - 1));
  }

  /** Reads a stream of {@code deltas} deltas; returns the deltas seen. */
  private int stream(int deltas, boolean finalResponse) throws IOException {
    String input = "deltas=" + deltas;
    int seen = 0;
    if (client.equals("sdk")) {
      try (ResponseStream stream =
          sdk.responses().stream(new ResponseCreateRequest().agentId(AGENT).input(input))) {
        for (StreamEvent event : stream) {
          if (event.data().isOutputTextDelta()) {
            seen++;
          }
        }
        Response response = stream.finalResponse();
        if (finalResponse && response.outputText().length() != textLength(deltas)) {
          throw new IllegalStateException("wrong final text");
        }
      }
      return seen;
    }
    Request request = new Request.Builder().url(baseUrl + "/api/v1/responses")
        .header("Accept", "text/event-stream")
        .post(RequestBody.create("{\"agent_id\":\"" + AGENT + "\",\"input\":\"" + input + "\",\"stream\":true}", JSON))
        .build();
    JsonObject completed = null;
    try (okhttp3.Response response = raw.newCall(request).execute()) {
      BufferedSource source = response.body().source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (line.startsWith("data: ")) {
          JsonObject event = JsonParser.parseString(line.substring(6)).getAsJsonObject();
          String type = event.get("type").getAsString();
          if (type.equals("response.output_text.delta")) {
            seen++;
          } else if (type.equals("response.completed")) {
            completed = event.getAsJsonObject("response");
          }
        }
      }
    }
    if (finalResponse) {
      String text = completed.getAsJsonArray("output").get(0).getAsJsonObject().getAsJsonArray("content").get(0)
          .getAsJsonObject().get("text").getAsString();
      if (text.length() != textLength(deltas)) {
        throw new IllegalStateException("wrong final text");
      }
    }
    return seen;
  }

  private static long textLength(int deltas) {
    long length = 0;
    for (int i = 0; i < deltas; i++) {
      length += BenchServer.WORDS[i % BenchServer.WORDS.length].length();
    }
    return length;
  }

  private void streams(int deltas, long warmupMs, long measureMs) throws IOException {
    long end = System.nanoTime() + warmupMs * 1_000_000;
    while (System.nanoTime() < end) {
      stream(Math.min(deltas, 100_000), false);
    }
    List<Double> rates = new ArrayList<>();
    long total = 0;
    long start = System.nanoTime();
    do {
      long t0 = System.nanoTime();
      int seen = stream(deltas, true);
      if (seen != deltas) {
        throw new IllegalStateException("saw " + seen + " of " + deltas + " deltas");
      }
      rates.add(seen * 1e9 / (System.nanoTime() - t0));
      total += seen;
    } while (System.nanoTime() - start < measureMs * 1_000_000 || rates.size() < 2);
    double rate = total * 1e9 / (System.nanoTime() - start);
    System.out.printf("RESULT {\"rate\":%.1f,\"sd\":%.1f,\"streams\":%d}%n",
        rate, sd(rates.stream().mapToDouble(Double::doubleValue).toArray()), rates.size());
  }

  /** Milliseconds from the server's write of the first delta to this caller having it. */
  private double firstDelta() throws IOException {
    String delta = null;
    long now;
    if (client.equals("sdk")) {
      try (ResponseStream stream =
          sdk.responses().stream(new ResponseCreateRequest().agentId(AGENT).input("latency"))) {
        for (String text : stream.textDeltas()) {
          delta = text;
          break;
        }
        now = micros();
        stream.finalResponse();
      }
    } else {
      Request request = new Request.Builder().url(baseUrl + "/api/v1/responses")
          .header("Accept", "text/event-stream")
          .post(RequestBody.create("{\"agent_id\":\"" + AGENT + "\",\"input\":\"latency\",\"stream\":true}", JSON))
          .build();
      now = 0;
      try (okhttp3.Response response = raw.newCall(request).execute()) {
        BufferedSource source = response.body().source();
        String line;
        while ((line = source.readUtf8Line()) != null) {
          if (line.startsWith("data: ")) {
            JsonObject event = JsonParser.parseString(line.substring(6)).getAsJsonObject();
            if (delta == null && event.get("type").getAsString().equals("response.output_text.delta")) {
              delta = event.get("delta").getAsString();
              now = micros();
            }
          }
        }
      }
    }
    long sent = Long.parseLong(delta.substring(2, 2 + BenchServer.TIMESTAMP_DIGITS));
    return (now - sent) / 1000.0;
  }

  private static long micros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  private void latency(long warmupMs, long measureMs) throws IOException {
    long end = System.nanoTime() + warmupMs * 1_000_000;
    while (System.nanoTime() < end) {
      firstDelta();
    }
    List<Double> samples = new ArrayList<>();
    end = System.nanoTime() + measureMs * 1_000_000;
    while (System.nanoTime() < end) {
      samples.add(firstDelta());
    }
    Collections.sort(samples);
    System.out.printf("RESULT {\"p50\":%.3f,\"p99\":%.3f,\"samples\":%d}%n",
        samples.get(samples.size() / 2), samples.get((int) Math.min(samples.size() - 1, Math.ceil(samples.size() * 0.99) - 1)),
        samples.size());
  }
}
