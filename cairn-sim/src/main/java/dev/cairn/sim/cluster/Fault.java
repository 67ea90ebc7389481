package dev.cairn.sim.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FaultRule} answers instead of the simulated API server, in the shapes
 * kube-apiserver answers them.
 */
public sealed interface Fault {

  /**
   * 500 with a {@code Status} of reason {@code InternalError}, as kube-apiserver's {@code
   * NewInternalError} (message {@code "Internal error occurred: <message>"}, one cause).
   */
  record InternalError(String message) implements Fault {
    public InternalError {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * 429 with a {@code Retry-After} header in whole seconds. With {@code asStatus} false the body is
   * what kube-apiserver's max-in-flight and priority-and-fairness filters send: the plain text
   * {@code "Too many requests, please try again later."}; with {@code asStatus} true it is a {@code
   * Status} of reason {@code TooManyRequests} with {@code details.retryAfterSeconds}, as {@code
   * NewTooManyRequests} answers (a storage or eviction refusal).
   */
  record TooManyRequests(Duration retryAfter, boolean asStatus) implements Fault {
    public TooManyRequests {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative() || retryAfter.toMillis() % 1000 != 0) {
        throw new IllegalArgumentException(
            "Retry-After is a whole number of seconds, not negative: " + retryAfter);
      }
    }
  }

  /**
   * The request hangs for {@code after}, is not carried out, and is then answered 504 with a {@code
   * Status} of reason {@code Timeout}, as kube-apiserver's timeout filter answers a request that
   * did not complete in time. A client whose request timeout is shorter gives up first.
   */
  record Timeout(Duration after) implements Fault {
    public Timeout {
      Objects.requireNonNull(after, "after");
      if (after.isNegative()) {
        throw new IllegalArgumentException("a hang must not be negative: " + after);
      }
    }
  }

  static Fault internalError() {
    return new InternalError("the simulated API server failed on purpose");
  }

  static Fault tooManyRequests(Duration retryAfter) {
    return new TooManyRequests(retryAfter, false);
  }

  static Fault tooManyRequestsStatus(Duration retryAfter) {
    return new TooManyRequests(retryAfter, true);
  }

  static Fault hang(Duration after) {
    return new Timeout(after);
  }
}
