package com.commcredits.local.template;

import java.util.List;

/** A global secondary index as declared in the template. */
public record SecondaryIndexSpec(
    String indexName,
    List<KeyElement> keySchema,
    String projectionType,
    List<String> nonKeyAttributes) {

  public SecondaryIndexSpec {
    keySchema = List.copyOf(keySchema);
    nonKeyAttributes = List.copyOf(nonKeyAttributes);
  }
}
