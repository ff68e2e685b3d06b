package com.commcredits.local.template;

import java.util.Optional;

/** A template parameter; {@code defaultValue} is empty when the template gives no Default. */
public record TemplateParameter(String name, String type, Optional<String> defaultValue) {}
