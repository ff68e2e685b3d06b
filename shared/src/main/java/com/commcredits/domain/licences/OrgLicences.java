package com.commcredits.domain.licences;

import java.util.List;
import java.util.Optional;

/**
 * The licences an org holds that pay for calls before its credits do.
 *
 * <p>With per-user audio conferencing licences ({@code audioConferencingUsers > 0}) dial-in to the
 * org's toll numbers is included and meetings share a dial-out pool of {@value
 * #DIAL_OUT_MINUTES_PER_LICENCE} minutes per licence per month to Zone A countries. Without them
 * the org's conferencing is pay-per-minute: every minute, toll dial-in included, is paid from
 * credits. Calling plans pool their minutes per country (see {@link CallingPlan}).
 *
 * @param audioConferencingUsers per-user audio conferencing licences assigned
 */
public record OrgLicences(int audioConferencingUsers, List<CallingPlan> callingPlans) {

  public static final int DIAL_OUT_MINUTES_PER_LICENCE = 60;
  public static final String AUDIO_CONFERENCING = "AudioConferencing";
  public static final String CONFERENCING_POOL = "audio-conferencing";

  /** Pay-per-minute conferencing and no calling plans: credits pay for everything. */
  public static final OrgLicences NONE = new OrgLicences(0, List.of());

  public OrgLicences {
    if (audioConferencingUsers < 0) {
      throw new IllegalArgumentException("audioConferencingUsers must not be negative");
    }
    callingPlans = List.copyOf(callingPlans);
  }

  public static OrgLicences audioConferencing(int users) {
    return new OrgLicences(users, List.of());
  }

  public OrgLicences withCallingPlans(CallingPlan... plans) {
    return new OrgLicences(audioConferencingUsers, List.of(plans));
  }

  public boolean isPayPerMinute() {
    return audioConferencingUsers == 0;
  }

  /** Whether any call of the org may draw on a pool, so its usage is worth reading. */
  public boolean hasPools() {
    return audioConferencingUsers > 0 || !callingPlans.isEmpty();
  }

  public Optional<MinutePool> conferencingDialOutPool() {
    return audioConferencingUsers == 0
        ? Optional.empty()
        : Optional.of(
            new MinutePool(
                CONFERENCING_POOL,
                AUDIO_CONFERENCING,
                (long) audioConferencingUsers * DIAL_OUT_MINUTES_PER_LICENCE));
  }

  /** The pool for calls within {@code country} of users located there, if they have a plan. */
  public Optional<MinutePool> domesticPool(String country) {
    long minutes = 0;
    boolean planned = false;
    for (CallingPlan plan : callingPlans) {
      if (plan.country().equals(country)) {
        planned = true;
        minutes += (long) plan.users() * plan.domesticMinutesPerUser();
      }
    }
    return planned
        ? Optional.of(
            new MinutePool("domestic-" + country, "DomesticCallingPlan(" + country + ")", minutes))
        : Optional.empty();
  }

  /**
   * The pool for calls abroad of users located in {@code country}, if they have an international
   * plan.
   */
  public Optional<MinutePool> internationalPool(String country) {
    long minutes = 0;
    boolean planned = false;
    for (CallingPlan plan : callingPlans) {
      if (plan.country().equals(country) && plan.isInternational()) {
        planned = true;
        minutes += (long) plan.users() * plan.internationalMinutesPerUser();
      }
    }
    return planned
        ? Optional.of(
            new MinutePool(
                "international-" + country, "InternationalCallingPlan(" + country + ")", minutes))
        : Optional.empty();
  }
}
