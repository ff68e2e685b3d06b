package com.commcredits.adapters.dynamodb;

import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps an org's {@link OrgLicences} to the account item's {@code licences} map attribute and back.
 * An account without the attribute (opened before licences existed) has {@link OrgLicences#NONE}.
 */
final class LicencesItem {

  static final String ATTRIBUTE = "licences";

  private LicencesItem() {}

  static AttributeValue toAttribute(OrgLicences licences) {
    return AttributeValue.fromM(
        Map.of(
            "audioConferencingUsers",
            Attr.n(licences.audioConferencingUsers()),
            "callingPlans",
            AttributeValue.fromL(
                licences.callingPlans().stream()
                    .map(
                        plan ->
                            AttributeValue.fromM(
                                Map.of(
                                    "country", Attr.s(plan.country()),
                                    "users", Attr.n(plan.users()),
                                    "domesticMinutesPerUser", Attr.n(plan.domesticMinutesPerUser()),
                                    "internationalMinutesPerUser",
                                        Attr.n(plan.internationalMinutesPerUser()))))
                    .toList())));
  }

  static OrgLicences fromItem(Map<String, AttributeValue> item) {
    AttributeValue value = item.get(ATTRIBUTE);
    if (value == null || !value.hasM()) {
      return OrgLicences.NONE;
    }
    Map<String, AttributeValue> m = value.m();
    AttributeValue plans = m.get("callingPlans");
    return new OrgLicences(
        (int) Attr.number(m, "audioConferencingUsers", 0),
        plans == null || !plans.hasL()
            ? java.util.List.of()
            : plans.l().stream()
                .map(AttributeValue::m)
                .map(
                    p ->
                        new CallingPlan(
                            Attr.string(p, "country"),
                            (int) Attr.number(p, "users", 0),
                            (int) Attr.number(p, "domesticMinutesPerUser", 0),
                            (int) Attr.number(p, "internationalMinutesPerUser", 0)))
                .toList());
  }
}
