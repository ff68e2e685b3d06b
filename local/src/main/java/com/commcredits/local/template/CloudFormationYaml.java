package com.commcredits.local.template;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML. The short intrinsic tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code
 * !Sub ...}) become their long JSON forms ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}, ...), so
 * the rest of the code handles one form only.
 */
final class CloudFormationYaml {

  private static final List<String> FUNCTIONS =
      List.of(
          "And",
          "Base64",
          "Cidr",
          "Equals",
          "FindInMap",
          "GetAZs",
          "If",
          "ImportValue",
          "Join",
          "Length",
          "Not",
          "Or",
          "Select",
          "Split",
          "Sub",
          "ToJsonString",
          "Transform");

  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(String yaml) {
    Object document = new Yaml(new IntrinsicTags(new LoaderOptions())).load(yaml);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("a template must be a YAML mapping");
    }
    return (Map<String, Object>) document;
  }

  private static final class IntrinsicTags extends SafeConstructor {

    IntrinsicTags(LoaderOptions options) {
      super(options);
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
      }
      yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
      yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
    }

    private Object content(Node node) {
      if (node instanceof ScalarNode scalar) {
        return constructScalar(scalar);
      }
      if (node instanceof SequenceNode sequence) {
        return constructSequence(sequence);
      }
      return constructMapping((MappingNode) node);
    }

    private final class LongForm extends AbstractConstruct {
      private final String key;

      LongForm(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        return Map.of(key, content(node));
      }
    }

    private final class GetAtt extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        Object value = content(node);
        if (value instanceof String dotted) {
          int dot = dotted.indexOf('.');
          if (dot < 1) {
            throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + dotted);
          }
          value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        return Map.of("Fn::GetAtt", value);
      }
    }
  }
}
