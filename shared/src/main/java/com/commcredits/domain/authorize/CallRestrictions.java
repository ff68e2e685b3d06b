package com.commcredits.domain.authorize;

import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.rating.ZoneA;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an org lets its people call, as admins set it: meeting dial-out per organizer, and
 * calling-plan users' own calls per user, each with an org-wide default. Emergency calls are always
 * allowed; calls coming in are never restricted.
 *
 * @param organizers dial-out policies of particular organizers, by user principal name
 * @param users calling policies of particular users, by user principal name
 */
public record CallRestrictions(
    DialOut dialOutDefault,
    Map<String, DialOut> organizers,
    UserCalls userCallsDefault,
    Map<String, UserCalls> users) {

  /** Where meetings an organizer runs may dial out to. */
  public enum DialOut {
    ANY_DESTINATION,
    SAME_COUNTRY,
    ZONE_A,
    NONE
  }

  /** Which calls a calling-plan user may place. */
  public enum UserCalls {
    INTERNATIONAL_AND_DOMESTIC,
    DOMESTIC,
    NONE
  }

  public static final CallRestrictions NONE_SET =
      new CallRestrictions(
          DialOut.ANY_DESTINATION, Map.of(), UserCalls.INTERNATIONAL_AND_DOMESTIC, Map.of());

  public CallRestrictions {
    Objects.requireNonNull(dialOutDefault, "dialOutDefault");
    organizers = Map.copyOf(organizers);
    Objects.requireNonNull(userCallsDefault, "userCallsDefault");
    users = Map.copyOf(users);
  }

  /**
   * Why the call may not start, or empty when it may.
   *
   * @param destinationCountry the country of the number dialled
   * @param userLocation the organizer's or user's country
   */
  public Optional<String> refusal(
      CallType callType,
      String userPrincipalName,
      String userLocation,
      String destinationCountry,
      boolean emergency,
      ZoneA zoneA) {
    if (emergency) {
      return Optional.empty();
    }
    boolean international = !destinationCountry.equals(userLocation);
    if (callType == CallType.CONF_OUT) {
      DialOut policy = organizers.getOrDefault(userPrincipalName, dialOutDefault);
      return switch (policy) {
        case ANY_DESTINATION -> Optional.empty();
        case SAME_COUNTRY ->
            international
                ? Optional.of(
                    "dial-out is limited to the organizer's country (" + userLocation + ")")
                : Optional.empty();
        case ZONE_A ->
            zoneA.contains(destinationCountry)
                ? Optional.empty()
                : Optional.of(
                    "dial-out is limited to Zone A countries; "
                        + destinationCountry
                        + " is not one");
        case NONE -> Optional.of("dial-out is turned off for this organizer");
      };
    }
    if (callType == CallType.USER_OUT) {
      UserCalls policy = users.getOrDefault(userPrincipalName, userCallsDefault);
      return switch (policy) {
        case INTERNATIONAL_AND_DOMESTIC -> Optional.empty();
        case DOMESTIC ->
            international
                ? Optional.of("this user may place domestic calls only")
                : Optional.empty();
        case NONE ->
            Optional.of("outbound calls are turned off for this user (emergency calls still work)");
      };
    }
    return Optional.empty();
  }
}
