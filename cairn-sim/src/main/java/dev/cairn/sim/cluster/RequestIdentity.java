package dev.cairn.sim.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a request acts as. Requests without {@code Impersonate-User} act as the cluster's admin (the
 * identity of the kubeconfig the simulated cluster writes, which may do anything); impersonated
 * requests act as that user with the {@code Impersonate-Group} groups plus those kube-apiserver's
 * impersonation adds: {@code system:authenticated}, and for a service account ({@code
 * system:serviceaccount:<ns>:<name>}) {@code system:serviceaccounts} and {@code
 * system:serviceaccounts:<ns>}.
 */
record RequestIdentity(String user, List<String> groups) {
  static final RequestIdentity ADMIN = new RequestIdentity(null, List.of());
  private static final String SERVICE_ACCOUNT = "system:serviceaccount:";

  static RequestIdentity of(String impersonatedUser, List<String> impersonatedGroups) {
    if (impersonatedUser == null || impersonatedUser.isEmpty()) {
      return ADMIN;
    }
    List<String> groups = new ArrayList<>(impersonatedGroups);
    if (impersonatedGroups.isEmpty() && impersonatedUser.startsWith(SERVICE_ACCOUNT)) {
      String[] parts = impersonatedUser.split(":");
      if (parts.length == 4) {
        groups.add("system:serviceaccounts");
        groups.add("system:serviceaccounts:" + parts[2]);
      }
    }
    if (!groups.contains("system:authenticated")) {
      groups.add("system:authenticated");
    }
    return new RequestIdentity(impersonatedUser, List.copyOf(groups));
  }

  boolean isAdmin() {
    return user == null;
  }

  /** Whether a binding's subject names this identity. */
  boolean matches(com.fasterxml.jackson.databind.JsonNode subject, String bindingNamespace) {
    String kind = subject.path("kind").asText();
    String name = subject.path("name").asText();
    switch (kind) {
      case "User":
        return name.equals(user);
      case "Group":
        return groups.contains(name);
      case "ServiceAccount":
        String ns =
            subject.path("namespace").asText(bindingNamespace == null ? "" : bindingNamespace);
        return (SERVICE_ACCOUNT + ns + ":" + name).equals(user);
      default:
        return false;
    }
  }
}
