package ai.mastra.client;

import ai.mastra.client.model.Response;

/**
 * Receives the events of a streamed response in the callback form, {@link
 * Responses#stream(ai.mastra.client.model.ResponseCreateRequest, RequestOptions, ResponseStreamListener)}.
 * Every method does nothing by default: override the ones you need.
 *
 * <pre>{@code
 * client.responses().stream(request, RequestOptions.none(), new ResponseStreamListener() {
 *   public void onEvent(StreamEvent event) {
 *     if (event.type().equals("response.output_text.delta")) {
 *       System.out.print(event.data().getDelta());
 *     }
 *   }
 *   public void onComplete(Response response) {
 *     System.out.println(response.getStatus() == ResponseStatus.COMPLETED ? "" : " [cut off]");
 *   }
 *   public void onError(MastraException error) {
 *     error.printStackTrace();
 *   }
 * });
 * }</pre>
 *
 * <p>The methods are called one at a time, in order, from one OkHttp dispatcher thread, which is busy for as
 * long as the stream lasts. The last call is exactly one of {@link #onComplete} or {@link #onError}; no
 * further calls to this listener will be made. Only if a method of the listener throws does this end
 * otherwise: the stream is closed, the listener hears no more, and the returned future fails with that
 * exception.
 */
public interface ResponseStreamListener {

  /**
   * Receives the next event, as soon as its bytes have arrived. Unknown event types arrive too (see {@link
   * StreamEvent#isKnown()}).
   *
   * @param event the event
   */
  default void onEvent(StreamEvent event) {}

  /**
   * Receives the final response after the last event (see {@link ResponseStream#finalResponse()}). Check its
   * status: Mastra reports a model failure mid-stream as a response with status {@code incomplete}.
   *
   * @param response the final response
   */
  default void onComplete(Response response) {}

  /**
   * Receives the failure that ended the stream: a {@link MastraServiceException} for an error status before
   * the stream started, {@link MastraIOException} for a failed, cancelled or cut-off connection, {@link
   * MastraInvalidResponseException} for an answer that is not an event stream of JSON events.
   *
   * @param error the failure
   */
  default void onError(MastraException error) {}
}
