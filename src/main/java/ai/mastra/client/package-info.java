/**
 * The Java SDK for Mastra's Responses and Conversations APIs. Start at {@link ai.mastra.client.MastraClient}.
 *
 * <p>The data types (requests, responses, items, errors) are the models generated from the OpenAPI contract, in
 * {@code ai.mastra.client.model}. This package adds the client, the per-call {@link
 * ai.mastra.client.RequestOptions} and {@link ai.mastra.client.RequestContext}, pagination, the exceptions, {@link
 * ai.mastra.client.AgentSession} (one conversation with an agent) and {@link ai.mastra.client.StructuredOutput}
 * (answers read into a Java class).
 *
 * <p>Nullness: parameters must not be null unless their javadoc says so (a null is refused with an {@link
 * IllegalArgumentException} naming the parameter, before any I/O); optional results are {@link
 * java.util.Optional}s. Model getters return null for fields the server did not send.
 */
package ai.mastra.client;
