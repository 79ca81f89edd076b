package org.openler.platform.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem details, and decides whether a request came from a person's browser (who gets
 * a readable page) or from a program (who gets {@code application/problem+json}).
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static ProblemDetail detail(
            Problem problem, String detail, List<PlatformException.FieldError> fieldErrors, String instance) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
        body.setType(problem.type());
        body.setTitle(problem.title());
        body.setInstance(URI.create(instance));
        if (!fieldErrors.isEmpty()) {
            body.setProperty(
                    "errors",
                    fieldErrors.stream()
                            .map(e -> Map.of("field", e.field(), "message", e.message()))
                            .toList());
        }
        return body;
    }

    /**
     * A browser navigating to a page asks for {@code text/html}; programs (curl, fetch, SDKs) ask for JSON or
     * anything. Paths that only ever serve programs answer them with problem+json whatever they accept.
     */
    public static boolean wantsHtml(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/oauth2/") || path.startsWith("/v3/")) {
            return false;
        }
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    public static void write(HttpServletResponse response, ProblemDetail body) throws IOException {
        response.setStatus(body.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", String.valueOf(body.getType()));
        json.put("title", body.getTitle());
        json.put("status", body.getStatus());
        if (body.getDetail() != null) {
            json.put("detail", body.getDetail());
        }
        if (body.getInstance() != null) {
            json.put("instance", body.getInstance().toString());
        }
        if (body.getProperties() != null) {
            json.putAll(body.getProperties());
        }
        String text = JSON.writeValueAsString(json);
        try {
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerInUse) {
            // A page had begun to render (so it took the writer) when the failure came: the buffer was reset, but the
            // servlet API allows one of the two streams per response, and asking for the other turned the 503 into a
            // 500 (found by the soak trial, docs/resilience.md).
            response.getWriter().write(text);
        }
    }
}
