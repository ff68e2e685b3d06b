package com.commcredits.adminapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, headers and body text. */
record ApiResponse(int status, Map<String, String> headers, String body) {

  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";
  static final String CSV = "text/csv; charset=utf-8";

  ApiResponse {
    headers = Map.copyOf(headers);
  }

  static ApiResponse of(int status, String contentType, String body) {
    return new ApiResponse(status, Map.of("content-type", contentType), body);
  }

  String contentType() {
    return headers.getOrDefault("content-type", JSON);
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiResponse(status, all, body);
  }
}
