package com.commcredits.adminapi;

import java.util.List;

/**
 * A request the API refuses, as an RFC 9457 problem: the status, a stable type slug, a title and a
 * detail for a person, and for forms the fields at fault. Thrown while a request is read and
 * checked, before anything changes.
 */
final class ApiProblem extends RuntimeException {

  /** One field's reason, for a form to show next to the field. */
  record FieldError(String field, String reason) {}

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final String kind;

  ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
    this(status, type, title, detail, errors, null);
  }

  private ApiProblem(
      int status, String type, String title, String detail, List<FieldError> errors, String kind) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.kind = kind;
  }

  /** A declined payment: nothing was charged or credited; {@code kind} says what to do. */
  static ApiProblem declined(String kind, String detail) {
    return new ApiProblem(
        402, "payment-declined", "The card was declined", detail, List.of(), kind);
  }

  static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "bad-request", "The request is malformed", detail, List.of());
  }

  static ApiProblem badField(String field, String detail) {
    return new ApiProblem(
        400,
        "bad-request",
        "The request is malformed",
        detail,
        List.of(new FieldError(field, detail)));
  }

  static ApiProblem invalid(String field, String detail) {
    return new ApiProblem(
        422,
        "validation",
        "The request breaks a rule",
        detail,
        List.of(new FieldError(field, detail)));
  }

  static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "unauthorized", "Not signed in", detail, List.of());
  }

  static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "forbidden", "Not allowed", detail, List.of());
  }

  /** The same answer for an org that does not exist and one the caller may not see. */
  static ApiProblem noSuchOrg(String orgId) {
    return new ApiProblem(
        404, "not-found", "Not found", "there is no org '" + shown(orgId) + "'", List.of());
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", "Not found", detail, List.of());
  }

  static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "conflict", "Conflict", detail, List.of());
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  String title() {
    return title;
  }

  String detail() {
    return getMessage();
  }

  List<FieldError> errors() {
    return errors;
  }

  /** The decline kind of a 402, else {@code null}. */
  String kind() {
    return kind;
  }

  static String shown(String value) {
    if (value == null) {
      return "";
    }
    String safe = value.replaceAll("[^\\x20-\\x7E]", "?");
    return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
  }
}
