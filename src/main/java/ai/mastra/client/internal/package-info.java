/**
 * Plumbing behind the facade: the Gson configuration, the JavaScript-compatible JSON writer of request contexts,
 * the transport (Retrofit services, retries, error mapping). Not an API: its types may change in any release.
 */
package ai.mastra.client.internal;
