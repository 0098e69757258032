package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How StructuredJson reads an answer: fences, the Optional adapters, and exact integers. */
class StructuredJsonEdgesTest {
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE_USE})
  @interface Nullable {}

  static final class Item {
    String sku;
  }

  static final class Optionals {
    OptionalInt i;
    OptionalLong l;
    OptionalDouble d;
    Optional<Integer> n;
    Optional<Item> o;
  }

  static final class Ticket {
    String id;
    int count;
  }

  static final class WithNullableInteger {
    @Nullable Integer limit;
    String name;
  }

  private static <T> T read(String text, Class<T> type) throws StructuredJson.Mismatch {
    return StructuredJson.read(text.replace('\'', '"'), type, JsonSchemas.generate(type));
  }

  /**
   * A fresh Gson over the same factories: StructuredJson.GSON caches its adapters, so a test through it would
   * meet the factory once per JVM.
   */
  @Test
  void theOptionalFactoryReadsEachOptionalKindWithItsElementType() {
    Gson gson = StructuredJson.GSON.newBuilder().create();

    Optionals read = gson.fromJson(
        "{\"i\":1,\"l\":2,\"d\":0.5,\"n\":3,\"o\":{\"sku\":\"a\"}}", Optionals.class);

    assertThat(read.i).isEqualTo(OptionalInt.of(1));
    assertThat(read.l).isEqualTo(OptionalLong.of(2));
    assertThat(read.d).isEqualTo(OptionalDouble.of(0.5));
    assertThat(read.n).isEqualTo(Optional.of(3));
    assertThat(read.n.get()).isInstanceOf(Integer.class);
    assertThat(read.o.get()).isInstanceOf(Item.class);
    assertThat(read.o.get().sku).isEqualTo("a");

    Optionals nulls = gson.fromJson("{\"i\":null,\"l\":null,\"d\":null,\"n\":null,\"o\":null}", Optionals.class);
    assertThat(nulls.i).isEqualTo(OptionalInt.empty());
    assertThat(nulls.l).isEqualTo(OptionalLong.empty());
    assertThat(nulls.d).isEqualTo(OptionalDouble.empty());
    assertThat(nulls.n).isEqualTo(Optional.empty());
    assertThat(nulls.o).isEqualTo(Optional.empty());
  }

  @Test
  void optionalLongAndDoubleAreReadThroughTheSchemaToo() throws Exception {
    Optionals read = read("{'l':9000000000,'d':1.5}", Optionals.class);

    assertThat(read.l).isEqualTo(OptionalLong.of(9_000_000_000L));
    assertThat(read.d).isEqualTo(OptionalDouble.of(1.5));
    assertThat(read.i).isEqualTo(OptionalInt.empty());
  }

  @Test
  void aFenceWithoutANewlineOrWithAnotherLanguageIsKeptAndIsNotJson() {
    assertThatThrownBy(() -> read("```{'id':'T-1','count':1}```", Ticket.class))
        .isInstanceOf(StructuredJson.Mismatch.class)
        .hasMessageStartingWith("the answer is not JSON");
    assertThatThrownBy(() -> read("```yaml\n{'id':'T-1','count':1}\n```", Ticket.class))
        .isInstanceOf(StructuredJson.Mismatch.class)
        .hasMessageStartingWith("the answer is not JSON");
  }

  @Test
  void theLimitsOfAnIntAreWithinItsRange() throws Exception {
    assertThat(read("{'id':'a','count':2147483647}", Ticket.class).count).isEqualTo(Integer.MAX_VALUE);
    assertThat(read("{'id':'a','count':-2147483648}", Ticket.class).count).isEqualTo(Integer.MIN_VALUE);
    assertThatThrownBy(() -> read("{'id':'a','count':2147483648}", Ticket.class))
        .isInstanceOf(StructuredJson.Mismatch.class)
        .hasMessageContaining("2147483648 at $.count is not within the range of int");
  }

  @Test
  void aNullableBoxedIntegerMayBeNullOrAbsent() throws Exception {
    assertThat(read("{'name':'a'}", WithNullableInteger.class).limit).isNull();
    WithNullableInteger explicit = read("{'limit':null,'name':'a'}", WithNullableInteger.class);
    assertThat(explicit.limit).isNull();
    assertThat(explicit.name).isEqualTo("a");
    assertThat(read("{'limit':7,'name':'a'}", WithNullableInteger.class).limit).isEqualTo(7);
  }
}
