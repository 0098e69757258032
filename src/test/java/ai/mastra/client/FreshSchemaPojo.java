package ai.mastra.client;

/**
 * A plain answer class that StructuredOutputEdgesTest loads through a new class loader each run, so that the
 * per-class schema cache meets it for the first time. It refers only to java.lang types for that reason.
 */
final class FreshSchemaPojo {
  String name;
  int count;
}
