package ai.mastra.client;

/** As {@link FreshSchemaPojo}, but with a field no schema describes. */
final class FreshSchemaRefused {
  Object anything;
}
