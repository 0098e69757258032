package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.ApiException;
import ai.mastra.client.BadRequestException;
import ai.mastra.client.ConflictException;
import ai.mastra.client.MastraServiceException;
import ai.mastra.client.NotFoundException;
import ai.mastra.client.PermissionDeniedException;
import ai.mastra.client.RateLimitException;
import ai.mastra.client.ServerException;
import ai.mastra.client.UnauthorizedException;
import ai.mastra.client.UnprocessableEntityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Transport#toException}: the exception class of every error status, at the edges of the 5xx range. */
class ServiceErrorsTest {

  @Test
  void eachStatusGetsItsExceptionClassAndTheParsedBody() {
    Map<Integer, Class<?>> expected = new LinkedHashMap<>();
    expected.put(399, ApiException.class);
    expected.put(400, BadRequestException.class);
    expected.put(401, UnauthorizedException.class);
    expected.put(402, ApiException.class);
    expected.put(403, PermissionDeniedException.class);
    expected.put(404, NotFoundException.class);
    expected.put(409, ConflictException.class);
    expected.put(422, UnprocessableEntityException.class);
    expected.put(429, RateLimitException.class);
    expected.put(499, ApiException.class);
    expected.put(500, ServerException.class);
    expected.put(503, ServerException.class);
    expected.put(599, ServerException.class);
    expected.put(600, ApiException.class);
    expected.forEach((status, type) -> {
      MastraServiceException e = Transport.toException(
          "GET", "http://x/api/v1/responses/r1", status, Map.of("X-A", List.of("b")), "{\"error\":\"nope\"}");
      assertThat(e).as("status " + status).isExactlyInstanceOf(type);
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.error()).hasValue("nope");
    });
  }
}
