package com.commcredits.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.junit.LocalDeploymentExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDeploymentExtension.class)
class SesEmulatorIT {

  @BeforeEach
  void clear(LocalDeployment deployment) {
    deployment.clearSentEmails();
  }

  @Test
  void emailSentThroughSesV2_isReadBackBySentEmails(LocalDeployment deployment) {
    // given
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // when
    deployment
        .sesV2()
        .sendEmail(
            r ->
                r.fromEmailAddress("billing@comm-credits.local")
                    .destination(d -> d.toAddresses("admin@contoso.example"))
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data("Balance low"))
                                        .body(
                                            b ->
                                                b.text(t -> t.data("Top up soon."))
                                                    .html(h -> h.data("<p>Top up soon.</p>"))))));

    // then
    assertThat(deployment.sentEmails())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.from()).isEqualTo("billing@comm-credits.local");
              assertThat(mail.to()).containsExactly("admin@contoso.example");
              assertThat(mail.subject()).isEqualTo("Balance low");
              assertThat(mail.textBody()).isEqualTo("Top up soon.");
              assertThat(mail.htmlBody()).isEqualTo("<p>Top up soon.</p>");
              assertThat(mail.at()).isAfterOrEqualTo(before);
            });
  }

  @Test
  void clearSentEmails_emptiesTheStore(LocalDeployment deployment) {
    // given
    deployment
        .sesV2()
        .sendEmail(
            r ->
                r.fromEmailAddress("billing@comm-credits.local")
                    .destination(d -> d.toAddresses("admin@contoso.example"))
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data("x"))
                                        .body(b -> b.text(t -> t.data("y"))))));

    // when
    deployment.clearSentEmails();

    // then
    assertThat(deployment.sentEmails()).isEmpty();
  }
}
