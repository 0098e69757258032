package ai.mastra.client.internal;

import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;

/** The text helpers of the generated models ({@code x-text-helper} in the spec). */
public final class Texts {
  private Texts() {}

  /**
   * The text of a message: its text parts ({@code output_text}, {@code input_text}) joined in order.
   *
   * @param message the message
   * @return the text; empty when there is none
   */
  public static String text(MessageItem message) {
    StringBuilder text = new StringBuilder();
    if (message.getContent() != null) {
      for (ContentPart part : message.getContent()) {
        String piece = null;
        if (part != null && part.isOutputText()) {
          piece = part.asOutputText().getText();
        } else if (part != null && part.isInputText()) {
          piece = part.asInputText().getText();
        }
        if (piece != null) {
          text.append(piece);
        }
      }
    }
    return text.toString();
  }

  /**
   * The text of a response (client-js's {@code output_text}): the {@code output_text} parts of its assistant
   * messages, joined in order.
   *
   * @param response the response
   * @return the text; empty when there is none
   */
  public static String outputText(Response response) {
    StringBuilder text = new StringBuilder();
    if (response.getOutput() != null) {
      for (OutputItem item : response.getOutput()) {
        if (item == null
            || !item.isMessage()
            || !MessageRole.ASSISTANT.equals(item.asMessage().getRole())
            || item.asMessage().getContent() == null) {
          continue;
        }
        for (ContentPart part : item.asMessage().getContent()) {
          if (part != null && part.isOutputText() && part.asOutputText().getText() != null) {
            text.append(part.asOutputText().getText());
          }
        }
      }
    }
    return text.toString();
  }
}
