package org.openler.platform.obapi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error body the 1EdTech APIs define (Open Badges 3.0 and CLR 2.0, appendix "Shared API Data Models"):
 * {@code imsx_codeMajor}, {@code imsx_severity}, {@code imsx_description} and {@code imsx_codeMinor}. The resource
 * routes of both APIs answer every refusal in this shape instead of the platform's problem+json, because the
 * specifications define it and their clients parse it.
 */
record ImsxStatusInfo(HttpStatus status, String codeMajor, String severity, String codeMinor, String description) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The name the {@code imsx_codeMinorFieldName} gives for this system. */
    static final String SYSTEM = "TargetEndSystem";

    static ImsxStatusInfo unauthorized(String description) {
        return failure(HttpStatus.UNAUTHORIZED, "unauthorizedrequest", description);
    }

    static ImsxStatusInfo forbidden(String description) {
        return failure(HttpStatus.FORBIDDEN, "forbidden", description);
    }

    static ImsxStatusInfo invalidQuery(String description) {
        return failure(HttpStatus.BAD_REQUEST, "invalid_query_parameter", description);
    }

    static ImsxStatusInfo invalidData(String description) {
        return failure(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_data", description);
    }

    /** {@code not_found} is reported with severity {@code status}, as the vocabulary says. */
    static ImsxStatusInfo notFound(String description) {
        return new ImsxStatusInfo(HttpStatus.NOT_FOUND, "failure", "status", "not_found", description);
    }

    static ImsxStatusInfo failure(HttpStatus status, String codeMinor, String description) {
        return new ImsxStatusInfo(status, "failure", "error", codeMinor, description);
    }

    /** The JSON object, with keys in the specification's order. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imsx_codeMajor", codeMajor);
        body.put("imsx_severity", severity);
        body.put("imsx_description", description);
        body.put(
                "imsx_codeMinor",
                Map.of(
                        "imsx_codeMinorField",
                        List.of(Map.of("imsx_codeMinorFieldName", SYSTEM, "imsx_codeMinorFieldValue", codeMinor))));
        return body;
    }

    ResponseEntity<Map<String, Object>> response() {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.body(body());
    }

    /** Writes the body directly, for refusals made before any handler runs (the security filter chain). */
    void write(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(body()));
    }
}
