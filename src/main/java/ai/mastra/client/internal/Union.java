package ai.mastra.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The discriminator mapping of a generated union interface (template {@code mastra_union.mustache}):
 * {@link ModelAdapterFactory} decodes a value of the union as {@code variants[i]} when its {@code property} is
 * {@code values[i]}, and as {@code unknown} otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Union {
  /** The discriminator property. */
  String property();

  /** The discriminator values, one per variant. */
  String[] values();

  /** The variant classes, in the order of {@link #values()}. */
  Class<?>[] variants();

  /** The class that keeps a variant of another discriminator value; it has a {@code (JsonObject)} constructor. */
  Class<?> unknown();
}
