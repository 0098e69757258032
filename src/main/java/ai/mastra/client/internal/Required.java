package ai.mastra.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property the spec lists as {@code required}. Put on generated models by the template {@code
 * nullable_var_annotations.mustache}; {@link RequiredFields} checks decoded answers against it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Required {}
