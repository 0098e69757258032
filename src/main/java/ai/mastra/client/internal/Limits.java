package ai.mastra.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Size limits on what the server sends, so a broken or hostile server cannot exhaust the heap: a success body
 * (counted after gzip is undone, so a small compressed body that inflates past the limit fails too), one
 * event of a stream (the stream as a whole is unlimited), and the part of an error body that is kept.
 * Installed as an application interceptor; streams enforce the event limit in their parser.
 */
public final class Limits implements Interceptor {
  /** The default largest success body and stream event: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_SIZE = 64L * 1024 * 1024;
  /** The most of an error body that is read and kept in the exception: 64 KiB. */
  public static final long MAX_ERROR_BODY = 64L * 1024;

  private final long maxResponseSize;

  /**
   * Creates the limits.
   *
   * @param maxResponseSize the largest success body and stream event, in bytes
   */
  public Limits(long maxResponseSize) {
    this.maxResponseSize = maxResponseSize;
  }

  /** Returns the largest success body or stream event accepted, in bytes. */
  public long maxResponseSize() {
    return maxResponseSize;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    boolean eventStream = type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype());
    if (eventStream && response.isSuccessful()) {
      return response; // limited per event by the stream's parser
    }
    BufferedSource limited =
        Okio.buffer(
            response.isSuccessful()
                ? new FailingAfter(body.source(), maxResponseSize, body.contentLength())
                : new EndingAfter(body.source(), MAX_ERROR_BODY));
    long length = response.isSuccessful() ? body.contentLength() : -1; // an error body may be cut short
    return response.newBuilder().body(ResponseBody.create(limited, type, length)).build();
  }

  /** A body that is larger than the limit: the answer is refused, not an I/O failure to retry. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** Fails once more than {@code limit} bytes were read. */
  private static final class FailingAfter extends ForwardingSource {
    private final long limit;
    private final long declared;
    private long read;

    FailingAfter(okio.Source delegate, long limit, long declared) {
      super(delegate);
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (declared > limit) {
        throw tooLarge("its Content-Length is " + declared);
      }
      long n = super.read(sink, byteCount);
      read += Math.max(n, 0); // n is -1 at the end
      if (read > limit) {
        throw tooLarge("more than that arrived");
      }
      return n;
    }

    private TooLargeException tooLarge(String why) {
      return new TooLargeException(
          "the answer is larger than the client's maxResponseSize of " + limit + " bytes (" + why + ")");
    }
  }

  /** Ends (as if the body ended) after {@code limit} bytes: an error body is kept only in part. */
  private static final class EndingAfter extends ForwardingSource {
    private long left;

    EndingAfter(okio.Source delegate, long limit) {
      super(delegate);
      this.left = limit;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (left <= 0) {
        return -1;
      }
      long n = super.read(sink, Math.min(byteCount, left));
      left -= Math.max(n, 0); // n is -1 at the end
      return n;
    }
  }
}
