package dev.cairn.secrets.sops;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * age X25519 identities ({@code AGE-SECRET-KEY-1…} lines, as in an age key file or a Secret's
 * {@code *.agekey} entry) and the armored age files SOPS keeps data keys in. Reading and decrypting
 * go through jagged.
 */
final class AgeIdentities {

  private final List<RecipientStanzaReader> readers;

  private AgeIdentities(List<RecipientStanzaReader> readers) {
    this.readers = List.copyOf(readers);
  }

  static AgeIdentities none() {
    return new AgeIdentities(List.of());
  }

  int size() {
    return readers.size();
  }

  /** These identities and those of an age key file's text; comments and blank lines skipped. */
  AgeIdentities with(String source, String keyFile) {
    List<RecipientStanzaReader> all = new ArrayList<>(readers);
    int line = 0;
    for (String raw : keyFile.split("\n", -1)) {
      line++;
      String text = raw.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!text.toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-1")) {
        throw new IllegalArgumentException(
            source + ":" + line + ": not an age X25519 identity (AGE-SECRET-KEY-1...)");
      }
      try {
        all.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(text));
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new IllegalArgumentException(source + ":" + line + ": malformed age identity");
      }
    }
    return new AgeIdentities(all);
  }

  /** The payload of an armored age file, or null when none of these identities opens it. */
  byte[] decrypt(String armored) throws IOException {
    if (readers.isEmpty()) {
      return null;
    }
    InputStream in =
        new ByteArrayInputStream(armored.strip().concat("\n").getBytes(StandardCharsets.US_ASCII));
    try (ReadableByteChannel channel =
        new ArmoredDecryptingChannelFactory()
            .newDecryptingChannel(Channels.newChannel(in), readers)) {
      return Channels.newInputStream(channel).readAllBytes();
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "AgeIdentities[" + readers.size() + "]";
  }
}
