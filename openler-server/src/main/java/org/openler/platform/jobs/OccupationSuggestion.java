package org.openler.platform.jobs;

/**
 * One candidate occupation for a title: its O*NET-SOC code ({@code 15-1252.00}), a confidence in [0, 1], and what
 * matched (the occupation's own titles, or an ESCO occupation through the crosswalk).
 */
public record OccupationSuggestion(String onetCode, double confidence, String matchedBy) {

    public OccupationSuggestion {
        if (!JobInput.ONET_CODE.matcher(onetCode).matches()) {
            throw new IllegalArgumentException("Not an O*NET-SOC code: " + onetCode);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("A confidence is in [0, 1]");
        }
    }
}
