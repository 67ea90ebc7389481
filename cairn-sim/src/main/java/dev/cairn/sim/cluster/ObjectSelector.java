package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stored objects a list, watch or collection delete selects: the API version and namespace of
 * its path, the name of a single-object watch, and the {@code labelSelector} and {@code
 * fieldSelector} parameters. Label requirements: {@code k=v}, {@code k==v}, {@code k!=v}, {@code
 * k}, {@code !k} and the set-based {@code k in (a,b)} and {@code k notin (a,b)} (which, as in
 * kube-apiserver's labels.Parse, also selects objects without the label); field requirements:
 * {@code metadata.name} and {@code metadata.namespace} with {@code =}, {@code ==} or {@code !=}.
 * Other field requirements are ignored, as fabric8's mock server, which the simulation was first
 * built on, ignored them.
 *
 * <p>The version requirement keeps the mock's behaviour too: an object is selected only through the
 * API version it was written in (the simulation does no conversion).
 */
record ObjectSelector(String version, String namespace, List<Requirement> requirements) {

  private static final String KEY = "[a-zA-Z0-9-_./]+";
  private static final String VALUE = "[a-zA-Z0-9-_.]*";
  private static final Pattern EQUALS = Pattern.compile("(" + KEY + ")(==|=)(" + VALUE + ")");
  private static final Pattern NOT_EQUALS = Pattern.compile("(" + KEY + ")!=(" + VALUE + ")");
  private static final Pattern EXISTS = Pattern.compile(KEY);
  private static final Pattern NOT_EXISTS = Pattern.compile("!(" + KEY + ")");
  private static final Pattern IN = Pattern.compile("(" + KEY + ")\\s+(in|notin)\\s*\\(([^)]*)\\)");

  /**
   * One requirement on a label ({@code field == false}) or on a metadata field; {@code name} (the
   * label key, or the field under {@code metadata}) and {@code values} (of {@code in} / {@code
   * notin}) are worked out once, since every change is matched against every watch of its type.
   */
  record Requirement(
      boolean field,
      String key,
      Operator operator,
      String value,
      String name,
      List<String> values) {
    Requirement(boolean field, String key, Operator operator, String value) {
      this(
          field,
          key,
          operator,
          value,
          field && key.startsWith("metadata.") ? key.substring("metadata.".length()) : key,
          value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList());
    }

    boolean matches(JsonNode object) {
      JsonNode at =
          field
              ? object.path("metadata").path(name)
              : object.path("metadata").path("labels").path(name);
      String actual = at.isTextual() ? at.asText() : null;
      return switch (operator) {
        case EQUALS -> value.equals(actual);
        case NOT_EQUALS -> !value.equals(actual);
        case EXISTS -> actual != null;
        case NOT_EXISTS -> actual == null;
        case IN -> actual != null && values.contains(actual);
        case NOT_IN -> actual == null || !values.contains(actual);
      };
    }
  }

  enum Operator {
    EQUALS,
    NOT_EQUALS,
    EXISTS,
    NOT_EXISTS,
    IN,
    NOT_IN
  }

  /** The selector of a list, watch or collection delete of {@code type}. */
  static ObjectSelector of(ApiRequest request, ResourceType type) {
    List<Requirement> requirements = new ArrayList<>();
    for (String term : terms(request.query().get("labelSelector"))) {
      Requirement label = label(term);
      if (label != null) {
        requirements.add(label);
      }
    }
    for (String term : terms(request.query().get("fieldSelector"))) {
      Requirement field = field(term);
      if (field != null) {
        requirements.add(field);
      }
    }
    if (request.name() != null) {
      requirements.add(new Requirement(true, "metadata.name", Operator.EQUALS, request.name()));
    }
    String namespace = type.namespaced() ? request.namespace() : null;
    return new ObjectSelector(request.version(), namespace, List.copyOf(requirements));
  }

  boolean matches(JsonNode object) {
    if (namespace != null
        && !namespace.equals(object.path("metadata").path("namespace").asText())) {
      return false;
    }
    if (version != null && !hasVersion(object.path("apiVersion").asText(), version)) {
      return false;
    }
    for (Requirement requirement : requirements) {
      if (!requirement.matches(object)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code apiVersion} ({@code v1}, {@code apps/v1}) is of {@code version}. */
  private static boolean hasVersion(String apiVersion, String version) {
    int start = apiVersion.indexOf('/') + 1;
    return apiVersion.length() - start == version.length()
        && apiVersion.regionMatches(start, version, 0, version.length());
  }

  private static List<String> terms(String selector) {
    List<String> terms = new ArrayList<>();
    if (selector == null) {
      return terms;
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= selector.length(); i++) {
      char c = i < selector.length() ? selector.charAt(i) : ',';
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth <= 0) {
        String term = selector.substring(start, i);
        if (!term.isBlank()) {
          terms.add(term.strip());
        }
        start = i + 1;
      }
    }
    return terms;
  }

  private static Requirement label(String term) {
    Matcher m;
    if ((m = IN.matcher(term)).matches()) {
      Operator operator = m.group(2).equals("in") ? Operator.IN : Operator.NOT_IN;
      return new Requirement(false, m.group(1), operator, m.group(3));
    }
    if ((m = NOT_EQUALS.matcher(term)).matches()) {
      return new Requirement(false, m.group(1), Operator.NOT_EQUALS, m.group(2));
    }
    if ((m = EQUALS.matcher(term)).matches()) {
      return new Requirement(false, m.group(1), Operator.EQUALS, m.group(3));
    }
    if ((m = NOT_EXISTS.matcher(term)).matches()) {
      return new Requirement(false, m.group(1), Operator.NOT_EXISTS, null);
    }
    if (EXISTS.matcher(term).matches()) {
      return new Requirement(false, term, Operator.EXISTS, null);
    }
    return null;
  }

  private static Requirement field(String term) {
    Matcher m;
    Requirement requirement = null;
    if ((m = NOT_EQUALS.matcher(term)).matches()) {
      requirement = new Requirement(true, m.group(1), Operator.NOT_EQUALS, m.group(2));
    } else if ((m = EQUALS.matcher(term)).matches()) {
      requirement = new Requirement(true, m.group(1), Operator.EQUALS, m.group(3));
    }
    if (requirement == null
        || !(requirement.key().equals("metadata.name")
            || requirement.key().equals("metadata.namespace"))) {
      return null;
    }
    return requirement;
  }
}
