package com.commcredits.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.template.HttpApiRoute;
import com.commcredits.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminApiRoutesTest {

  private final SamTemplate template = SamTemplate.read(SamTemplate.locate(Path.of("")));

  @Test
  void everyRouteTheTemplateServes_isInTheOpenApiContract_andEveryDocumentedOperationIsServed() {
    List<HttpApiRoute> routes = template.functions().get("AdminApiFunction").httpApiRoutes();

    List<String> served = routes.stream().map(r -> r.method() + " " + r.path()).toList();

    assertThat(served)
        .containsExactlyInAnyOrderElementsOf(OpenApiContract.ofProject().operations());
  }

  @Test
  void everyAdminApiRoute_isBehindTheJwtAuthorizer() {
    assertThat(template.functions().get("AdminApiFunction").httpApiRoutes())
        .allMatch(HttpApiRoute::authorized);
  }
}
