package org.openler.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemResponsesTests {

    /** As a servlet container answers: once the writer is taken, the output stream is refused, and the reverse. */
    static final class OneStreamResponse extends HttpServletResponseWrapper {
        private boolean writer;
        private boolean stream;

        OneStreamResponse(MockHttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (stream) {
                throw new IllegalStateException("getOutputStream() has already been called for this response");
            }
            writer = true;
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer) {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
            stream = true;
            return super.getOutputStream();
        }
    }

    private static final ProblemDetail UNAVAILABLE = ProblemResponses.detail(
            Problem.SERVICE_UNAVAILABLE, "The service is briefly unavailable.", List.of(), "/wallet");

    @Test
    void aProblemIsWrittenAsJsonOnAFreshResponse() throws IOException {
        MockHttpServletResponse mock = new MockHttpServletResponse();
        ProblemResponses.write(new OneStreamResponse(mock), UNAVAILABLE);
        assertThat(mock.getStatus()).isEqualTo(503);
        assertThat(mock.getContentType()).startsWith("application/problem+json");
        assertThat(mock.getContentAsString()).contains("\"status\":503").contains("briefly unavailable");
    }

    @Test
    void aProblemIsStillWrittenWhenAPageHadAlreadyTakenTheWriter() throws IOException {
        MockHttpServletResponse mock = new MockHttpServletResponse();
        OneStreamResponse response = new OneStreamResponse(mock);
        response.getWriter(); // a page began to render, then the database failed
        response.resetBuffer();
        ProblemResponses.write(response, UNAVAILABLE);
        response.getWriter().flush();
        assertThat(mock.getStatus())
                .as("a 503, not the 500 the container made of it")
                .isEqualTo(503);
        assertThat(mock.getContentAsString()).contains("\"status\":503");
    }
}
