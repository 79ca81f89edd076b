package org.openler.platform.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.VerificationReport;

/**
 * A verification report in the W3C VC-API form, for callers that send the VC-API request shape (with
 * {@code options}): {@code checks} names the checks that ran (VC-API's names: {@code proof}, {@code credentialStatus},
 * …), {@code warnings} and {@code errors} are RFC 9457 problem details whose {@code type} is the VC Data Model 2.0
 * problem type, and {@code results} keeps OpenLER's plain-words account of each check, in the order they ran.
 */
final class VcApiResponse {

    /** The problem type of a warning: something accepted, but worth saying. */
    static final String WARNING_TYPE = "https://openler.org/problems/verification-warning";

    private VcApiResponse() {}

    static Map<String, Object> of(VerificationReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", report.verified());
        body.put("checks", checks(report));
        body.put("warnings", warnings(report));
        body.put("errors", errors(report));
        body.put("results", VerificationApi.checks(report));
        return body;
    }

    /** The VC-API name of each check that ran, once, in order (parsing is not a check VC-API names). */
    static List<String> checks(VerificationReport report) {
        Set<String> names = new LinkedHashSet<>();
        for (CheckResult result : report.results()) {
            if (result.check() != Check.PARSING) {
                names.add(name(result.check()));
            }
        }
        return List.copyOf(names);
    }

    static String name(Check check) {
        return switch (check) {
            case PARSING -> "parsing";
            case STRUCTURE -> "structure";
            case CONTEXTS -> "contexts";
            case PROOF -> "proof";
            case ISSUER -> "issuer";
            case STATUS -> "credentialStatus";
            case VALIDITY_PERIOD -> "validityPeriod";
            case EMBEDDED_CREDENTIAL -> "verifiableCredential";
            case TRANSPARENCY_LOG -> "transparencyLog";
        };
    }

    private static List<Map<String, String>> errors(VerificationReport report) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (CheckResult.Failed f : report.failures()) {
            errors.add(problem(f.problemType().uri().toString(), f.check(), f.message()));
        }
        return errors;
    }

    private static List<Map<String, String>> warnings(VerificationReport report) {
        List<Map<String, String>> warnings = new ArrayList<>();
        for (CheckResult.Warning w : report.warnings()) {
            warnings.add(problem(WARNING_TYPE, w.check(), w.message()));
        }
        return warnings;
    }

    private static Map<String, String> problem(String type, Check check, String detail) {
        Map<String, String> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", name(check));
        problem.put("detail", detail);
        return problem;
    }
}
