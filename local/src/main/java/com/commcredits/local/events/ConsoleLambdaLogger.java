package com.commcredits.local.events;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a function logs through its Context, to the console, prefixed with the function name. */
public final class ConsoleLambdaLogger implements LambdaLogger {

  private final String prefix;
  private final PrintStream out;

  public ConsoleLambdaLogger(String functionName, PrintStream out) {
    this.prefix = "[" + functionName + "] ";
    this.out = out;
  }

  @Override
  public void log(String message) {
    out.println(prefix + message.stripTrailing());
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8));
  }
}
