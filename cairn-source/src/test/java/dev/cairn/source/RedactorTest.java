package dev.cairn.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void masksSecretsInTextAndInWholeCauseChains() {
    Redactor redactor = Redactor.of("hunter22", null, "ab", "tok-123");
    Throwable original =
        new IOException("auth hunter22 failed", new IllegalStateException("token tok-123"));

    Throwable redacted = redactor.redact(original);

    assertThat(redactor.redact("x hunter22 y tok-123 ab")).isEqualTo("x *** y *** ab");
    assertThat(redacted.getMessage()).isEqualTo("auth *** failed");
    assertThat(redacted.getCause().getMessage()).isEqualTo("token ***");
    assertThat(redacted.toString()).startsWith("java.io.IOException: ");
    assertThat(((RedactedCause) redacted).originalType()).isEqualTo("java.io.IOException");
    assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
  }
}
