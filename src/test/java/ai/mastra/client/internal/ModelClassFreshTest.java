package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelAdapterFactory} makes a model through its no-argument constructor even when that is private. The
 * class is defined afresh for the test: what the factory learns of a class is kept for the life of the JVM, so
 * only a class it has not met shows how it inspects one.
 */
class ModelClassFreshTest {

  /** Defines {@link PrivateConstructorModel} anew; every other class comes from the test's own loader. */
  private static final class Fresh extends ClassLoader {
    Fresh() {
      super(ModelClassFreshTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(PrivateConstructorModel.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            byte[] bytes = in.readAllBytes();
            loaded = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return loaded;
      }
    }
  }

  @Test
  void aModelWithOnlyAPrivateConstructorIsMade() throws Exception {
    Class<?> type = new Fresh().loadClass(PrivateConstructorModel.class.getName());
    assertThat(type).isNotSameAs(PrivateConstructorModel.class);

    Object model = new Gson().fromJson("{\"a\":\"x\"}", type);

    assertThat(model).isInstanceOf(type);
    Field a = type.getDeclaredField("a");
    a.setAccessible(true);
    assertThat(a.get(model)).isEqualTo("x");
  }
}
