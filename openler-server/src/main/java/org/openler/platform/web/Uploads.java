package org.openler.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.openler.platform.problems.PlatformException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * A file uploaded to become a job (bulk issuance, articulation imports): the same two steps on every such route. The
 * file comes as the multipart field {@code file} from a page, or as the body from a program; and an
 * {@code Idempotency-Key} makes re-sending the same upload find the job the first one made, not a second job.
 */
public final class Uploads {

    /** The longest submission key kept: the key is stored with the job and looked up by it. */
    public static final int MAX_SUBMISSION_KEY = 200;

    private Uploads() {}

    /** The submission key as sent, stripped; empty when none or blank; a 400 problem when it is too long. */
    public static Optional<String> submissionKey(Optional<String> header) {
        Optional<String> key = header.map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > MAX_SUBMISSION_KEY) {
            throw PlatformException.invalid("Idempotency-Key", "At most " + MAX_SUBMISSION_KEY + " characters.");
        }
        return key;
    }

    /**
     * The multipart field {@code file}, when the request is a multipart form; empty when it is not (the body is then the
     * file). A form without a file is a 400 problem on the field, with {@code choose} as its message.
     */
    public static Optional<MultipartFile> file(HttpServletRequest request, String choose) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return Optional.empty();
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null || file.isEmpty()) {
            throw PlatformException.invalid("file", choose);
        }
        return Optional.of(file);
    }
}
