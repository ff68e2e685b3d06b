package com.commcredits.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void serve_usesTheDocumentedFixedPorts_unlessFlagsChangeThem() {
    // when
    Main.Command plain = Main.Command.parse("serve");
    Main.Command moved = Main.Command.parse("serve", "--sqs-port", "9500");

    // then
    assertThat(plain.options().dynamoDbPort()).isEqualTo(8000);
    assertThat(plain.options().sqsPort()).isEqualTo(9324);
    assertThat(plain.options().sesPort()).isEqualTo(8005);
    assertThat(moved.options().sqsPort()).isEqualTo(9500);
    assertThat(moved.options().dynamoDbPort()).isEqualTo(8000);
  }

  @Test
  void demo_usesFreePorts_andAcceptsStackTemplateAndParameters() {
    // when
    Main.Command demo =
        Main.Command.parse(
            "demo",
            "--stack-name",
            "demo-stack",
            "--template",
            "other.yaml",
            "--parameter",
            "PaymentGateway=stripe");

    // then
    assertThat(demo.mode()).isEqualTo("demo");
    assertThat(demo.options().sqsPort()).isZero();
    assertThat(demo.options().stackName()).isEqualTo("demo-stack");
    assertThat(demo.options().template()).isEqualTo(Optional.of(Path.of("other.yaml")));
    assertThat(demo.options().parameterOverrides())
        .containsEntry("PaymentGateway", "stripe")
        .containsEntry("SenderEmail", "billing@comm-credits.local");
  }

  @Test
  void unknownCommandsAndOptions_areRejected() {
    assertThatThrownBy(() -> Main.Command.parse()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Main.Command.parse("deploy")).hasMessageContaining("unknown command");
    assertThatThrownBy(() -> Main.Command.parse("serve", "--verbose", "1"))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(() -> Main.Command.parse("serve", "--sqs-port", "http"))
        .hasMessageContaining("not a port");
    assertThatThrownBy(() -> Main.Command.parse("serve", "--sqs-port"))
        .hasMessageContaining("missing value");
  }
}
