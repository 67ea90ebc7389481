package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * {@code SelfSubjectAccessReview} ({@code authorization.k8s.io/v1}): answers whether the requester
 * may do what {@code spec.resourceAttributes} names, as {@link RbacAuthorizer} decides for its
 * requests. Reviews are create-only and never stored. Every identity may create one, as
 * kube-apiserver's {@code system:basic-user} ClusterRole allows every authenticated user. Rules for
 * non-resource URLs are not modelled: a review of one is answered for the admin identity only, and
 * otherwise carries an {@code evaluationError} rather than a guess.
 */
final class AccessReview {
  private final RbacAuthorizer rbac;
  private final ReadWriteLock lock;

  AccessReview(RbacAuthorizer rbac, ReadWriteLock lock) {
    this.rbac = rbac;
    this.lock = lock;
  }

  static boolean handles(ResourceType type) {
    return type.group().equals("authorization.k8s.io")
        && type.plural().equals("selfsubjectaccessreviews");
  }

  /** The review with its {@code status}; 405 for anything but a create, 422 for a bad spec. */
  JsonNode review(RequestIdentity who, ApiRequest request) {
    if (!request.method().equals("POST") || request.name() != null) {
      throw new ApiException(
          405,
          "MethodNotAllowed",
          request.method() + " is not allowed on selfsubjectaccessreviews");
    }
    JsonNode body = Json.parse(request.body() == null ? "{}" : request.body());
    JsonNode spec = body.path("spec");
    JsonNode resource = spec.path("resourceAttributes");
    boolean nonResource = spec.has("nonResourceAttributes");
    if (resource.isMissingNode() == !nonResource) {
      throw new ApiException(
          422,
          "Invalid",
          "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes:"
              + " Invalid value: exactly one of nonResourceAttributes or resourceAttributes must"
              + " be specified");
    }
    ObjectNode answer =
        body.isObject() ? ((ObjectNode) body).deepCopy() : Json.MAPPER.createObjectNode();
    answer.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
    if (!answer.has("metadata")) {
      answer.putObject("metadata");
    }
    ObjectNode status = answer.putObject("status");
    if (nonResource && !who.isAdmin()) {
      status.put("allowed", false);
      status.put(
          "evaluationError", "the simulated API server does not model non-resource URL rules");
      return answer;
    }
    boolean allowed = who.isAdmin() || allows(who, resource);
    status.put("allowed", allowed);
    if (allowed) {
      status.put("reason", "allowed by the simulated RBAC authorizer");
    }
    return answer;
  }

  private boolean allows(RequestIdentity who, JsonNode attributes) {
    String plural = attributes.path("resource").asText("");
    String subresource = attributes.path("subresource").asText("");
    String name = attributes.path("name").asText("");
    String namespace = attributes.path("namespace").asText("");
    Lock read = lock.readLock();
    read.lock();
    try {
      return rbac.allows(
          who,
          attributes.path("verb").asText(""),
          attributes.path("group").asText(""),
          subresource.isEmpty() ? plural : plural + "/" + subresource,
          namespace.isEmpty() ? null : namespace,
          name.isEmpty() ? null : name);
    } finally {
      read.unlock();
    }
  }
}
