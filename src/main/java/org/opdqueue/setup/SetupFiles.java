package org.opdqueue.setup;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemMappers;
import org.opdqueue.common.ProblemType;

/**
 * Reads and writes set-up files. Reading is strict: a misspelt field ({@code nameHI}) is refused rather than
 * silently left out, which would keep the old value without a word.
 */
@ApplicationScoped
public class SetupFiles {

    private final ObjectMapper json;

    public SetupFiles(ObjectMapper json) {
        this.json = json;
    }

    public SetupDocument read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The set-up file is empty");
        }
        try {
            SetupDocument doc = json.readerFor(SetupDocument.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(file);
            if (doc == null) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "The set-up file is empty");
            }
            return doc;
        } catch (UnrecognizedPropertyException e) {
            String path = ProblemMappers.fieldPath(e);
            throw refused(path, "Unknown field " + e.getPropertyName() + "; this place takes " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "The set-up file is not a JSON object");
            }
            throw refused(ProblemMappers.fieldPath(e), "Has the wrong type (a list, text, a number or true/false?)");
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The set-up file is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The set-up file could not be read: " + e.getMessage());
        }
    }

    /** Indented, one field a line, so that two exports compare well with diff. */
    public byte[] write(SetupDocument doc) {
        try {
            return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException refused(String path, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, path + ": " + message,
                List.of(new Problem.FieldError(path, message)));
    }
}
