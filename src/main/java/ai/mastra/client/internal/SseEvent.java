package ai.mastra.client.internal;

/** One dispatched server-sent event: its type, its data and the last event id, as the WHATWG algorithm makes them. */
public final class SseEvent {
  private final String type;
  private final String data;
  private final String lastEventId;

  SseEvent(String type, String data, String lastEventId) {
    this.type = type;
    this.data = data;
    this.lastEventId = lastEventId;
  }

  /** Returns the {@code event:} field, or {@code message} when the event had none. */
  public String type() {
    return type;
  }

  /** Returns the {@code data:} lines joined with {@code \n}. */
  public String data() {
    return data;
  }

  /** Returns the last {@code id:} seen in the stream so far, or an empty string. */
  public String lastEventId() {
    return lastEventId;
  }

  @Override
  public String toString() {
    return "SseEvent{type=" + type + ", id=" + lastEventId + ", data=" + data + "}";
  }
}
