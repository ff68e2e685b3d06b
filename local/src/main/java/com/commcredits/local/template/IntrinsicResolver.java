package com.commcredits.local.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates CloudFormation intrinsic functions (long form, as {@link SamTemplate} keeps them)
 * against a local stack: parameters from overrides or their defaults, pseudo parameters, and the
 * physical names and attributes of the resources that were provisioned.
 */
public final class IntrinsicResolver {

  /** Physical values of provisioned resources; empty when the resource is unknown locally. */
  public interface Resources {
    Optional<String> ref(String logicalId);

    Optional<String> attribute(String logicalId, String attribute);
  }

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final SamTemplate template;
  private final Map<String, String> parameterOverrides;
  private final Map<String, String> pseudoParameters;
  private final Resources resources;

  public IntrinsicResolver(
      SamTemplate template,
      Map<String, String> parameterOverrides,
      Map<String, String> pseudoParameters,
      Resources resources) {
    this.template = template;
    this.parameterOverrides = Map.copyOf(parameterOverrides);
    this.pseudoParameters = Map.copyOf(pseudoParameters);
    this.resources = resources;
  }

  public String text(Object expression) {
    Object value = resolve(expression);
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException(expression + " does not resolve to a plain value: " + value);
  }

  public Object resolve(Object expression) {
    if (expression instanceof List<?> list) {
      return list.stream().map(this::resolve).toList();
    }
    if (!(expression instanceof Map<?, ?> map)) {
      return expression;
    }
    if (map.size() == 1) {
      Map.Entry<?, ?> only = map.entrySet().iterator().next();
      Object argument = only.getValue();
      switch (String.valueOf(only.getKey())) {
        case "Ref":
          return ref(String.valueOf(argument));
        case "Fn::GetAtt":
          List<?> target = (List<?>) argument;
          return getAtt(String.valueOf(target.get(0)), String.valueOf(target.get(1)));
        case "Fn::Sub":
          return sub(argument);
        case "Fn::Join":
          List<?> join = (List<?>) argument;
          return ((List<?>) resolve(join.get(1)))
              .stream().map(String::valueOf).collect(Collectors.joining(text(join.get(0))));
        case "Fn::Select":
          List<?> select = (List<?>) argument;
          return ((List<?>) resolve(select.get(1))).get(Integer.parseInt(text(select.get(0))));
        case "Fn::If":
          List<?> branches = (List<?>) argument;
          return resolve(
              condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
          return test(map);
        default:
          break;
      }
    }
    Map<Object, Object> resolved = new LinkedHashMap<>();
    map.forEach((key, value) -> resolved.put(key, resolve(value)));
    return resolved;
  }

  /** Evaluates a named entry of the template's Conditions section. */
  public boolean condition(String name) {
    Object definition = template.conditions().get(name);
    if (definition == null) {
      throw new IllegalArgumentException("no condition " + name + " in the template");
    }
    return test(definition);
  }

  private boolean test(Object expression) {
    Map<?, ?> map = (Map<?, ?>) expression;
    Map.Entry<?, ?> only = map.entrySet().iterator().next();
    List<?> arguments = only.getValue() instanceof List<?> list ? list : List.of(only.getValue());
    return switch (String.valueOf(only.getKey())) {
      case "Fn::Equals" -> text(arguments.get(0)).equals(text(arguments.get(1)));
      case "Fn::Not" -> !test(arguments.get(0));
      case "Fn::And" -> arguments.stream().allMatch(this::test);
      case "Fn::Or" -> arguments.stream().anyMatch(this::test);
      case "Condition" -> condition(String.valueOf(arguments.get(0)));
      default -> throw new IllegalArgumentException("not a condition: " + expression);
    };
  }

  private String ref(String name) {
    if (pseudoParameters.containsKey(name)) {
      return pseudoParameters.get(name);
    }
    TemplateParameter parameter = template.parameters().get(name);
    if (parameter != null) {
      return Optional.ofNullable(parameterOverrides.get(name))
          .or(parameter::defaultValue)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "parameter " + name + " has no Default: give it a value (override)"));
    }
    return resources
        .ref(name)
        .orElseThrow(
            () -> new IllegalArgumentException("cannot resolve !Ref " + name + " locally"));
  }

  private String getAtt(String logicalId, String attribute) {
    return resources
        .attribute(logicalId, attribute)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot resolve !GetAtt " + logicalId + "." + attribute + " locally"));
  }

  private String sub(Object argument) {
    String format;
    Map<String, String> variables = new HashMap<>();
    if (argument instanceof List<?> list) {
      format = String.valueOf(list.get(0));
      ((Map<?, ?>) list.get(1))
          .forEach((name, value) -> variables.put(String.valueOf(name), text(value)));
    } else {
      format = String.valueOf(argument);
    }
    Matcher matcher = SUB_VARIABLE.matcher(format);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String replacement;
      if (variable.startsWith("!")) {
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = variables.get(variable);
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        int dot = variable.indexOf('.');
        replacement = getAtt(variable.substring(0, dot), variable.substring(dot + 1));
      } else {
        replacement = ref(variable);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Resolves each value of an environment-variable map to its text. */
  public Map<String, String> texts(Map<String, Object> expressions) {
    Map<String, String> resolved = new LinkedHashMap<>();
    new ArrayList<>(expressions.keySet())
        .stream().sorted().forEach(name -> resolved.put(name, text(expressions.get(name))));
    return resolved;
  }
}
