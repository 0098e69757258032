package ai.mastra.client;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fails loudly, at the first client built, when the classpath has OkHttp 4 or two OkHttp jars. OkHttp 5's
 * Maven artifact is {@code okhttp-jvm}, so Maven cannot tell it apart from an OkHttp 4 {@code okhttp} that
 * another dependency (or Spring Boot's dependency management) brings: both jars end up on the classpath with
 * the same classes, and which one wins is chance. Failing at once, with what to do, beats a {@code
 * NoSuchMethodError} in the middle of a call.
 */
final class OkHttpCheck {
  private static volatile String problem; // null until checked; "" when fine

  private OkHttpCheck() {}

  static void requireOkHttp5Alone() {
    String found = problem;
    if (found == null) {
      found = find(MastraClient.class.getClassLoader());
      problem = found;
    }
    if (!found.isEmpty()) {
      throw new IllegalStateException(found);
    }
  }

  /** What is wrong with the OkHttp on {@code loader}'s classpath, or "" when it is one OkHttp 5. */
  static String find(ClassLoader loader) {
    List<URL> copies;
    try {
      copies = Collections.list(loader.getResources("okhttp3/OkHttpClient.class"));
    } catch (IOException e) {
      return ""; // cannot tell: let the calls show
    }
    String version = runtimeVersion(loader);
    if (copies.size() <= 1 && version.startsWith("5.")) {
      return "";
    }
    List<String> jars = new ArrayList<>();
    for (URL copy : copies) {
      String where = copy.toString();
      int bang = where.indexOf("!/");
      jars.add(bang > 0 ? where.substring(0, bang) : where);
    }
    return "mastra-client-java needs OkHttp 5 (com.squareup.okhttp3:okhttp-jvm 5.x) and only it, but the "
        + "classpath has " + (copies.size() > 1 ? copies.size() + " copies of OkHttp " + jars : "OkHttp " + version)
        + ". Another dependency (or Spring Boot's dependency management) brings com.squareup.okhttp3:okhttp 4; "
        + "make that artifact resolve to 5.x (with Spring Boot: <okhttp.version>5.5.1</okhttp.version>; "
        + "otherwise pin com.squareup.okhttp3:okhttp to 5.5.1 in <dependencyManagement>), or exclude it. "
        + "See the README's Install section.";
  }

  /** The version of the OkHttp that loaded, read at run time (the compiled-in constant would be ours). */
  private static String runtimeVersion(ClassLoader loader) {
    try {
      return String.valueOf(Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "unknown";
    }
  }
}
