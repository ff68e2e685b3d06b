package com.commcredits.domain.account;

import java.util.Locale;

/** The language an org's admins get their emails in. */
public enum Language {
  EN(Locale.ENGLISH),
  DE(Locale.GERMAN);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** Unknown or missing codes fall back to English, the language every admin is offered. */
  public static Language fromCode(String code) {
    if (code == null) {
      return EN;
    }
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "de", "de-de", "de-at", "de-ch" -> DE;
      default -> EN;
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
