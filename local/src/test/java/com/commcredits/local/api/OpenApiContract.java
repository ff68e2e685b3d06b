package com.commcredits.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml as the Admin API's contract, held against what the API really answers: the
 * request's path and method must be a documented operation, the status one of its documented
 * responses, the content type the documented one, and a JSON body must validate against the
 * documented schema (JSON Schema 2020-12, as OpenAPI 3.1 uses). Every checked operation is
 * remembered, so a suite can tell which routes it never saw.
 */
public final class OpenApiContract {

  private final JsonNode document;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchemaFactory schemas =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private OpenApiContract(JsonNode document) {
    this.document = document;
  }

  public static OpenApiContract read(Path openApiYaml) {
    try {
      Object yaml = new Yaml().load(Files.readString(openApiYaml));
      return new OpenApiContract(new ObjectMapper().valueToTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docs/openapi.yaml of the repository the tests run in. */
  public static OpenApiContract ofProject() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/openapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return read(candidate);
      }
    }
    throw new IllegalStateException("no docs/openapi.yaml above " + Path.of("").toAbsolutePath());
  }

  /** "METHOD /template" of every documented operation. */
  public Set<String> operations() {
    Set<String> operations = new LinkedHashSet<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    return operations;
  }

  /** The operations checked so far. */
  public Set<String> seen() {
    return Set.copyOf(seen);
  }

  /**
   * What is wrong with this answer to this request, or nothing.
   *
   * @param path the request's path, without the query
   */
  public List<String> violations(
      String method, String path, int status, String contentType, String body) {
    List<String> problems = new ArrayList<>();
    Optional<String> template = template(path);
    if (template.isEmpty()) {
      return List.of(method + " " + path + ": no documented path matches");
    }
    JsonNode operation =
        document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return List.of(method + " " + template.get() + ": not a documented operation");
    }
    seen.add(method + " " + template.get());
    JsonNode response = resolve(operation.path("responses").path(String.valueOf(status)));
    if (response.isMissingNode()) {
      return List.of(method + " " + template.get() + ": status " + status + " is not documented");
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return body == null || body.isEmpty()
          ? List.of()
          : List.of(method + " " + template.get() + " " + status + ": documented without a body");
    }
    String type =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    JsonNode media = content.path(type);
    if (media.isMissingNode()) {
      problems.add(
          method
              + " "
              + template.get()
              + " "
              + status
              + ": content type '"
              + type
              + "' is not documented");
      return problems;
    }
    if (!type.endsWith("json")) {
      return problems;
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      return List.of(method + " " + template.get() + " " + status + ": body is not JSON: " + body);
    }
    JsonSchema schema =
        compiled.computeIfAbsent(
            method + " " + template.get() + " " + status + " " + type,
            k -> schema(media.path("schema")));
    for (ValidationMessage message : schema.validate(json)) {
      problems.add(method + " " + template.get() + " " + status + ": " + message.getMessage());
    }
    return problems;
  }

  /**
   * A schema that can follow the document's own references: the wanted schema as {@code $ref}
   * beside the document's components, so {@code #/components/schemas/X} resolves.
   */
  private JsonSchema schema(JsonNode wanted) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", document.path("components"));
    root.set("allOf", mapper.createArrayNode().add(wanted));
    return schemas.getSchema(root);
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.path("$ref");
    if (ref.isTextual() && ref.asText().startsWith("#/")) {
      return document.at(ref.asText().substring(1));
    }
    return node;
  }

  private Optional<String> template(String path) {
    List<String> got = List.of(path.replaceFirst("^/", "").split("/", -1));
    String best = null;
    int bestLiterals = -1;
    Iterator<String> templates = document.path("paths").fieldNames();
    while (templates.hasNext()) {
      String candidate = templates.next();
      List<String> want = List.of(candidate.replaceFirst("^/", "").split("/", -1));
      if (want.size() != got.size()) {
        continue;
      }
      int literals = 0;
      boolean matches = true;
      for (int i = 0; i < want.size() && matches; i++) {
        if (want.get(i).startsWith("{")) {
          matches = !got.get(i).isEmpty();
        } else {
          matches = want.get(i).equals(got.get(i));
          literals++;
        }
      }
      if (matches && literals > bestLiterals) {
        best = candidate;
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }
}
