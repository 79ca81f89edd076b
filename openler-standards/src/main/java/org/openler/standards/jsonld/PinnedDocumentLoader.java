package org.openler.standards.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.net.URI;
import org.openler.standards.StandardsException;

/** A titanium document loader that serves only {@link BundledContexts} and never touches the network. */
public final class PinnedDocumentLoader implements DocumentLoader {

    public static final PinnedDocumentLoader INSTANCE = new PinnedDocumentLoader();

    private PinnedDocumentLoader() {}

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        try {
            // A fresh wrapper each time: titanium may set the document URL on it, the parsed JSON itself is shared.
            JsonDocument document = JsonDocument.of(BundledContexts.context(url.toString()));
            document.setDocumentUrl(url);
            return document;
        } catch (StandardsException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e.getMessage());
        }
    }
}
