package com.commcredits.adminapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a form field by field and refuses it once, naming every field at fault: a console (or a
 * script) should learn of all its mistakes in one answer, not one per round trip. A field that
 * fails reads as {@code null}; nothing may use the values before {@link #refuseIfAnyFailed()}.
 */
final class FieldChecks {

  private final List<ApiProblem> failed = new ArrayList<>();

  /** The field's value, or {@code null} (and the reason kept) if it is missing or breaks a rule. */
  <T> T field(Supplier<T> read) {
    try {
      return read.get();
    } catch (ApiProblem problem) {
      if (problem.errors().isEmpty()) {
        throw problem; // not about a field (an empty body, say): nothing more to check
      }
      failed.add(problem);
      return null;
    }
  }

  /** A rule between fields, or on one field that needs no value back. */
  void rule(Runnable check) {
    field(
        () -> {
          check.run();
          return null;
        });
  }

  /**
   * Throws the refusal of every failed field together: 400 when any field is malformed (missing, of
   * the wrong type), else 422; the detail lists each reason.
   */
  void refuseIfAnyFailed() {
    if (failed.isEmpty()) {
      return;
    }
    if (failed.size() == 1) {
      throw failed.get(0);
    }
    boolean malformed = failed.stream().anyMatch(p -> p.status() == 400);
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (ApiProblem problem : failed) {
      errors.addAll(problem.errors());
      details.add(problem.detail());
    }
    throw new ApiProblem(
        malformed ? 400 : 422,
        malformed ? "bad-request" : "validation",
        malformed ? "The request is malformed" : "The request breaks a rule",
        String.join("; ", details),
        errors);
  }
}
