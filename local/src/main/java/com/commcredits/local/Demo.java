package com.commcredits.local;

import java.io.PrintStream;

/** A scripted walk through the application on a local deployment ({@code local/run demo}). */
public final class Demo {

  private Demo() {}

  public static void run(LocalDeployment deployment, PrintStream out) {
    out.println("Local stack " + deployment.stackName() + " is up; the demo script comes next.");
  }
}
