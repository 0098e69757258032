package ai.mastra.client.internal;

import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;

/** A model class of {@link ModelClassFreshTest}'s own, whose only constructor is private. */
@JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
final class PrivateConstructorModel {
  @SerializedName("a")
  String a;

  private PrivateConstructorModel() {}
}
