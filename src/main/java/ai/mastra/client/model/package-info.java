/**
 * The SDK's data types. The classes of this package are generated from openapi/mastra.yaml by OpenAPI Generator
 * and the templates in templates/ (into target/generated-sources at build time); do not edit them: change the
 * spec or a template. (This file is the package's only hand-written one: OpenAPI Generator writes a model
 * package-info only for libraries other than retrofit2.)
 *
 * <p>Every model keeps the JSON properties the spec does not list ({@code additionalProperties()}) and writes
 * them back; an enum is an open class that keeps values the spec does not list; a {@code oneOf} with a
 * discriminator ({@link ai.mastra.client.model.OutputItem}, {@link ai.mastra.client.model.ContentPart}, {@link
 * ai.mastra.client.model.ResponseStreamEvent}, {@link ai.mastra.client.model.TextFormat}) is a union interface that its
 * variant classes implement, with an {@code Unknown} variant for a type the spec does not list. A getter of a
 * required property never returns null in an answer from the server (checked as it is read).
 */
package ai.mastra.client.model;
