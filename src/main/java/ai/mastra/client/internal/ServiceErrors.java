package ai.mastra.client.internal;

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
import ai.mastra.client.model.ErrorBody;
import java.util.List;
import java.util.Map;

/**
 * The exception class of each error status. A class of its own so that the exception classes load with the
 * first error, not with the client: the verifier loads every class a method returns as a supertype.
 */
final class ServiceErrors {
  private ServiceErrors() {}

  static MastraServiceException of(
      String method, String url, int status, Map<String, List<String>> headers, String body, ErrorBody errorBody) {
    switch (status) {
      case 400:
        return new BadRequestException(method, url, status, headers, body, errorBody);
      case 401:
        return new UnauthorizedException(method, url, status, headers, body, errorBody);
      case 403:
        return new PermissionDeniedException(method, url, status, headers, body, errorBody);
      case 404:
        return new NotFoundException(method, url, status, headers, body, errorBody);
      case 409:
        return new ConflictException(method, url, status, headers, body, errorBody);
      case 422:
        return new UnprocessableEntityException(method, url, status, headers, body, errorBody);
      case 429:
        return new RateLimitException(method, url, status, headers, body, errorBody);
      default:
        return status >= 500 && status <= 599
            ? new ServerException(method, url, status, headers, body, errorBody)
            : new ApiException(method, url, status, headers, body, errorBody);
    }
  }
}
