package org.openler.platform.kernel;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * A public address that credentials name (an issuer's {@code url}, an achievement's {@code id}) answers people with a
 * page and programs with JSON-LD from one handler: the handler returns this view when the caller did not ask for
 * HTML. (Two handlers on one path, split by {@code produces}, are ambiguous to Spring for a caller accepting
 * anything.) The body is JSON-LD either way; it is labelled {@code application/ld+json} when the caller asked for
 * that, else {@code application/json}.
 */
public final class LinkedData {

    public static final String JSON_LD = "application/ld+json";

    /** The OB 3.0 contexts of a standalone {@code Profile} or {@code Achievement}. */
    public static final String[] CONTEXTS = {
        "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    };

    private LinkedData() {}

    /** Whether a person's browser asked (it names text/html; programs ask for JSON or anything). */
    public static boolean forPeople(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    public static ModelAndView answer(String json, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String type = accept != null && accept.contains(JSON_LD) ? JSON_LD : "application/json";
        View view = (model, req, response) -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            response.setContentType(type);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        };
        return new ModelAndView(view);
    }
}
