package ai.mastra.client;

import ai.mastra.client.internal.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;

/**
 * One checked, ready-to-send operation: built once by the blocking service, run either blocking or async, so
 * both paths share the input checks, URL building and request-context encoding.
 */
final class Invocation<T> {
  private final Transport transport;
  private final Call<T> call;
  private final Duration timeout;

  Invocation(Transport transport, Call<T> call, RequestOptions options) {
    this.transport = transport;
    this.call = call;
    this.timeout = options.timeout().orElse(null);
  }

  T run() {
    return transport.execute(call, timeout);
  }

  CompletableFuture<T> runAsync() {
    return transport.executeAsync(call, timeout);
  }

  /** {@link #runAsync()} then {@code then}; cancelling the returned future still cancels the HTTP call. */
  <R> CompletableFuture<R> runAsync(Function<? super T, ? extends R> then) {
    CompletableFuture<T> call = runAsync();
    CompletableFuture<R> result = call.thenApply(then);
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            call.cancel(true);
          }
        });
    return result;
  }
}
