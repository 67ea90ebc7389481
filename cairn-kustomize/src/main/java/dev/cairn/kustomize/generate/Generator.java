package dev.cairn.kustomize.generate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.generate.KeyValues.Pair;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Makes the ConfigMap or Secret object of one generator entry. */
public final class Generator {
  /** Reads a file named by a generator source, relative to its kustomization. */
  @FunctionalInterface
  public interface Files {
    byte[] read(String path);
  }

  private Generator() {}

  public static ObjectNode generate(GeneratorArgs args, Files files, String kustFile) {
    boolean secret = args.kind().equals("Secret");
    ObjectNode obj = JsonNodeFactory.instance.objectNode();
    obj.put("apiVersion", "v1");
    obj.put("kind", args.kind());
    ObjectNode meta = obj.putObject("metadata");
    meta.put("name", args.name());
    if (!args.namespace().isEmpty()) {
      meta.put("namespace", args.namespace());
    }
    if (!args.labels().isEmpty()) {
      ObjectNode labels = meta.putObject("labels");
      args.labels().forEach(labels::put);
    }
    if (!args.annotations().isEmpty()) {
      ObjectNode annotations = meta.putObject("annotations");
      args.annotations().forEach(annotations::put);
    }
    if (secret) {
      obj.put("type", args.type().isEmpty() ? "Opaque" : args.type());
    }
    List<Pair> text = new ArrayList<>();
    List<Pair> binary = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    try {
      for (String env : args.envs()) {
        for (Pair p : KeyValues.envFile(utf8(files.read(env), env))) {
          add(text, keys, p, args);
        }
      }
      for (String literal : args.literals()) {
        add(text, keys, KeyValues.literal(literal), args);
      }
    } catch (IllegalArgumentException e) {
      throw new KustomizeException(
          kustFile, 0, args.kind() + " " + args.name() + ": " + e.getMessage());
    }
    for (String source : args.files()) {
      int eq = source.indexOf('=');
      String key;
      String path;
      if (eq >= 0) {
        key = source.substring(0, eq);
        path = source.substring(eq + 1);
      } else {
        path = source;
        int slash = path.lastIndexOf('/');
        key = slash >= 0 ? path.substring(slash + 1) : path;
      }
      byte[] content = files.read(path);
      String decoded = tryUtf8(content);
      if (secret) {
        add(binary, keys, new Pair(key, KustomizeBase64.encode(content)), args);
      } else if (decoded != null) {
        add(text, keys, new Pair(key, decoded), args);
      } else {
        add(binary, keys, new Pair(key, KustomizeBase64.encode(content)), args);
      }
    }
    if (secret) {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      for (Pair p : text) {
        data.put(p.key(), KustomizeBase64.encode(p.value().getBytes(StandardCharsets.UTF_8)));
      }
      for (Pair p : binary) {
        data.put(p.key(), p.value());
      }
      if (!data.isEmpty()) {
        obj.set("data", data);
      }
    } else {
      if (!text.isEmpty()) {
        ObjectNode data = obj.putObject("data");
        text.forEach(p -> data.put(p.key(), p.value()));
      }
      if (!binary.isEmpty()) {
        ObjectNode data = obj.putObject("binaryData");
        binary.forEach(p -> data.put(p.key(), p.value()));
      }
    }
    if (args.immutable()) {
      obj.put("immutable", true);
    }
    return obj;
  }

  private static void add(List<Pair> into, Set<String> keys, Pair p, GeneratorArgs args) {
    if (!keys.add(p.key())) {
      throw new IllegalArgumentException(
          "configmap " + args.name() + " illegally repeats the key `" + p.key() + "`");
    }
    into.add(p);
  }

  private static String utf8(byte[] bytes, String name) {
    String s = tryUtf8(bytes);
    if (s == null) {
      throw new IllegalArgumentException("env file " + name + " is not valid UTF-8");
    }
    return s;
  }

  private static String tryUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
