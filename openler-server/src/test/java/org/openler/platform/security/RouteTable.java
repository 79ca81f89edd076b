package org.openler.platform.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The platform's route table, read from Spring MVC itself: every handler method under {@code org.openler.platform},
 * one row per HTTP method and path pattern. A route added tomorrow is in tomorrow's matrix without anyone editing a
 * list. Handlers mapped without an HTTP method (they answer any) appear as GET and POST.
 */
final class RouteTable {

    static final String PLATFORM_PACKAGE = "org.openler.platform";

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private RouteTable() {}

    /** One route: an HTTP method, a path pattern, the handler behind it and its access rule (if it has one). */
    record Route(
            String method,
            String pattern,
            HandlerMethod handler,
            @Nullable Access access,
            Set<MediaType> produces) {

        /**
         * Whether a client that accepts only text/html can get an answer at all: a route that declares it produces
         * only other types answers such a client 406 during content negotiation, before any access rule is checked.
         */
        boolean servesHtml() {
            return produces.isEmpty() || produces.stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
        }

        String name() {
            return method + " " + pattern;
        }

        /** Whether the handler reads a JSON body ({@code @RequestBody}). */
        boolean takesJson() {
            return jsonBodyType().isPresent();
        }

        Optional<Class<?>> jsonBodyType() {
            for (MethodParameter parameter : parameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return Optional.of(parameter.getParameterType());
                }
            }
            return Optional.empty();
        }

        boolean changesThings() {
            return !method.equals("GET");
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        /** The path variables, in the order they appear in the pattern. */
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The Java type the handler binds a path variable to (String when it does not bind it at all). */
        Class<?> variableType(String variable) {
            for (MethodParameter parameter : parameters()) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                if (annotation != null && variable.equals(nameOf(parameter, annotation.name()))) {
                    return parameter.getParameterType();
                }
            }
            return String.class;
        }

        /** The form or query fields the handler reads with {@code @RequestParam}. */
        List<String> formFields() {
            List<String> names = new ArrayList<>();
            for (MethodParameter parameter : parameters()) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                if (annotation != null) {
                    names.add(nameOf(parameter, annotation.name()));
                }
            }
            return names;
        }

        /** Fills the pattern's variables, in order, with the given values. */
        String path(List<String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            int i = 0;
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(values.get(i++)));
            }
            m.appendTail(path);
            return path.toString();
        }

        private List<MethodParameter> parameters() {
            List<MethodParameter> parameters = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                parameters.add(parameter);
            }
            return parameters;
        }

        private static String nameOf(MethodParameter parameter, String declared) {
            if (!declared.isEmpty()) {
                return declared;
            }
            String discovered = parameter.getParameterName();
            if (discovered == null) {
                throw new IllegalStateException("Compile with -parameters: no name for " + parameter);
            }
            return discovered;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Every route of the platform's own handlers, sorted by pattern then method. */
    static List<Route> read(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith(PLATFORM_PACKAGE + ".")) {
                return;
            }
            Access access = handler.getMethodAnnotation(Access.class);
            for (String method : methods(info)) {
                for (String pattern : info.getPatternValues()) {
                    routes.add(new Route(
                            method,
                            pattern,
                            handler,
                            access,
                            Set.copyOf(info.getProducesCondition().getProducibleMediaTypes())));
                }
            }
        });
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return List.copyOf(routes);
    }

    private static List<String> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        if (declared.isEmpty()) {
            return List.of("GET", "POST");
        }
        return declared.stream().map(RequestMethod::name).sorted().toList();
    }

    /** A plausible value for a path variable the handler binds to this type: a UUID, a number, or a random token. */
    static String plausible(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "1";
        }
        return randomToken();
    }

    static String randomToken() {
        return UUID.randomUUID().toString().replace("-", "") + "Zq9";
    }
}
